package org.melodist.perform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

import org.melodist.generate.GenerationOptions;
import org.melodist.generate.MelodyGenerator;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

/**
 * Times the jam's answers as a musician would meet them: phrases are played into {@link JamTiming} with
 * timestamps (a made-up performance, so nothing waits in real time), and for each the answer is computed
 * from the phrase's end, as if nothing had been prepared while the rest ran. Prints the compute time from
 * phrase end to answer ready, the time left until the answer's beat, and the same with the head start the
 * studio takes (it starts computing at the last key-up, while the rest runs). Nothing here asserts a speed.
 */
public final class JamBenchmark {

    /** The figures of one run, in milliseconds. */
    public record Figures(double[] computeMillis, double[] untilBeatMillis, double restMillis, double firstMillis) {
    }

    private final PrintStream out;

    public JamBenchmark(PrintStream out) {
        this.out = out;
    }

    /**
     * Random phrases of {@code phraseBars} bars in C major (quarters and eighths, a rest between notes now
     * and then), deterministic for a seed.
     */
    public static List<List<Note>> phrases(int count, int phraseBars, long seed) {
        Random rng = new Random(seed);
        int[] scale = {0, 2, 4, 5, 7, 9, 11};
        List<List<Note>> all = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<Note> notes = new ArrayList<>();
            int degree = 7 + rng.nextInt(5);
            long tick = 0;
            long end = phraseBars * 1920L;
            while (tick < end) {
                long len = rng.nextInt(3) == 0 ? 480 : 240;
                degree = Math.max(0, Math.min(13, degree + rng.nextInt(5) - 2));
                int pitch = 60 + 12 * (degree / 7) + scale[degree % 7];
                if (rng.nextInt(8) != 0) notes.add(new Note(pitch, 60 + rng.nextInt(50), tick, len - 20));
                tick += len;
            }
            if (notes.isEmpty()) notes.add(new Note(60, 90, 0, 480));
            all.add(notes);
        }
        return all;
    }

    public Figures run(MelodyGenerator generator, GenerationOptions options, double bpm, int phraseCount, int phraseBars,
                       JamTiming.PhraseEnd rule) {
        JamResponder responder = new JamResponder(generator);
        Song song = Song.of(480, bpm, List.of(new Track("Jam", 0, 0, List.of())));
        long beat = song.timeSignature().ticksPerBeat(song.ppq());
        // the very first answer, before warming up, for the record
        List<List<Note>> phrases = phrases(phraseCount + 1, phraseBars, 17);
        double first = play(responder, song, phrases.get(0), options, rule, beat)[0];
        responder.warmUp(song.ppq(), song.timeSignature(), options);
        double[] compute = new double[phraseCount];
        double[] untilBeat = new double[phraseCount];
        for (int i = 0; i < phraseCount; i++) {
            double[] r = play(responder, song, phrases.get(i + 1), options.withRngSeed(i), rule, beat);
            compute[i] = r[0];
            untilBeat[i] = r[1];
        }
        double rest = beat * 60_000.0 / (bpm * song.ppq());
        return new Figures(compute, untilBeat, rest, first);
    }

    /** Plays one phrase in and answers it: {compute ms, ms from phrase end to the answer's beat}. */
    private static double[] play(JamResponder responder, Song song, List<Note> phrase, GenerationOptions options,
                                 JamTiming.PhraseEnd rule, long restTicks) {
        long[] now = {0};
        PerformanceTimeline timeline = PerformanceTimeline.of(song, 1.0, 0, 0);
        JamTiming timing = new JamTiming(song.ppq(), song.timeSignature(), rule, restTicks, 100_000, timeline, () -> now[0]);
        List<long[]> events = new ArrayList<>();
        for (Note n : phrase) {
            events.add(new long[] {timeline.microsAt(n.start()), n.pitch(), n.velocity()});
            events.add(new long[] {timeline.microsAt(n.end()), n.pitch(), 0});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        try {
            for (long[] e : events) {
                timing.send(new ShortMessage(e[2] > 0 ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF, 0, (int) e[1],
                        (int) e[2]), e[0]);
            }
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        JamTiming.Phrase p = timing.pending().orElseThrow();
        long end = timeline.microsAt(p.endTick());
        JamTiming.Phrase ended = timing.poll(end + 1).orElseThrow(); // +1 us: past the end despite rounding
        JamResponder.Answer a = responder.answer(ended, List.of(), song.ppq(), song.timeSignature(), options);
        return new double[] {a.computeMillis(), (timeline.microsAt(ended.answerTick()) - end) / 1000.0};
    }

    public void print(Figures f, GenerationOptions options, double bpm, int phraseBars) {
        double[] c = f.computeMillis().clone();
        Arrays.sort(c);
        double[] u = f.untilBeatMillis().clone();
        Arrays.sort(u);
        out.printf(Locale.ROOT, "jam: %d phrases of %d bars at %.0f BPM, answers of %d bars (1 variation, temperature %.2f%s)%n",
                c.length, phraseBars, bpm, options.bars(), options.temperature(),
                options.keyLock() == null ? "" : ", key lock " + options.keyLock());
        out.printf(Locale.ROOT, "phrase end -> answer ready, computed from the phrase end: median %.1f ms, p95 %.1f ms, "
                + "max %.1f ms (budget 100 ms)%n", pct(c, 0.5), pct(c, 0.95), c[c.length - 1]);
        out.printf(Locale.ROOT, "phrase end -> the answer's beat: median %.0f ms, min %.0f ms%n", pct(u, 0.5), u[0]);
        out.printf(Locale.ROOT, "with the studio's head start (compute begins at the last key-up, %.0f ms rest): "
                + "phrase end -> answer ready %.1f ms at most%n", f.restMillis(), Math.max(0, c[c.length - 1] - f.restMillis()));
        out.printf(Locale.ROOT, "first answer before warm-up: %.1f ms (the studio warms the model up when Jam starts)%n",
                f.firstMillis());
        out.printf(Locale.ROOT, "machine: %d cores, load average %.1f (other work slows the figures above)%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double pct(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** C major, for the default key lock of the benchmark's phrases. */
    public static Key cMajor() {
        return Key.parse("C major");
    }
}
