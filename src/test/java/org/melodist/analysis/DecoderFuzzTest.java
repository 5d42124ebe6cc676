package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;

/**
 * Mutated real and generated files (fixed seeds): each one either decodes and analyses, or fails with one
 * {@link AudioDecodeException} line naming the file; never another exception, a hang or an OutOfMemoryError.
 */
class DecoderFuzzTest {

    private static final int CASES_PER_SEED_FILE = 40;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesDecodeOrFailWithOneLine() throws Exception {
        Map<String, byte[]> seeds = seedFiles();
        AudioDecoder decoder = new AudioDecoder(AudioDecoder.TARGET_RATE, 120);
        AudioAnalyzer analyzer = new AudioAnalyzer(decoder);
        Random rnd = new Random(20261125L);
        int decoded = 0;
        int refused = 0;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        long slowestMs = 0;
        String slowest = "";
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            for (int i = 0; i < CASES_PER_SEED_FILE; i++) {
                byte[] mutated = mutate(seed.getValue(), rnd);
                Path f = Files.write(dir.resolve("case" + i + "-" + seed.getKey()), mutated);
                long start = System.nanoTime();
                Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(analyzer, f),
                        () -> "hang on mutation " + f.getFileName());
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowest = f.getFileName().toString();
                }
                if (o.message() == null) {
                    decoded++;
                } else {
                    refused++;
                    assertTrue(o.message().startsWith(f.getFileName() + ": "), o.message());
                    assertTrue(o.message().lines().count() == 1, o.message());
                    String reason = o.message().substring(o.message().indexOf(": ") + 2).replaceAll("\\(.*", "");
                    reasons.merge(reason.trim(), 1, Integer::sum);
                }
                Files.delete(f);
            }
        }
        System.out.printf("decoder fuzz: %d cases over %s: %d decoded, %d refused %s; slowest %s in %d ms%n",
                decoded + refused, seeds.keySet(), decoded, refused, reasons, slowest, slowestMs);
        assertTrue(decoded > 0 && refused > 0, "mutations should both survive and break decoding");
    }

    private record Outcome(String message) {
    }

    private static Outcome run(AudioAnalyzer analyzer, Path f) {
        try {
            AudioAnalysis a = analyzer.analyze(f);
            assertTrue(Double.isFinite(a.tempoBpm()) && a.features().values().stream().allMatch(Double::isFinite),
                    "non-finite features from " + f.getFileName());
            return new Outcome(null);
        } catch (AudioDecodeException e) {
            return new Outcome(e.getMessage());
        } catch (RuntimeException | Error e) {
            fail("unexpected " + e + " on " + f.getFileName(), e);
            return null;
        }
    }

    private Map<String, byte[]> seedFiles() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        double[] x = TestAudio.sine(330, 44_100, 0.6, 0.4);
        double[] noise = new double[x.length];
        Random r = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.05 * r.nextGaussian();
        }
        seeds.put("s16.wav", bytes(TestAudio.write(dir.resolve("a.wav"), AudioFileFormat.Type.WAVE, 44_100, 16, false,
                TestAudio.quantise(x, 2, 16))));
        seeds.put("s24.aiff", bytes(TestAudio.write(dir.resolve("a.aiff"), AudioFileFormat.Type.AIFF, 44_100, 24, true,
                TestAudio.quantise(x, 1, 24))));
        seeds.put("s16.au", bytes(TestAudio.write(dir.resolve("a.au"), AudioFileFormat.Type.AU, 44_100, 16, true,
                TestAudio.quantise(x, 1, 16))));
        seeds.put("s16.flac", bytes(TestAudio.flac(dir.resolve("a.flac"), 44_100, 16, TestAudio.quantise(x, 2, 16))));
        seeds.put("s24.flac", bytes(TestAudio.flac(dir.resolve("b.flac"), 48_000, 24, TestAudio.quantise(x, 1, 24))));
        seeds.put("fake.mp3", fakeMp3(new Random(11)));
        seeds.put("fake.ogg", fakeOgg(new Random(12)));
        Optional<Path> ref = SharedData.data("librosa-ref/loop_tabla.wav");
        if (ref.isPresent()) {
            // the first 40,000 bytes keep the real header and a second of real audio, and the test fast
            seeds.put("real.wav", Arrays.copyOf(Files.readAllBytes(ref.get()), 40_000));
        } else {
            System.out.println("decoder fuzz without the real seed file: " + SharedData.missingReason("librosa-ref"));
        }
        Arrays.fill(noise, 0);
        return seeds;
    }

    /** MPEG-1 Layer III frame headers (128 kbit/s, 44.1 kHz) over random payloads: the MP3 decoder's worst day. */
    private static byte[] fakeMp3(Random r) {
        int frame = 417;
        byte[] b = new byte[frame * 40];
        r.nextBytes(b);
        for (int i = 0; i < 40; i++) {
            b[i * frame] = (byte) 0xFF;
            b[i * frame + 1] = (byte) 0xFB;
            b[i * frame + 2] = (byte) 0x90;
            b[i * frame + 3] = (byte) 0x64;
        }
        return b;
    }

    /** An Ogg page carrying a Vorbis identification header, then random pages. */
    private static byte[] fakeOgg(Random r) {
        byte[] b = new byte[8000];
        r.nextBytes(b);
        byte[] head = {'O', 'g', 'g', 'S', 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 30,
            1, 'v', 'o', 'r', 'b', 'i', 's', 0, 0, 0, 0, 2, 0x44, (byte) 0xAC, 0, 0, 0, 0, 0, 0, 0, (byte) 0xF4, 1, 0,
            0, 0, 0, 0, (byte) 0xB8, 1};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] mutate(byte[] src, Random r) {
        byte[] b = src.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // flip a few bytes anywhere
                int n = 1 + r.nextInt(20);
                for (int i = 0; i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            case 1 -> { // damage the header
                int n = 1 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b[r.nextInt(Math.min(64, b.length))] = (byte) (r.nextBoolean() ? 0xFF : r.nextInt(256));
                }
            }
            case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncate
            case 3 -> { // splice in garbage
                int at = r.nextInt(b.length);
                byte[] junk = new byte[1 + r.nextInt(4000)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                b = out;
            }
            case 4 -> { // zero a run
                int at = r.nextInt(b.length);
                Arrays.fill(b, at, Math.min(b.length, at + r.nextInt(5000)), (byte) 0);
            }
            default -> { // overwrite a 32-bit field with an extreme value
                int at = r.nextInt(Math.min(60, b.length - 4));
                int v = r.nextBoolean() ? -1 : Integer.MAX_VALUE;
                for (int k = 0; k < 4; k++) {
                    b[at + k] = (byte) (v >> (8 * k));
                }
            }
        }
        return b;
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

}
