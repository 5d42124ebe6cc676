package org.melodist.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.melodist.ErrorMessages;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Note;
import org.melodist.song.Song;

/**
 * A folder of MIDI files turned into grid-encoded melodies (the most melodic track of each file, see
 * {@link MelodyLines#pick}), split into training and validation tunes, with a report line per file saying what
 * was taken or why it was skipped. {@link #load} splits by a hash of each file name (so the split never changes
 * between runs or machines); {@link #loadForTraining} also handles a separate validation folder and folders too
 * small for a file split, where the last bars of every file are held out instead. {@code split} says which.
 */
public record MelodyCorpus(List<EncodedTune> train, List<EncodedTune> validation, GridLosses losses,
                           List<FileReport> files, String split) {

    /** Tunes shorter than this many steps (one 4/4 bar) teach nothing and are skipped. */
    private static final int MIN_STEPS = 16;
    /** Below this many usable files (or 3 validation files by hash), validation is a share of bars instead. */
    static final int MIN_FILES_FOR_FILE_SPLIT = 30;
    /** The share of each file's bars held out when the folder is too small for a file split. */
    static final double HELD_OUT_BAR_SHARE = 0.15;

    public static final String SPLIT_BY_NAME = "a tenth of the files (CRC32(file name) % 10 == 0) for validation";

    /** What happened to one file: taken (with the track and note count) or skipped (with the reason). */
    public record FileReport(String file, boolean taken, String detail) {
        /** "took a.mid: track 2 'Lead' (named as a melody), 120 notes" or "skipped b.mid: drums only". */
        public String line() {
            return (taken ? "took " : "skipped ") + file + ": " + detail;
        }
    }

    public MelodyCorpus {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        files = List.copyOf(files);
        split = split == null ? "" : split;
    }

    /** The fixed split: a tenth of the file names (CRC-32 of the name mod 10 == 0) are validation tunes. */
    public static boolean isValidation(String fileName) {
        CRC32 crc = new CRC32();
        crc.update(fileName.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10 == 0;
    }

    /** All {@code .mid}/{@code .midi} files directly in {@code dir}, sorted by name. */
    public static List<Path> midiFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (n.endsWith(".mid") || n.endsWith(".midi"));
            }).sorted().toList();
        }
    }

    /**
     * Reads every MIDI file of {@code dir} and splits them by name hash; unreadable files and files without a
     * melody are skipped, each reported through {@code log} and in {@link #files()}.
     */
    public static MelodyCorpus load(Path dir, MelodyEncoding enc, Consumer<String> log) throws IOException {
        GridLosses losses = new GridLosses();
        List<FileReport> reports = new ArrayList<>();
        List<EncodedTune> tunes = read(dir, enc, losses, reports, log);
        List<EncodedTune> train = new ArrayList<>();
        List<EncodedTune> validation = new ArrayList<>();
        for (EncodedTune t : tunes) {
            (isValidation(t.name()) ? validation : train).add(t);
        }
        return new MelodyCorpus(train, validation, losses, reports, SPLIT_BY_NAME);
    }

    /**
     * The corpus for a training run. With a {@code validationDir}, every usable file of {@code dir} trains and
     * every usable file of {@code validationDir} validates. Without one, a folder of at least
     * {@value #MIN_FILES_FOR_FILE_SPLIT} usable files is split by name hash (as {@link #load}); a smaller one
     * keeps every file for training and holds out the last {@code 15 %} of the bars of each (at least one bar,
     * files of two bars or more) for validation, since a handful of whole files would make a noisy, one-sided
     * validation set.
     */
    public static MelodyCorpus loadForTraining(Path dir, Path validationDir, MelodyEncoding enc, Consumer<String> log)
            throws IOException {
        GridLosses losses = new GridLosses();
        List<FileReport> reports = new ArrayList<>();
        List<EncodedTune> tunes = read(dir, enc, losses, reports, log);
        if (validationDir != null) {
            List<FileReport> valReports = new ArrayList<>();
            List<EncodedTune> validation = read(validationDir, enc, new GridLosses(), valReports, log);
            if (validation.isEmpty()) {
                throw new IOException(validationDir + ": no usable melody in the validation folder");
            }
            return new MelodyCorpus(tunes, validation, losses, reports,
                    "every file of " + validationDir.getFileName() + " (" + validation.size() + " files) for validation");
        }
        long byName = tunes.stream().filter(t -> isValidation(t.name())).count();
        if (tunes.size() >= MIN_FILES_FOR_FILE_SPLIT && byName >= 3) {
            List<EncodedTune> train = new ArrayList<>();
            List<EncodedTune> validation = new ArrayList<>();
            for (EncodedTune t : tunes) {
                (isValidation(t.name()) ? validation : train).add(t);
            }
            return new MelodyCorpus(train, validation, losses, reports, SPLIT_BY_NAME);
        }
        List<EncodedTune> train = new ArrayList<>();
        List<EncodedTune> validation = new ArrayList<>();
        for (EncodedTune t : tunes) {
            int bars = t.length() / t.stepsPerBar();
            int held = bars < 2 ? 0 : Math.max(1, (int) Math.round(bars * HELD_OUT_BAR_SHARE));
            if (held == 0) {
                train.add(t);
                continue;
            }
            int cut = (bars - held) * t.stepsPerBar();
            int[] tokens = t.tokens();
            train.add(new EncodedTune(t.name(), Arrays.copyOfRange(tokens, 0, cut), t.firstStep(), t.stepsPerBar()));
            validation.add(new EncodedTune(t.name() + " (last " + held + " bars)", Arrays.copyOfRange(tokens, cut, tokens.length),
                    t.firstStep() + cut, t.stepsPerBar()));
        }
        return new MelodyCorpus(train, validation, losses, reports, String.format(Locale.ROOT,
                "the last %.0f %% of the bars of each file for validation (only %d usable files, fewer than %d)",
                HELD_OUT_BAR_SHARE * 100, tunes.size(), MIN_FILES_FOR_FILE_SPLIT));
    }

    private static List<EncodedTune> read(Path dir, MelodyEncoding enc, GridLosses losses, List<FileReport> reports,
                                          Consumer<String> log) throws IOException {
        List<Path> files = midiFiles(dir);
        if (files.isEmpty()) {
            throw new IOException(dir + ": no .mid files in this folder");
        }
        MidiFileReader reader = new MidiFileReader();
        List<EncodedTune> tunes = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            FileReport report;
            try {
                Song song = reader.read(f);
                Optional<MelodyLines.Pick> pick = MelodyLines.pick(song);
                Optional<EncodedTune> tune = pick.isEmpty() ? Optional.empty() : encode(name, song, pick.get().line(), enc, losses);
                if (pick.isEmpty()) {
                    report = new FileReport(name, false, MelodyLines.whyNone(song).orElse("no notes"));
                } else if (tune.isEmpty()) {
                    report = new FileReport(name, false, "melody shorter than a bar (" + pick.get().describe() + ")");
                } else {
                    report = new FileReport(name, true, pick.get().describe());
                    tunes.add(tune.get());
                }
            } catch (MidiFormatException e) {
                report = new FileReport(name, false, "unreadable: " + ErrorMessages.oneLine(e));
            }
            reports.add(report);
            if (!report.taken()) {
                log.accept(report.line());
            }
        }
        return tunes;
    }

    /** A song's melody on the grid from the bar of its first note, or empty when it has none worth learning. */
    public static Optional<EncodedTune> encode(String name, Song song, MelodyEncoding enc, GridLosses losses) {
        Optional<List<Note>> line = MelodyLines.melodyOf(song);
        return line.isEmpty() ? Optional.empty() : encode(name, song, line.get(), enc, losses);
    }

    /**
     * A melody line on the grid. A line lying outside the model's pitch range but narrow enough to fit is moved
     * by whole octaves first (its intervals stay intact); notes still outside are folded one by one. Both are
     * counted in {@code losses}.
     */
    private static Optional<EncodedTune> encode(String name, Song song, List<Note> line, MelodyEncoding enc, GridLosses losses) {
        List<Note> notes = octaveShifted(line, enc, losses);
        losses.count(notes, song.ppq(), enc);
        int stepsPerBar = enc.stepsPerBar(song.timeSignature());
        long firstOn = enc.stepAt(notes.get(0).start(), song.ppq());
        long firstStep = Math.floorDiv(firstOn, stepsPerBar) * stepsPerBar;
        long end = 0;
        for (Note n : notes) {
            end = Math.max(end, Math.max(enc.stepAt(n.end(), song.ppq()), enc.stepAt(n.start(), song.ppq()) + 1));
        }
        if (end - firstStep < MIN_STEPS) {
            return Optional.empty();
        }
        return Optional.of(new EncodedTune(name, enc.encode(notes, song.ppq(), firstStep, end), firstStep, stepsPerBar));
    }

    /** The line moved by the whole octaves that bring the most of its notes into the range (0 when all fit). */
    static List<Note> octaveShifted(List<Note> line, MelodyEncoding enc, GridLosses losses) {
        losses.countRange(line);
        int bestShift = 0;
        int bestInside = inside(line, 0, enc);
        for (int octaves = -4; octaves <= 4; octaves++) {
            int in = inside(line, octaves * 12, enc);
            if (in > bestInside || (in == bestInside && Math.abs(octaves * 12) < Math.abs(bestShift))) {
                bestInside = in;
                bestShift = octaves * 12;
            }
        }
        if (bestShift == 0) {
            return line;
        }
        losses.countOctaveShift(line.size());
        List<Note> out = new ArrayList<>(line.size());
        for (Note n : line) {
            out.add(n.withPitch(Math.max(0, Math.min(127, n.pitch() + bestShift))));
        }
        return out;
    }

    private static int inside(List<Note> line, int shift, MelodyEncoding enc) {
        int n = 0;
        for (Note note : line) {
            int p = note.pitch() + shift;
            if (p >= enc.minPitch() && p <= enc.maxPitch()) n++;
        }
        return n;
    }

    /**
     * The transpositions of a tune into each of the twelve keys that fit the pitch range: for each shift
     * in -6..+5 semitones, that shift or the same key an octave away, whichever fits; keys that fit no
     * way are left out. The untransposed tune is always first.
     */
    public static List<EncodedTune> transpositions(EncodedTune tune, MelodyEncoding enc) {
        List<EncodedTune> out = new ArrayList<>();
        out.add(tune);
        int[] span = enc.pitchSpan(tune.tokens());
        if (span == null) {
            return out;
        }
        for (int shift = -6; shift <= 5; shift++) {
            if (shift == 0) {
                continue;
            }
            for (int candidate : new int[] {shift, shift + 12, shift - 12}) {
                if (span[0] + candidate >= enc.minPitch() && span[1] + candidate <= enc.maxPitch()) {
                    out.add(tune.withTokens(enc.transpose(tune.tokens(), candidate)));
                    break;
                }
            }
        }
        return out;
    }

    public int trainSteps() {
        return train.stream().mapToInt(EncodedTune::length).sum();
    }

    /** The files that were skipped, each as "name: reason". */
    public List<String> skipped() {
        return files.stream().filter(f -> !f.taken()).map(f -> f.file() + ": " + f.detail()).toList();
    }

    /** How many files were taken. */
    public long filesTaken() {
        return files.stream().filter(FileReport::taken).count();
    }

    /**
     * A summary of what will be learned: files usable and skipped by reason, notes, pitch range, and how the
     * validation share was chosen. One line per fact, for the training log and the studio's summary.
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
        for (FileReport f : files) {
            if (!f.taken()) {
                String d = f.detail();
                String key = d.startsWith("unreadable") ? "unreadable" : d.startsWith("melody shorter") ? "shorter than a bar" : d;
                reasons.merge(key, 1L, Long::sum);
            }
        }
        StringBuilder skippedText = new StringBuilder();
        reasons.forEach((k, v) -> skippedText.append(skippedText.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        lines.add(String.format(Locale.ROOT, "files: %d usable, %d skipped%s", filesTaken(), files.size() - filesTaken(),
                skippedText.length() == 0 ? "" : " (" + skippedText + ")"));
        lines.add(losses.rangeSummary());
        lines.add("validation: " + split);
        return lines;
    }

    public int validationSteps() {
        return validation.stream().mapToInt(EncodedTune::length).sum();
    }
}
