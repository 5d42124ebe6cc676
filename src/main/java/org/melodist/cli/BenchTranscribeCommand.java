package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.Callable;

import org.melodist.analysis.AudioDecoder;
import org.melodist.analysis.CpuClock;
import org.melodist.analysis.DecodedAudio;
import org.melodist.transcribe.MelodyTranscriber;
import org.melodist.transcribe.NoteMatching;
import org.melodist.transcribe.SyntheticSinger;
import org.melodist.transcribe.Transcription;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-transcribe}: transcription speed in multiples of real time. */
@Command(name = "bench-transcribe", mixinStandardHelpOptions = true,
        description = "Transcription speed: a synthetic sung melody (harmonic tones with vibrato, 25 cents flat, light "
                + "noise) of each length is written as a 44.1 kHz WAV, decoded and transcribed; prints CPU time per "
                + "stage and the speed in multiples of real time (CPU time of this thread, so neighbours on a busy "
                + "machine do not count), with the note F1 against the known score as a sanity check.")
final class BenchTranscribeCommand implements Callable<Integer> {

    private static final int RATE = 44_100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", split = ",", defaultValue = "60,300", paramLabel = "S",
            description = "lengths of audio to time (default ${DEFAULT-VALUE})")
    List<Double> seconds;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "runs per length; the best counts")
    int runs;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || seconds.stream().anyMatch(s -> !(s > 0 && s <= 1800))) {
            throw new IllegalArgumentException("--runs must be positive and --seconds within 0-1800");
        }
        PrintWriter out = spec.commandLine().getOut();
        MelodyTranscriber transcriber = new MelodyTranscriber();
        Path dir = Files.createTempDirectory("melodist-bench-transcribe");
        try {
            bench(transcriber, dir, 10, 1);
            out.printf(Locale.ROOT, "%8s %10s %12s %12s %10s %8s%n", "audio s", "decode ms", "transcribe ms",
                    "x real time", "(no decode)", "note F1");
            for (double s : seconds) {
                double[] best = null;
                for (int r = 0; r < runs; r++) {
                    double[] m = bench(transcriber, dir, s, 7);
                    if (best == null || m[0] + m[1] < best[0] + best[1]) {
                        best = m;
                    }
                }
                out.printf(Locale.ROOT, "%8.0f %10.0f %12.0f %11.0fx %10.0fx %8.3f%n", s, best[0] * 1e3, best[1] * 1e3,
                        s / (best[0] + best[1]), s / best[1], best[2]);
                out.flush();
            }
            out.println(CpuClock.measuresCpu() ? "(CPU time of the working thread)" : "(wall time: this JVM cannot measure thread CPU time)");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        out.flush();
        return 0;
    }

    /** {decode seconds, transcribe seconds, F1} for one synthetic file. */
    private static double[] bench(MelodyTranscriber transcriber, Path dir, double seconds, long seed) throws Exception {
        List<SyntheticSinger.SungNote> score = score(seconds, seed);
        float[] x = SyntheticSinger.sing(score, SyntheticSinger.Style.PLAIN.withTuning(-25).withVibrato(30, 5.5)
                .withNoise(-50), RATE, seconds, seed);
        Path wav = SyntheticSinger.writeWav(dir.resolve("bench.wav"), x, RATE);
        long t0 = CpuClock.nanos();
        DecodedAudio audio = new AudioDecoder().allowingSilence().decode(wav);
        long t1 = CpuClock.nanos();
        Transcription t = transcriber.transcribe(audio.samples(), audio.sampleRate(), OptionalDouble.empty());
        long t2 = CpuClock.nanos();
        List<NoteMatching.Timed> ref = new ArrayList<>();
        for (SyntheticSinger.SungNote n : score) {
            ref.add(new NoteMatching.Timed(n.startSec(), n.endSec(), n.pitch() - 0.25));
        }
        double f1 = NoteMatching.match(ref, NoteMatching.of(t.notes())).f1();
        return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, f1};
    }

    /** A random walk over a major scale in eighths and quarters at 120 BPM, with short breaths between phrases. */
    private static List<SyntheticSinger.SungNote> score(double seconds, long seed) {
        int[] scale = {0, 2, 4, 5, 7, 9, 11, 12, 14, 16};
        Random random = new Random(seed);
        List<SyntheticSinger.SungNote> notes = new ArrayList<>();
        double t = 0.2;
        int degree = 4;
        int inPhrase = 0;
        while (t < seconds - 1) {
            double len = random.nextBoolean() ? 0.25 : 0.5;
            degree = Math.max(0, Math.min(scale.length - 1, degree + random.nextInt(5) - 2));
            double gap = ++inPhrase % 8 == 0 ? 0.25 : 0.02;
            notes.add(new SyntheticSinger.SungNote(60 + scale[degree], t, t + len - gap));
            t += len;
        }
        return notes;
    }
}
