package org.melodist.sound;

import java.util.Optional;

/** {@link AudioInput#ofSamples}: samples delivered as if they came from a microphone. */
final class SampleAudioInput implements AudioInput {

    /** Samples per read: about 12 ms at 44.1 kHz, a typical input buffer. */
    static final int BLOCK = 512;

    private final float[] samples;
    private final int rate;
    private final boolean paced;

    SampleAudioInput(float[] samples, int rate, boolean paced) {
        this.samples = samples.clone();
        this.rate = rate;
        this.paced = paced;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Capture open() {
        return new Capture() {
            private int pos;
            private final long startNanos = System.nanoTime();

            @Override
            public int sampleRate() {
                return rate;
            }

            @Override
            public int read(float[] buffer) {
                if (pos >= samples.length) return -1;
                int n = Math.min(Math.min(buffer.length, BLOCK), samples.length - pos);
                if (paced) {
                    // a microphone hands over a block once it has been sung
                    long due = startNanos + (long) ((pos + n) * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return 0;
                        }
                    }
                }
                System.arraycopy(samples, pos, buffer, 0, n);
                pos += n;
                return n;
            }

            @Override
            public void close() {
                pos = samples.length;
            }
        };
    }
}
