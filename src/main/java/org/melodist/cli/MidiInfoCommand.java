package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.melodist.midi.MidiFileReader;
import org.melodist.midi.SongJson;
import org.melodist.song.PitchNames;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.Track;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code midi-info FILE [--json]}: shows a MIDI file as the importer sees it. */
@Command(name = "midi-info", mixinStandardHelpOptions = true,
        description = "Show a MIDI file as Melodist imports it: resolution, tempo map, metre, key, tracks and notes.")
final class MidiInfoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a Standard MIDI File (.mid)")
    Path file;

    @Option(names = "--json", description = "print the song as JSON (a stable shape for other tools)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MidiFileReader.Reading reading = new MidiFileReader().readWithNotes(file);
        Song song = reading.song();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(SongJson.toJson(song));
            PrintWriter err = spec.commandLine().getErr();
            for (String note : reading.notes()) {
                err.println("midi-info: " + file.getFileName() + ": " + note);
            }
            err.flush();
        } else {
            for (String note : reading.notes()) {
                out.println("note: " + note);
            }
            out.printf("%s: %d ticks per quarter, %s, key %s, %.2f s%n", file.getFileName(), song.ppq(),
                    song.timeSignature(), song.key() == null ? "not given" : song.key(), song.durationSeconds());
            for (TempoChange c : song.tempoMap().changes()) {
                out.printf("  tempo %.2f BPM at tick %d%n", c.bpm(), c.tick());
            }
            for (int i = 0; i < song.tracks().size(); i++) {
                Track t = song.tracks().get(i);
                String range = t.notes().isEmpty() ? "" : ", " + PitchNames.name(
                        t.notes().stream().mapToInt(n -> n.pitch()).min().getAsInt()) + "-"
                        + PitchNames.name(t.notes().stream().mapToInt(n -> n.pitch()).max().getAsInt());
                out.printf("  track %d '%s': channel %d, program %d, %d notes%s%n", i + 1, t.name(),
                        t.channel() + 1, t.program(), t.notes().size(), range);
            }
        }
        out.flush();
        return 0;
    }
}
