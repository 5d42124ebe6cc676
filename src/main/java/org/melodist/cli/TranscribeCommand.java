package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.melodist.midi.MidiFileWriter;
import org.melodist.song.PitchNames;
import org.melodist.transcribe.MelodyTranscriber;
import org.melodist.transcribe.TranscribedNote;
import org.melodist.transcribe.Transcription;
import org.melodist.transcribe.TranscriptionJson;
import org.melodist.transcribe.TranscriptionSongs;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code transcribe IN --out OUT.mid [--json] [--tempo BPM]}: the notes of a monophonic recording. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribe a monophonic recording (singing, humming, whistling, a flute, a violin, one guitar "
                + "line; WAV, AIFF, AU, MP3, OGG Vorbis or FLAC) to melody notes and write them as a MIDI file.")
final class TranscribeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IN", description = "the recording")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.mid",
            description = "the MIDI file to write (replaced atomically if it exists)")
    Path out;

    @Option(names = "--json", description = "print the notes as JSON: {\"notes\":[{\"pitch\",\"startSec\",\"endSec\","
            + "\"cents\",\"confidence\"}],\"tempoBpm\",\"tuningCents\"}")
    boolean json;

    @Option(names = "--tempo", paramLabel = "BPM",
            description = "the performance's tempo: the MIDI notes are placed on its sixteenth grid (default: a tempo "
                    + "estimated from the onsets, notes not moved)")
    Double tempo;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": is a folder; give the MIDI file to write");
        }
        OptionalDouble bpm = tempo == null ? OptionalDouble.empty() : OptionalDouble.of(tempo);
        MelodyTranscriber.checkTempo(bpm);
        Transcription t = new MelodyTranscriber().transcribe(in, bpm);
        new MidiFileWriter().write(TranscriptionSongs.toSong(t), out);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(TranscriptionJson.toJson(t));
            t.emptyReason().ifPresent(reason -> {
                PrintWriter err = spec.commandLine().getErr();
                err.println("transcribe: " + in.getFileName() + ": " + reason);
                err.flush();
            });
        } else {
            printText(o, t);
        }
        o.flush();
        return 0;
    }

    private void printText(PrintWriter o, Transcription t) {
        if (t.emptyReason().isPresent()) {
            o.printf(Locale.ROOT, "%s: %s; wrote %s with an empty track%n", in.getFileName(), t.emptyReason().get(), out);
            return;
        }
        o.printf(Locale.ROOT, "%s: %.2f s, %d notes, tuning %+.0f cents from A440, tempo %.1f BPM (%s)%n",
                in.getFileName(), t.durationSec(), t.notes().size(), t.tuningCents(), t.tempoBpm(),
                t.tempoGiven() ? "given; notes on its sixteenth grid" : "estimated");
        for (TranscribedNote n : t.notes()) {
            o.printf(Locale.ROOT, "  %8.3f - %8.3f s  %-4s %+6.1f cents  confidence %.2f%n", n.startSec(), n.endSec(),
                    PitchNames.name(n.pitch()), n.cents(), n.confidence());
        }
        o.printf(Locale.ROOT, "wrote %s%n", out);
    }
}
