package org.melodist.harmony;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.melodist.generate.MelodyCorpus;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * A folder of songs with a melody and a chord part (the Nottingham "full" files: track 1 the melody,
 * track 2 block chords, both on one channel, so parts are told apart by track), labelled per beat and split
 * by a hash of the file name: the melody model's validation tunes ({@link MelodyCorpus#isValidation}) are
 * held out here too; of the rest, a tenth (CRC-32 mod 10 == 1) is a development set for early stopping and
 * decoder settings, the others train. Tunes whose chords are missing or do not name chords are skipped.
 */
public record HarmonyCorpus(List<LabelledTune> train, List<LabelledTune> dev, List<LabelledTune> validation,
                            List<String> skipped, long[] labelCounts, long[] qualityCounts) {

    /** Skip a tune when more than this share of the beats under its melody have no chord. */
    static final double MAX_UNCOVERED = 0.25;
    /** Skip a tune when more than this share of its chord beats do not cleanly name a chord. */
    static final double MAX_UNCLEAN = 0.10;

    public HarmonyCorpus {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        validation = List.copyOf(validation);
        skipped = List.copyOf(skipped);
    }

    /** The development tunes (CRC-32 of the name mod 10 == 1), never the validation ones. */
    public static boolean isDev(String fileName) {
        CRC32 crc = new CRC32();
        crc.update(fileName.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10 == 1;
    }

    public static HarmonyCorpus load(Path dir, Consumer<String> log) throws IOException {
        List<Path> files = MelodyCorpus.midiFiles(dir);
        if (files.isEmpty()) {
            throw new IOException(dir + ": no .mid files in this folder");
        }
        MidiFileReader reader = new MidiFileReader();
        List<LabelledTune> train = new ArrayList<>();
        List<LabelledTune> dev = new ArrayList<>();
        List<LabelledTune> validation = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long[] counts = new long[Chord.VOCABULARY];
        long[] qualities = new long[ChordQuality.values().length + 1];
        for (Path f : files) {
            String name = f.getFileName().toString();
            LabelledTune tune;
            try {
                tune = labelled(name, reader.read(f));
            } catch (MidiFormatException | IllegalArgumentException e) {
                skipped.add(name + ": " + e.getMessage());
                log.accept("skipped " + name + ": " + e.getMessage());
                continue;
            }
            for (int l : tune.labels()) {
                counts[l]++;
                Chord c = Chord.ofIndex(l);
                qualities[c.isNone() ? 0 : 1 + c.quality().ordinal()]++;
            }
            (MelodyCorpus.isValidation(name) ? validation : isDev(name) ? dev : train).add(tune);
        }
        return new HarmonyCorpus(train, dev, validation, skipped, counts, qualities);
    }

    /**
     * Labels one song: the melody is the first monophonic track (else the top line of the first track with
     * notes), the chords the lowest other track with notes. Throws IllegalArgumentException with the reason
     * when the song has no usable chords.
     */
    public static LabelledTune labelled(String name, Song song) {
        List<Track> withNotes = song.tracks().stream().filter(t -> !t.notes().isEmpty() && t.channel() != 9).toList();
        if (withNotes.size() < 2) {
            throw new IllegalArgumentException("no chord part (needs a melody track and a chord track)");
        }
        Track melodyTrack = withNotes.stream().filter(t -> org.melodist.generate.MelodyLines.isMonophonic(t.notes()))
                .findFirst().orElse(withNotes.get(0));
        Track chordTrack = withNotes.stream().filter(t -> t != melodyTrack)
                .min(Comparator.comparingDouble(HarmonyCorpus::meanPitch)).orElseThrow();
        List<Note> melody = HarmonyInputs.line(melodyTrack);
        Key key = HarmonyInputs.keyOf(song, melody);
        BeatGrid grid = BeatGrid.of(melody, song.ppq(), song.timeSignature(), key);
        ChordTemplates.Match[] matches = ChordLabels.label(chordTrack.notes(), song.ppq(), grid.beats());
        int[] labels = new int[grid.beats()];
        int chordBeats = 0;
        int unclean = 0;
        int underMelody = 0;
        int uncovered = 0;
        long first = melody.get(0).start() / song.ppq();
        for (int b = 0; b < labels.length; b++) {
            labels[b] = matches[b].chord().index();
            if (!matches[b].chord().isNone()) {
                chordBeats++;
                if (!matches[b].clean()) unclean++;
            }
            if (b >= first) {
                underMelody++;
                if (matches[b].chord().isNone()) uncovered++;
            }
        }
        if (chordBeats == 0) {
            throw new IllegalArgumentException("the chord track has no chords under the melody");
        }
        if (uncovered > MAX_UNCOVERED * underMelody) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no chord under %.0f%% of the melody's beats",
                    100.0 * uncovered / underMelody));
        }
        if (unclean > MAX_UNCLEAN * chordBeats) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%.0f%% of the chord beats name no chord cleanly",
                    100.0 * unclean / chordBeats));
        }
        return new LabelledTune(name, grid, labels);
    }

    private static double meanPitch(Track t) {
        return t.notes().stream().mapToInt(Note::pitch).average().orElse(128);
    }

    public List<LabelledTune> all() {
        List<LabelledTune> all = new ArrayList<>(train);
        all.addAll(dev);
        all.addAll(validation);
        return all;
    }

    /** The label distribution: qualities, then the commonest chords relative to the key, as text lines. */
    public String distribution() {
        long total = 0;
        for (long c : qualityCounts) total += c;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "labels: %,d beats in %d tunes (%d skipped)%n", total,
                train.size() + dev.size() + validation.size(), skipped.size()));
        sb.append("  by quality:");
        sb.append(String.format(Locale.ROOT, " N %.1f%%", 100.0 * qualityCounts[0] / total));
        for (ChordQuality q : ChordQuality.values()) {
            sb.append(String.format(Locale.ROOT, ", %s %.1f%%", q.jsonName(), 100.0 * qualityCounts[1 + q.ordinal()] / total));
        }
        sb.append(System.lineSeparator());
        long[] rel = new long[Chord.VOCABULARY];
        for (LabelledTune t : all()) {
            for (int b = 0; b < t.beats(); b++) {
                rel[t.relativeLabel(b)]++;
            }
        }
        Integer[] order = new Integer[rel.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(rel[b], rel[a]));
        sb.append("  commonest, relative to the tonic (C = tonic):");
        for (int i = 0; i < 12; i++) {
            sb.append(String.format(Locale.ROOT, " %s %.1f%%", Chord.ofIndex(order[i]), 100.0 * rel[order[i]] / total));
        }
        return sb.toString();
    }
}
