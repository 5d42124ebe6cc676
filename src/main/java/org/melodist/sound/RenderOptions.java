package org.melodist.sound;

/**
 * Settings of an offline render: output sample rate (16-bit stereo PCM), seconds of release tail after
 * the last note ends, and the mix (mutes, solos, programs, metronome).
 */
public record RenderOptions(float sampleRate, double tailSeconds, PlaybackMix mix) {

    public static final float DEFAULT_SAMPLE_RATE = 44_100f;
    public static final double DEFAULT_TAIL_SECONDS = 2.0;

    public static final RenderOptions DEFAULT = new RenderOptions(DEFAULT_SAMPLE_RATE, DEFAULT_TAIL_SECONDS,
            PlaybackMix.DEFAULT);

    public RenderOptions {
        if (!(sampleRate >= 8_000f && sampleRate <= 192_000f)) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 8000-192000");
        }
        if (!(tailSeconds >= 0 && tailSeconds <= 60)) {
            throw new IllegalArgumentException("release tail " + tailSeconds + " s is outside 0-60");
        }
        if (mix == null) {
            throw new IllegalArgumentException("mix is missing");
        }
    }

    public RenderOptions withSampleRate(float rate) {
        return new RenderOptions(rate, tailSeconds, mix);
    }

    public RenderOptions withTail(double seconds) {
        return new RenderOptions(sampleRate, seconds, mix);
    }

    public RenderOptions withMix(PlaybackMix newMix) {
        return new RenderOptions(sampleRate, tailSeconds, newMix);
    }
}
