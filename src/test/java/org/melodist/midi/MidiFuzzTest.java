package org.melodist.midi;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.melodist.SharedData;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TempoMap;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

/**
 * Mutates real MIDI files (truncation, byte flips, random bytes, corrupted chunk lengths, spliced
 * regions) with fixed seeds: every case must either read or end in a {@link MidiFormatException}
 * with a one-line message. Any other exception, an error, or a hang fails the test.
 */
class MidiFuzzTest {

    private static final int CASES = 20_000;

    @Test
    void mutatedFilesEndInOurOwnCheckedException() throws Exception {
        List<byte[]> seeds = seedFiles();
        MidiFileReader reader = new MidiFileReader();
        Random rnd = new Random(20261125L);
        int[] outcome = new int[2];
        // a safety net against hangs, not a speed target
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                try {
                    reader.read(input);
                    outcome[0]++;
                } catch (MidiFormatException e) {
                    String m = e.getMessage();
                    if (m == null || m.isBlank() || m.contains("\n")) {
                        fail("case " + i + ": message is not one line: " + m);
                    }
                    outcome[1]++;
                } catch (Throwable t) {
                    throw new AssertionError("case " + i + " escaped with " + t, t);
                }
            }
        });
        System.out.printf("MIDI fuzz: %d cases from %d seed files, %d read, %d refused with a message%n",
                CASES, seeds.size(), outcome[0], outcome[1]);
        assertTrue(outcome[1] > CASES / 10, "mutations should break many files");
        assertTrue(outcome[0] > CASES / 20, "mild mutations should still read");
    }

    private static List<byte[]> seedFiles() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        // always self-contained seeds, written by our writer
        MidiFileWriter writer = new MidiFileWriter();
        seeds.add(writer.toBytes(new Song(480, TempoMap.of(List.of(new TempoChange(0, 100), new TempoChange(960, 130))),
                new TimeSignature(3, 4), Key.parse("D major"),
                List.of(new Track("Lead", 0, 0, List.of(new Note(62, 90, 0, 480), new Note(66, 90, 480, 240),
                        new Note(69, 90, 720, 720))), new Track("Bass", 1, 32, List.of(new Note(38, 80, 0, 1440)))),
                java.util.Map.of("loop.end", "1440"))));
        seeds.add(new SmfBuilder(0, 1, 96).track().event(0, 0x90, 60, 100).event(96, 60, 0).event(0, 64, 100)
                .event(96, 0x80, 64, 0).event(0, 0xF0, 2, 1, 0xF7).endTrack().bytes());
        SharedData.data("nottingham/full").ifPresentOrElse(dir -> {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".mid")).sorted().limit(40).toList()) {
                    seeds.add(Files.readAllBytes(p));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, () -> System.out.println(SharedData.missingReason("nottingham/full") + " (fuzzing only self-made files)"));
        return seeds;
    }

    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = Arrays.copyOf(original, original.length);
        int kind = rnd.nextInt(6);
        switch (kind) {
            case 0 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // truncate
            case 1 -> { // flip a few bits
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 2 -> { // random bytes somewhere
                int n = 1 + rnd.nextInt(16);
                for (int i = 0; i < n; i++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            case 3 -> { // corrupt a chunk length (header or a track)
                int at = chunkLengthOffset(b, rnd);
                for (int i = 0; i < 4; i++) b[at + i] = (byte) rnd.nextInt(256);
            }
            case 4 -> { // huge lengths in the middle of events
                int at = rnd.nextInt(Math.max(1, b.length - 4));
                b[at] = (byte) 0xFF;
                if (at + 1 < b.length) b[at + 1] = (byte) 0x7F;
                for (int i = at + 2; i < Math.min(b.length, at + 6); i++) b[i] = (byte) 0xFF;
            }
            default -> { // splice: repeat or drop a region
                int from = rnd.nextInt(b.length);
                int len = rnd.nextInt(Math.min(64, b.length - from) + 1);
                byte[] out = new byte[b.length + (rnd.nextBoolean() ? len : -len)];
                if (out.length > b.length) {
                    System.arraycopy(b, 0, out, 0, from + len);
                    System.arraycopy(b, from, out, from + len, b.length - from);
                } else {
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, from + len, out, from, b.length - from - len);
                }
                b = out;
            }
        }
        return b;
    }

    private static int chunkLengthOffset(byte[] b, Random rnd) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i + 8 <= b.length; i++) {
            if (b[i] == 'M' && b[i + 1] == 'T' && (b[i + 2] == 'h' || b[i + 2] == 'r')) offsets.add(i + 4);
        }
        return offsets.isEmpty() ? 0 : offsets.get(rnd.nextInt(offsets.size()));
    }
}
