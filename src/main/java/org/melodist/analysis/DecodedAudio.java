package org.melodist.analysis;

/**
 * Audio ready for analysis: mono samples at {@link #sampleRate()} (22,050 Hz from {@link AudioDecoder}),
 * plus what the source file was.
 *
 * @param samples        mono samples in [-1, 1]; owned by this object, not copied
 * @param sampleRate     rate of {@code samples}
 * @param sourceRate     sample rate of the file as stored
 * @param sourceChannels channels of the file as stored (averaged to mono)
 * @param sourceFormat   short description of the encoding, e.g. "MPEG1L3" or "PCM_SIGNED 24-bit"
 */
public record DecodedAudio(float[] samples, int sampleRate, float sourceRate, int sourceChannels, String sourceFormat) {

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
