package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.cli.MelodistCli;

/**
 * Mutated real recordings in every format (fixed seeds): truncation, bit flips, zeroed runs, damaged headers,
 * garbage spliced in or appended, duplicated chunks, extreme header fields. Every case goes through what
 * {@code analyze --json} runs (every tenth through the command line itself) and must end in valid JSON on standard output, or in one line on
 * standard error that names the file and says what is wrong in words (no exception names), with exit code 2;
 * never a hang, a trace, or anything a codec library printed on either stream.
 */
class DecoderFuzzTest {

    private static final int CASES_PER_SEED_FILE = 600;
    private static final long CASE_TIMEOUT_SECONDS = 20;
    /** Every this many cases run through the whole command line (genre model included); the others through
     * the same decoder, analyser and JSON writer directly, which is all a damaged file can reach. */
    private static final int CLI_EVERY = 10;
    /** The other cases alternate between the whole analysis and JSON, and decoding alone (where every damaged
     * byte is met; the analysis after it sees only samples), to keep the test well under a minute. */
    private static final int ANALYSE_EVERY = 2;
    /** Words that give away an internal failure: exception or error class names, packages, stack frames. */
    private static final Pattern LEAK = Pattern.compile(
            "[A-Za-z]+(Exception|Error)\\b|java\\.|javazoom|jflac|jorbis|tritonus|\\bat [a-z]+\\.|\\$|null|STREAM_");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void mutatedRecordingsGiveJsonOrOneClearLine() throws Exception {
        Map<String, byte[]> seeds = seedFiles();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream strayOut = new ByteArrayOutputStream();
        ByteArrayOutputStream strayErr = new ByteArrayOutputStream();
        Random rnd = new Random(20261201L);
        Map<String, Integer> outcomes = new TreeMap<>();
        int cases = 0;
        java.util.List<String> failures = new java.util.ArrayList<>();
        int json = 0;
        int partial = 0;
        long slowestMs = 0;
        String slowest = "";
        long start = System.nanoTime();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        AudioAnalyzer analyzer = new AudioAnalyzer();
        // whatever reaches System.out/err during the run came from a library (the CLI writes to its own writers)
        System.setOut(new PrintStream(strayOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(strayErr, true, StandardCharsets.UTF_8));
        try {
            for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
                for (int i = 0; i < CASES_PER_SEED_FILE; i++) {
                    Mutation m = Mutation.values()[rnd.nextInt(Mutation.values().length)];
                    byte[] mutated = m.apply(seed.getValue(), rnd);
                    Path f = Files.write(dir.resolve("case" + cases + "-" + m.name().toLowerCase() + "-" + seed.getKey()),
                            mutated);
                    long t0 = System.nanoTime();
                    boolean viaCli = cases % CLI_EVERY == 0;
                    boolean full = viaCli || cases % ANALYSE_EVERY == 0;
                    Future<Run> future = worker.submit(() -> viaCli ? analyzeWithCli(f) : analyze(analyzer, f, full));
                    Run run;
                    try {
                        run = future.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        future.cancel(true);
                        fail("hang (over " + CASE_TIMEOUT_SECONDS + " s) on " + f.getFileName());
                        return;
                    } catch (ExecutionException e) {
                        fail("unexpected " + e.getCause() + " on " + f.getFileName(), e.getCause());
                        return;
                    }
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (ms > slowestMs) {
                        slowestMs = ms;
                        slowest = f.getFileName().toString();
                    }
                    try {
                        check(f, run, outcomes, strayOut, strayErr);
                    } catch (AssertionError | IOException e) {
                        failures.add(e.getMessage());
                    }
                    strayOut.reset();
                    strayErr.reset();
                    if (run.exit() == 0 && !run.err().isEmpty()) {
                        partial++;
                    }
                    json += run.exit() == 0 ? 1 : 0;
                    cases++;
                    Files.delete(f);
                    if (failures.size() >= 25) {
                        break;
                    }
                }
            }
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            worker.shutdownNow();
        }
        System.out.printf("decoder fuzz: %d cases over %s in %.1f s: %d decoded (analysed to valid JSON or "
                + "decoded alone; %d of them in part), %d one-line refusals; slowest %s in %d ms%n  outcomes %s%n", cases, seeds.keySet(),
                (System.nanoTime() - start) / 1e9, json, partial, cases - json, slowest, slowestMs, outcomes);
        assertTrue(failures.isEmpty(), failures.size() + " bad outcomes:\n" + String.join("\n", failures));
        assertTrue(json > cases / 10 && cases - json > cases / 10, "mutations should both survive and break decoding");
        assertTrue(partial > 0, "some damaged files should be analysed in part");
    }

    private void check(Path f, Run run, Map<String, Integer> outcomes, ByteArrayOutputStream strayOut,
            ByteArrayOutputStream strayErr) throws IOException {
        String where = " (" + f.getFileName() + ")";
        assertEquals("", strayOut.toString(StandardCharsets.UTF_8), "a library printed to stdout" + where);
        assertEquals("", strayErr.toString(StandardCharsets.UTF_8), "a library printed to stderr" + where);
        if (run.exit() == 0 && run.out() == null) {
            // decoded only (see ANALYSE_EVERY)
            assertTrue(run.err().isEmpty() || run.err().startsWith("melodist analyze: " + f.getFileName()
                    + ": analysed the first "), run.err());
            outcomes.merge("decoded" + (run.err().isEmpty() ? "" : " (part)"), 1, Integer::sum);
        } else if (run.exit() == 0) {
            JsonNode node = JSON.readTree(run.out());
            assertTrue(node.get("durationSec").asDouble() > 0, where);
            assertTrue(node.get("features").size() > 50, where);
            node.get("features").forEach(v -> assertTrue(Double.isFinite(v.asDouble()), "feature" + where));
            if (node.has("damage")) {
                assertTrue(node.get("damage").asText().startsWith("analysed the first "), where);
            }
            String prefix = "melodist analyze: " + f.getFileName() + ": ";
            for (String line : run.err().lines().toList()) {
                assertTrue(line.startsWith(prefix) || line.startsWith("analyze: no genre: "), line);
            }
            outcomes.merge("json" + (node.has("damage") ? " (part analysed)" : ""), 1, Integer::sum);
        } else {
            assertEquals(2, run.exit(), run.err() + where);
            assertEquals("", run.out(), "nothing on stdout for a refused file" + where);
            String line = run.err().strip();
            assertEquals(1, line.lines().count(), "one line" + where + ": " + line);
            String prefix = "melodist analyze: " + f.getFileName() + ": ";
            assertTrue(line.startsWith(prefix), line);
            String reason = line.substring(prefix.length());
            assertFalse(LEAK.matcher(reason).find(), "internals leak into the message: " + line);
            outcomes.merge(reason.replaceAll("[0-9.]+", "N"), 1, Integer::sum);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    /** What {@code analyze --json} does, without loading the genre model for every case. */
    private static Run analyze(AudioAnalyzer analyzer, Path f, boolean full) {
        try {
            if (!full) {
                DecodedAudio d = new AudioDecoder().decode(f);
                String err = d.damage() == null ? "" : "melodist analyze: " + f.getFileName() + ": " + d.damage() + "\n";
                return new Run(0, null, err);
            }
            AudioAnalysis a = analyzer.analyze(f);
            String err = a.damage() == null ? "" : "melodist analyze: " + f.getFileName() + ": " + a.damage() + "\n";
            return new Run(0, AnalysisJson.toJson(a, null, false), err);
        } catch (AudioDecodeException e) {
            return new Run(2, "", "melodist analyze: " + e.getMessage() + "\n");
        }
    }

    private static Run analyzeWithCli(Path f) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MelodistCli.execute(new PrintWriter(out), new PrintWriter(err), "analyze", "--json", f.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * One recording per format and codec path, about 1.5 s each so thousands of cases stay fast: real MP3, Ogg
     * Vorbis and FLAC streams from their reference encoders (test resources), and WAV, AIFF, AU and a verbatim
     * FLAC written here from a real recording (shared/data/librosa-ref) when present, else from synthetic music.
     */
    private Map<String, byte[]> seedFiles() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (String name : new String[] {"fuzz.mp3", "fuzz.ogg", "fuzz.flac"}) {
            try (InputStream in = DecoderFuzzTest.class.getResourceAsStream("encoded/" + name)) {
                seeds.put(name, in.readAllBytes());
            }
        }
        double[] x = recording();
        seeds.put("s16.wav", bytes(TestAudio.write(dir.resolve("a.wav"), AudioFileFormat.Type.WAVE, 22_050, 16, false,
                TestAudio.quantise(x, 2, 16))));
        seeds.put("s24.aiff", bytes(TestAudio.write(dir.resolve("a.aiff"), AudioFileFormat.Type.AIFF, 22_050, 24, true,
                TestAudio.quantise(x, 1, 24))));
        seeds.put("s16.au", bytes(TestAudio.write(dir.resolve("a.au"), AudioFileFormat.Type.AU, 22_050, 16, true,
                TestAudio.quantise(x, 1, 16))));
        seeds.put("s24.flac", bytes(TestAudio.flac(dir.resolve("b.flac"), 22_050, 24, TestAudio.quantise(x, 1, 24))));
        return seeds;
    }

    /** 1.5 s of the tabla loop (real audio) when shared data is present, else of the synthetic song. */
    private double[] recording() throws IOException {
        Optional<Path> ref = SharedData.data("librosa-ref/loop_tabla.wav");
        Path wav;
        if (ref.isPresent()) {
            wav = ref.get();
        } else {
            System.out.println("decoder fuzz on synthetic music instead of the real recording: "
                    + SharedData.missingReason("librosa-ref"));
            wav = SyntheticMusic.writeWav(dir.resolve("synthetic.wav"), 1.5, 22_050, 136, 7);
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            int channels = in.getFormat().getChannels();
            byte[] b = in.readNBytes(2 * channels * 33_075);
            double[] x = new double[b.length / (2 * channels)];
            for (int i = 0; i < x.length; i++) {
                int p = 2 * channels * i;
                x[i] = (short) ((b[p] & 0xFF) | (b[p + 1] << 8)) / 32768.0;
            }
            return x;
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    /** The kinds of damage files meet: bad copies, cut downloads, broken tools, disk errors. */
    private enum Mutation {
        TRUNCATE {
            @Override
            byte[] apply(byte[] b, Random r) {
                return Arrays.copyOf(b, r.nextInt(b.length));
            }
        },
        BIT_FLIPS {
            @Override
            byte[] apply(byte[] src, Random r) {
                byte[] b = src.clone();
                int n = 1 + r.nextInt(r.nextBoolean() ? 4 : 64);
                for (int i = 0; i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
        },
        ZEROED_RUN {
            @Override
            byte[] apply(byte[] src, Random r) {
                byte[] b = src.clone();
                int at = r.nextInt(b.length);
                Arrays.fill(b, at, Math.min(b.length, at + 1 + r.nextInt(r.nextBoolean() ? 64 : 8000)), (byte) 0);
                return b;
            }
        },
        BAD_HEADER {
            @Override
            byte[] apply(byte[] src, Random r) {
                byte[] b = src.clone();
                int n = 1 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b[r.nextInt(Math.min(128, b.length))] = (byte) (r.nextBoolean() ? 0xFF : r.nextInt(256));
                }
                return b;
            }
        },
        EXTREME_FIELD {
            @Override
            byte[] apply(byte[] src, Random r) {
                byte[] b = src.clone();
                int at = r.nextInt(Math.min(120, b.length - 4));
                int v = switch (r.nextInt(3)) {
                    case 0 -> -1;
                    case 1 -> Integer.MAX_VALUE;
                    default -> 0;
                };
                for (int k = 0; k < 4; k++) {
                    b[at + k] = (byte) (v >> (8 * k));
                }
                return b;
            }
        },
        GARBAGE_SPLICE {
            @Override
            byte[] apply(byte[] b, Random r) {
                int at = r.nextInt(b.length);
                byte[] junk = new byte[1 + r.nextInt(4000)];
                r.nextBytes(junk);
                return splice(b, at, junk);
            }
        },
        GARBAGE_TAIL {
            @Override
            byte[] apply(byte[] b, Random r) {
                byte[] junk = new byte[1 + r.nextInt(20_000)];
                r.nextBytes(junk);
                return splice(b, b.length, junk);
            }
        },
        DUPLICATED_CHUNK {
            @Override
            byte[] apply(byte[] b, Random r) {
                int from = r.nextInt(b.length);
                int len = 1 + r.nextInt(Math.min(b.length - from, 6000));
                int at = r.nextBoolean() ? from + len : r.nextInt(b.length);
                return splice(b, at, Arrays.copyOfRange(b, from, from + len));
            }
        };

        abstract byte[] apply(byte[] b, Random r);

        static byte[] splice(byte[] b, int at, byte[] insert) {
            byte[] out = new byte[b.length + insert.length];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(b, at, out, at + insert.length, b.length - at);
            return out;
        }
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }
}
