package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyLines;
import org.melodist.generate.MelodyModels;
import org.melodist.generate.MelodySeed;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.PitchNames;
import org.melodist.song.Song;
import org.melodist.song.Track;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: continues a seed melody with the melody model and writes seed + variations to one MIDI file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Continue a melody with the melody model. Writes a type-1 MIDI file: track 1 the seed, then one "
                + "track per variation (seed + continuation), at the seed's tempo.")
final class GenerateCommand implements Callable<Integer> {

    private static final int NOTES_PPQ = 480;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class SeedSource {
        @Option(names = "--notes", paramLabel = "\"C4 D4 E4 G4\"",
                description = "seed as note names, one quarter note each; R is a quarter rest")
        String notes;

        @Option(names = "--seed-midi", paramLabel = "FILE", description = "seed from a MIDI file")
        Path seedMidi;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    SeedSource source;

    @Option(names = "--track", paramLabel = "N", description = "track of --seed-midi to continue, from 1 (default: its melody)")
    Integer track;

    @Option(names = "--bars", defaultValue = "4", description = "bars to generate (default ${DEFAULT-VALUE})")
    int bars;

    @Option(names = "--temperature", defaultValue = "1.0", description = "sampling temperature (default ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "sample among the k likeliest tokens, 0 for all (default ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "nucleus sampling mass, 1 for off (default ${DEFAULT-VALUE})")
    double topP;

    @Option(names = "--variations", defaultValue = "4", description = "number of continuations (default ${DEFAULT-VALUE})")
    int variations;

    @Option(names = "--key", paramLabel = "KEY", description = "lock notes to a key, e.g. \"C major\", \"F# minor\"")
    String key;

    @Option(names = "--rng-seed", defaultValue = "7", description = "random seed; the same seed gives the same notes (default ${DEFAULT-VALUE})")
    long rngSeed;

    @Option(names = "--continue-from-tick", defaultValue = "-1", paramLabel = "TICK",
            description = "continue from this tick instead of after the seed's last note")
    long continueFromTick;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "OUT.mid", description = "MIDI file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        Key lock = key == null ? null : Key.parse(key);
        GenerationOptions opt = new GenerationOptions(bars, temperature, topK, topP, variations, rngSeed, lock, continueFromTick);
        Song seedSong = source.notes != null ? songFromNames(source.notes) : new MidiFileReader().read(source.seedMidi);
        int trackIndex = seedTrack(seedSong);
        MelodySeed seed = MelodySeed.of(seedSong, trackIndex);
        GenerationResult result;
        try (MelodyGenerator generator = MelodyGenerator.load(MelodyModels.resolve(model))) {
            result = generator.generate(seed, opt);
        }
        Track seedTrack = seedSong.track(trackIndex);
        List<Track> tracks = new ArrayList<>();
        tracks.add(seedTrack.withName("Seed"));
        List<Note> cutSeed = result.seedCutAtStart(seed.notes());
        for (int v = 0; v < result.variations().size(); v++) {
            List<Note> all = new ArrayList<>(cutSeed);
            all.addAll(result.variations().get(v));
            tracks.add(Track.of("Variation " + (v + 1), (v + 1) % 16 == 9 ? 10 : (v + 1) % 16, seedTrack.program(), all));
        }
        Song outSong = new Song(seedSong.ppq(), seedSong.tempoMap(), seedSong.timeSignature(),
                lock != null ? lock : seedSong.key(), tracks, java.util.Map.of());
        new MidiFileWriter().write(outSong, out);
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "%s: seed of %d notes, %d variation(s) of %d bars (%d steps) in %.0f ms%n", out,
                seed.notes().size(), result.variations().size(), bars, result.steps(), result.millis());
        for (int v = 0; v < result.variations().size(); v++) {
            List<Note> notes = result.variations().get(v);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(12, notes.size()); i++) {
                sb.append(' ').append(PitchNames.name(notes.get(i).pitch()));
            }
            pw.printf(Locale.ROOT, "  variation %d: %d notes:%s%s%n", v + 1, notes.size(), sb, notes.size() > 12 ? " ..." : "");
        }
        pw.flush();
        return 0;
    }

    private int seedTrack(Song song) {
        if (track != null) {
            if (track < 1 || track > song.tracks().size()) {
                throw new IllegalArgumentException((source.seedMidi == null ? "the seed" : source.seedMidi.getFileName())
                        + " has no track " + track + " (it has " + song.tracks().size() + ")");
            }
            return track - 1;
        }
        var melody = MelodyLines.pick(song);
        if (melody.isEmpty()) {
            throw new IllegalArgumentException((source.seedMidi == null ? "the seed" : source.seedMidi.getFileName().toString())
                    + " has no notes to continue");
        }
        return melody.get().trackIndex();
    }

    /** "C4 D4 R G4": quarter notes at 120 BPM in 4/4. */
    static Song songFromNames(String text) {
        String[] names = text.trim().split("[\\s,]+");
        if (text.isBlank()) {
            throw new IllegalArgumentException("--notes is empty: give note names such as \"C4 D4 E4 G4\"");
        }
        List<Note> notes = new ArrayList<>();
        long tick = 0;
        for (String name : names) {
            if (!name.equalsIgnoreCase("R")) {
                notes.add(new Note(PitchNames.parse(name), 90, tick, NOTES_PPQ));
            }
            tick += NOTES_PPQ;
        }
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("--notes has only rests: give at least one note such as C4");
        }
        return Song.of(NOTES_PPQ, 120, List.of(Track.of("Seed", 0, 0, notes)));
    }
}
