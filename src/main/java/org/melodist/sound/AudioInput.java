package org.melodist.sound;

import java.io.IOException;
import java.util.Optional;

/**
 * Where live audio comes from for recording: the system's default input line (a microphone), or a stand-in
 * that plays samples as if they were sung into one ({@link #ofSamples}). The studio's "Sing a seed" reads
 * from this and never from the sound system directly, so that it can say why there is no input and so that
 * it can be driven by a synthetic stream under test.
 */
public interface AudioInput {

    /** Why nothing can be recorded here (no input device), as one line; empty when recording can start. */
    Optional<String> unavailableReason();

    /**
     * Opens the input and starts capturing; the caller closes the stream.
     *
     * @throws IOException with a one-line reason when the input cannot be opened
     */
    Capture open() throws IOException;

    /** An open input: mono samples in [-1, 1] as they come. */
    interface Capture extends AutoCloseable {
        int sampleRate();

        /**
         * Reads up to {@code buffer.length} samples, blocking until some are there; -1 when the input has ended
         * (a stand-in that ran out of samples). An interrupted read returns what it has (maybe 0).
         */
        int read(float[] buffer) throws IOException;

        @Override
        void close();
    }

    /** The system's default input line (16-bit mono at 44.1 kHz). */
    static AudioInput system() {
        return new SystemAudioInput();
    }

    /**
     * A stand-in input that delivers {@code samples} at {@code rate}; {@code paced} delivers them at the pace of
     * real time (as a microphone would), otherwise as fast as they are read.
     */
    static AudioInput ofSamples(float[] samples, int rate, boolean paced) {
        return new SampleAudioInput(samples, rate, paced);
    }
}
