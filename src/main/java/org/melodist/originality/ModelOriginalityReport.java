package org.melodist.originality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyLines;
import org.melodist.generate.MelodySeed;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Note;
import org.melodist.song.Song;

/**
 * How much the melody model borrows from its training tunes. Seeds are the first {@link #SEED_BARS} bars of
 * the validation tunes (which the model never saw); the model continues each for {@link #CONTINUATION_BARS}
 * bars at several temperatures, and each continuation is checked against the training index. The human
 * baseline is what the composers actually wrote next: the following bars of the same validation tunes,
 * checked the same way.
 */
public final class ModelOriginalityReport {

    public static final int SEED_BARS = 4;
    public static final int CONTINUATION_BARS = 4;
    /** Below, at and above the default temperature (1.0). */
    public static final double[] TEMPERATURES = {0.5, 0.8, 1.0, 1.3, 1.6};

    /** One row of the report: longest matches (shared notes) and verdict rates of a set of continuations. */
    public record Row(String label, double temperature, int samples, double meanNotes, Calibration.Distribution longest,
                      double borrowsRate, double copyRate) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            if (!Double.isNaN(temperature)) {
                m.put("temperature", temperature);
            }
            m.put("samples", samples);
            m.put("meanNotes", Math.round(meanNotes * 10) / 10.0);
            m.put("longestMatch", longest.toMap());
            m.put("borrowsRate", Math.round(borrowsRate * 1000) / 1000.0);
            m.put("copyRate", Math.round(copyRate * 1000) / 1000.0);
            return m;
        }
    }

    public record Report(int seeds, Row human, List<Row> model, Thresholds thresholds) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seeds", seeds);
            m.put("seedBars", SEED_BARS);
            m.put("continuationBars", CONTINUATION_BARS);
            m.put("thresholds", thresholds.toMap());
            m.put("human", human.toMap());
            m.put("model", model.stream().map(Row::toMap).toList());
            return m;
        }
    }

    /** A validation tune cut into seed and the bars that really follow. */
    record SeedAndTruth(String name, MelodySeed seed, long cutTick, Melody truth) {
    }

    private ModelOriginalityReport() {
    }

    /** Validation tunes of {@code corpusDir} (the melody model's fixed split) long enough for seed + continuation. */
    static List<SeedAndTruth> seeds(Path corpusDir) throws IOException {
        List<SeedAndTruth> out = new ArrayList<>();
        MidiFileReader reader = new MidiFileReader();
        for (Path f : MelodyCorpus.midiFiles(corpusDir)) {
            String name = f.getFileName().toString();
            if (!MelodyCorpus.isValidation(name)) {
                continue;
            }
            Song song;
            try {
                song = reader.read(f);
            } catch (MidiFormatException e) {
                continue;
            }
            List<Note> notes = MelodyLines.melodyOf(song).orElse(List.of());
            if (notes.isEmpty()) {
                continue;
            }
            long bar = song.timeSignature().ticksPerBar(song.ppq());
            long first = Math.floorDiv(notes.get(0).start(), bar) * bar;
            // a pickup bar belongs to the seed
            long cut = first + (SEED_BARS + (notes.get(0).start() > first ? 1 : 0)) * bar;
            long end = cut + CONTINUATION_BARS * bar;
            List<Note> seed = new ArrayList<>();
            List<Note> truth = new ArrayList<>();
            for (Note n : notes) {
                if (n.start() < cut) {
                    seed.add(n);
                } else if (n.start() < end) {
                    truth.add(n);
                }
            }
            if (seed.size() < 4 || truth.size() < 4) {
                continue;
            }
            out.add(new SeedAndTruth(name, new MelodySeed(seed, song.ppq(), song.timeSignature()), cut,
                    Melody.of(name, truth, song.ppq())));
        }
        return out;
    }

    /**
     * Runs the report: {@code samples} continuations per temperature (variations of the seeds in turn), each
     * checked against {@code index}.
     */
    public static Report run(MelodyGenerator generator, OriginalityIndex index, Path validationCorpus, int samples,
                             double[] temperatures) throws IOException {
        List<SeedAndTruth> seeds = seeds(validationCorpus);
        if (seeds.isEmpty()) {
            throw new IOException(validationCorpus + ": no validation tunes of at least " + (SEED_BARS + CONTINUATION_BARS) + " bars");
        }
        List<OriginalityResult> human = new ArrayList<>();
        for (SeedAndTruth s : seeds) {
            human.add(index.check(s.truth()));
        }
        Row humanRow = row("human (the bars the composer wrote next)", Double.NaN, human);
        List<Row> rows = new ArrayList<>();
        int perSeed = Math.max(1, (int) Math.ceil(samples / (double) seeds.size()));
        for (double temperature : temperatures) {
            List<OriginalityResult> results = new ArrayList<>();
            for (int i = 0; i < seeds.size() && results.size() < samples; i++) {
                SeedAndTruth s = seeds.get(i);
                int variations = Math.min(perSeed, samples - results.size());
                GenerationOptions opt = GenerationOptions.defaults().withBars(CONTINUATION_BARS).withTemperature(temperature)
                        .withVariations(variations).withRngSeed(1000 + i).withContinueFromTick(s.cutTick());
                GenerationResult r = generator.generate(s.seed(), opt);
                for (int v = 0; v < r.variations().size(); v++) {
                    List<Note> notes = r.variations().get(v);
                    if (notes.size() >= 2) {
                        results.add(index.check(Melody.of(s.name() + "#" + (v + 1), notes, s.seed().ppq())));
                    }
                }
            }
            rows.add(row(temperature == 1.0 ? "model, default temperature" : "model", temperature, results));
        }
        return new Report(seeds.size(), humanRow, rows, index.thresholds());
    }

    static Row row(String label, double temperature, List<OriginalityResult> results) {
        int[] longest = results.stream().mapToInt(OriginalityResult::longestNotes).toArray();
        double borrows = results.stream().filter(r -> r.verdict() == Verdict.BORROWS).count() / (double) Math.max(1, results.size());
        double copy = results.stream().filter(r -> r.verdict() == Verdict.COPY).count() / (double) Math.max(1, results.size());
        double notes = results.stream().mapToInt(OriginalityResult::notes).average().orElse(0);
        return new Row(label, temperature, results.size(), notes, Calibration.Distribution.of(longest), borrows, copy);
    }
}
