package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.harmony.BeatGrid;
import org.melodist.harmony.ChordSpan;
import org.melodist.harmony.ChordTracks;
import org.melodist.harmony.Harmonization;
import org.melodist.harmony.HarmonyJson;
import org.melodist.harmony.HarmonyModel;
import org.melodist.harmony.HarmonyModels;
import org.melodist.harmony.NeuralHarmonizer;
import org.melodist.harmony.SongHarmony;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Song;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmonize IN.mid}: chords for a melody, as text, JSON, or a MIDI file with a chord track. */
@Command(name = "harmonize", mixinStandardHelpOptions = true,
        description = "Suggest chords for the melody of a MIDI file with the harmony model. Prints the chords per bar, "
                + "or JSON with --json; --out writes the song plus a chord track (block chords) and the chord symbols as markers.")
final class HarmonizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.mid", description = "MIDI file with a melody")
    Path in;

    @Option(names = "--track", paramLabel = "N", description = "track to harmonise, from 1 (default: the melody; a polyphonic track is read by its top line)")
    Integer track;

    @Option(names = "--json", description = "print {\"key\",\"ppq\",\"chords\":[{\"startBeat\",\"endBeat\",\"startTick\",\"endTick\",\"symbol\",\"root\",\"quality\"}]}")
    boolean json;

    @Option(names = "--out", paramLabel = "OUT.mid", description = "write the song with a chord track and chord-symbol markers")
    Path out;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped models/harmony)")
    Path model;

    @Override
    public Integer call() throws Exception {
        if (track != null && track < 1) {
            throw new IllegalArgumentException("--track counts from 1, not " + track);
        }
        Song song = new MidiFileReader().read(in);
        BeatGrid grid;
        try {
            grid = SongHarmony.grid(song, track == null ? -1 : track - 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in.getFileName() + ": " + e.getMessage(), e);
        }
        Harmonization h;
        try (HarmonyModel m = HarmonyModel.load(HarmonyModels.resolve(model))) {
            h = new NeuralHarmonizer(m).harmonize(grid);
        }
        PrintWriter pw = spec.commandLine().getOut();
        if (out != null) {
            new MidiFileWriter().write(ChordTracks.withChordTrack(song, h), ChordTracks.markers(h), out);
        }
        if (json) {
            pw.println(HarmonyJson.toJson(h));
        } else {
            long ticksPerBar = song.ticksPerBar();
            pw.printf(Locale.ROOT, "%s: key %s, %s, %d chords over %d beats%n", in.getFileName(), h.key(), song.timeSignature(),
                    h.chordSpans().size(), grid.beats());
            StringBuilder line = new StringBuilder();
            long bar = -1;
            for (ChordSpan s : h.chordSpans()) {
                long tick = (long) s.startBeat() * song.ppq();
                long b = tick / ticksPerBar;
                if (b != bar) {
                    if (line.length() > 0) pw.println(line);
                    line.setLength(0);
                    line.append(String.format(Locale.ROOT, "  bar %3d |", b + 1));
                    bar = b;
                }
                line.append(' ').append(s.chord().symbol(h.key()));
            }
            if (line.length() > 0) pw.println(line);
            if (out != null) {
                pw.printf(Locale.ROOT, "wrote %s (the song plus a 'Chords' track and chord-symbol markers)%n", out);
            }
        }
        pw.flush();
        return 0;
    }
}
