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
 * @param damage         null for a whole file; else what was decoded of a damaged or cut-short one, e.g.
 *                       "analysed the first 41.2 s; the rest is damaged"
 */
public record DecodedAudio(float[] samples, int sampleRate, float sourceRate, int sourceChannels, String sourceFormat,
        String damage) {

    /** Audio decoded whole. */
    public DecodedAudio(float[] samples, int sampleRate, float sourceRate, int sourceChannels, String sourceFormat) {
        this(samples, sampleRate, sourceRate, sourceChannels, sourceFormat, null);
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
