package org.melodist.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Note;
import org.melodist.song.Song;

/**
 * A folder of MIDI files turned into grid-encoded melodies, split into training and validation tunes by a
 * hash of each file name (so the split never changes between runs or machines).
 */
public record MelodyCorpus(List<EncodedTune> train, List<EncodedTune> validation, GridLosses losses,
                           List<String> skipped) {

    /** Tunes shorter than this many steps (one 4/4 bar) teach nothing and are skipped. */
    private static final int MIN_STEPS = 16;

    public MelodyCorpus {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        skipped = List.copyOf(skipped);
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

    /** Reads every MIDI file of {@code dir}; unreadable or empty files are skipped and reported through {@code log}. */
    public static MelodyCorpus load(Path dir, MelodyEncoding enc, Consumer<String> log) throws IOException {
        List<Path> files = midiFiles(dir);
        if (files.isEmpty()) {
            throw new IOException(dir + ": no .mid files in this folder");
        }
        MidiFileReader reader = new MidiFileReader();
        GridLosses losses = new GridLosses();
        List<EncodedTune> train = new ArrayList<>();
        List<EncodedTune> validation = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Optional<EncodedTune> tune;
            try {
                tune = encode(name, reader.read(f), enc, losses);
            } catch (MidiFormatException e) {
                skipped.add(name + ": " + e.getMessage());
                log.accept("skipped " + e.getMessage());
                continue;
            }
            if (tune.isEmpty()) {
                skipped.add(name + ": no melody of at least a bar");
                continue;
            }
            (isValidation(name) ? validation : train).add(tune.get());
        }
        return new MelodyCorpus(train, validation, losses, skipped);
    }

    /** A song's melody on the grid from the bar of its first note, or empty when it has none worth learning. */
    public static Optional<EncodedTune> encode(String name, Song song, MelodyEncoding enc, GridLosses losses) {
        Optional<List<Note>> line = MelodyLines.melodyOf(song);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        List<Note> notes = line.get();
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

    public int validationSteps() {
        return validation.stream().mapToInt(EncodedTune::length).sum();
    }
}
