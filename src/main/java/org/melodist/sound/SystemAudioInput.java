package org.melodist.sound;

import java.io.IOException;
import java.util.Optional;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** The default audio input line of the sound system: 16-bit signed mono PCM at 44.1 kHz. */
final class SystemAudioInput implements AudioInput {

    static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 1, true, false);
    static final String NO_DEVICE = "No audio input device (microphone) found";

    @Override
    public Optional<String> unavailableReason() {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, FORMAT)) ? Optional.empty()
                    : Optional.of(NO_DEVICE);
        } catch (RuntimeException e) {
            return Optional.of(NO_DEVICE + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public Capture open() throws IOException {
        Optional<String> why = unavailableReason();
        if (why.isPresent()) throw new IOException(why.get());
        TargetDataLine line;
        try {
            line = AudioSystem.getTargetDataLine(FORMAT);
            line.open(FORMAT, 4096);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("cannot open the audio input: " + e.getMessage(), e);
        }
        line.start();
        return new Capture() {
            private byte[] bytes = new byte[0];

            @Override
            public int sampleRate() {
                return (int) FORMAT.getSampleRate();
            }

            @Override
            public int read(float[] buffer) {
                int want = Math.min(buffer.length, Math.max(1, line.getBufferSize() / 2)) * 2;
                if (bytes.length < want) bytes = new byte[want];
                int got = line.read(bytes, 0, want);
                int n = got / 2;
                for (int i = 0; i < n; i++) {
                    buffer[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                }
                return n;
            }

            @Override
            public void close() {
                line.stop();
                line.close();
            }
        };
    }
}
