package org.melodist.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveMonitorTest {

    /** An output that keeps what reaches it, in order, as "command channel d1 d2". */
    static final class Capture implements MidiOutput {
        final List<String> got = new ArrayList<>();
        boolean closed;

        @Override
        public Receiver open() {
            return new Receiver() {
                @Override
                public void send(MidiMessage message, long timeStamp) {
                    ShortMessage m = (ShortMessage) message;
                    got.add(m.getCommand() + " " + m.getChannel() + " " + m.getData1() + " " + m.getData2());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String description() {
            return "capture";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void playsWhatComesInOnTheTracksChannelWithItsInstrument() throws InvalidMidiDataException {
        Capture out = new Capture();
        LiveMonitor monitor = new LiveMonitor(out);
        assertTrue(monitor.open());
        monitor.setInstrument(3, 40);
        monitor.send(new ShortMessage(ShortMessage.NOTE_ON, 9, 60, 77), 123);
        monitor.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 5, 0), -1); // the keyboard's own: ignored
        monitor.send(new SysexMessage(new byte[] {(byte) 0xF0, 0x7E, (byte) 0xF7}, 3), -1);
        monitor.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, 127), -1);
        monitor.send(new ShortMessage(ShortMessage.NOTE_OFF, 9, 60, 0), -1);
        // moving from channel 1 first silences what sounded there
        assertEquals(List.of("176 0 64 0", "176 0 123 0", "176 3 0 0", "176 3 32 0", "192 3 40 0", "144 3 60 77", "176 3 64 127", "128 3 60 0"), out.got);

        out.got.clear();
        monitor.setInstrument(3, 40); // same instrument: nothing to send
        assertTrue(out.got.isEmpty());
        monitor.setEnabled(false);
        monitor.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 62, 90), -1);
        assertEquals(List.of("176 3 64 0", "176 3 123 0"), out.got, "turning monitoring off silences held notes");
        monitor.close();
        assertTrue(out.closed);
    }

    @Test
    void withoutAnAudioDeviceItStaysSilentAndSaysWhy() throws InvalidMidiDataException {
        LiveMonitor monitor = new LiveMonitor(new MidiOutput() {
            @Override
            public Receiver open() throws MidiUnavailableException {
                throw new MidiUnavailableException("no audio output device was found");
            }

            @Override
            public String description() {
                return "none";
            }

            @Override
            public void close() {
            }
        });
        assertFalse(monitor.open());
        assertEquals("Monitoring unavailable: no audio output device was found", monitor.unavailableReason());
        monitor.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 90), -1); // no exception at the player
        monitor.close();
    }

    @Test
    void theMonitoringSettingsAnswerAKeySoonerInTheStreamThanPlaybacks(@TempDir Path tmp) throws Exception {
        SoundBenchmark bench = new SoundBenchmark(Optional.of(SoundbankFiles.load(TestSoundbanks.writeSineBank(tmp))));
        double playback = bench.noteOnToSoundMillis(GervillLiveOutput.DEFAULT_LATENCY_MICROS,
                GervillLiveOutput.DEFAULT_CONTROL_RATE, 4);
        double monitoring = bench.noteOnToSoundMillis(GervillLiveOutput.MONITOR_LATENCY_MICROS,
                GervillLiveOutput.MONITOR_CONTROL_RATE, 4);
        System.out.printf("note-on to first sample: playback %.1f ms, monitoring %.1f ms (in the stream)%n", playback, monitoring);
        assertTrue(monitoring < playback, monitoring + " vs " + playback);
        assertTrue(monitoring + GervillLiveOutput.MONITOR_LATENCY_MICROS / 1000.0 <= 15,
                "note-on to sound with the monitoring buffer: " + monitoring + " ms + the buffer");
    }
}
