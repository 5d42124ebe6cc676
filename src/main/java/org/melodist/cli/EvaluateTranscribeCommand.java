package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.melodist.SharedData;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.sound.SoundbankChoice;
import org.melodist.sound.SoundbankFiles;
import org.melodist.transcribe.MelodyTranscriber;
import org.melodist.transcribe.NoteMatching;
import org.melodist.transcribe.TranscriptionEvaluation;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate-transcribe}: note-level precision, recall and F1 of the transcriber on rendered melodies. */
@Command(name = "evaluate-transcribe", mixinStandardHelpOptions = true,
        description = "Render the melody model's validation tunes with several GM instruments (flute, violin, choir, "
                + "voice) under several conditions (clean, white noise at 20 dB SNR, 30 cents flat with vibrato), "
                + "transcribe them and print note-level precision, recall and F1 (onset within 50 ms, pitch within "
                + "50 cents, one-to-one matching: the mir_eval conventions).")
final class EvaluateTranscribeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "folder of melody .mid files (default: the shared Nottingham melodies); its fixed validation "
                    + "tenth is used")
    Path corpus;

    @Option(names = "--tunes", defaultValue = "92", paramLabel = "N", description = "at most N tunes (default ${DEFAULT-VALUE})")
    int tunes;

    @Option(names = "--skip", defaultValue = "0", paramLabel = "N",
            description = "pass over the first N usable validation tunes (default ${DEFAULT-VALUE}): tune settings on "
                    + "other tunes than the ones reported")
    int skip;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S",
            description = "the first S seconds of each tune (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--instruments", split = ",", paramLabel = "NAME",
            description = "a subset of flute,violin,choir,voice (default all)")
    List<String> instruments;

    @Option(names = "--soundfont", paramLabel = "F",
            description = "an SF2 or DLS soundbank; default: the one chosen in the studio, else the first General MIDI "
                    + "SF2 in the system folders, else Java's built-in bank")
    Path soundfont;

    @Override
    public Integer call() throws Exception {
        if (tunes < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("--tunes and --seconds must be positive");
        }
        if (skip < 0) {
            throw new IllegalArgumentException("--skip must not be negative");
        }
        Path dir = corpus != null ? corpus : SharedData.data("nottingham/melody").orElseThrow(
                () -> new IllegalArgumentException("no corpus: pass --corpus DIR (" + SharedData.missingReason("nottingham/melody") + ")"));
        List<TranscriptionEvaluation.Instrument> chosen = new ArrayList<>();
        for (TranscriptionEvaluation.Instrument i : TranscriptionEvaluation.INSTRUMENTS) {
            if (instruments == null || instruments.contains(i.name())) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--instruments names none of flute, violin, choir, voice");
        }
        SoundbankChoice.Selection bank = soundfont != null
                ? new SoundbankChoice.Selection(Optional.of(SoundbankFiles.load(soundfont)), Optional.of(soundfont),
                        soundfont.toString())
                : new SoundbankChoice(PropertiesFileSettingsStore.forUser()).resolve();
        List<TranscriptionEvaluation.Tune> list = TranscriptionEvaluation.validationTunes(dir, skip, tunes, seconds);
        if (list.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no melodies in the validation split");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d validation tunes of %s%s, first %.0f s each; soundbank: %s%n", list.size(), dir,
                skip > 0 ? " after the first " + skip : "", seconds, bank.description());
        out.flush();
        TranscriptionEvaluation eval = new TranscriptionEvaluation(bank.bank(), new MelodyTranscriber());
        TranscriptionEvaluation.Report r = eval.evaluate(list, chosen, TranscriptionEvaluation.CONDITIONS, line -> {
            out.println("  " + line);
            out.flush();
        });
        out.println("per instrument:");
        print(out, r.byInstrument());
        out.println("per condition:");
        print(out, r.byCondition());
        NoteMatching.Counts all = r.total();
        out.printf(Locale.ROOT, "all: F1 %.3f, precision %.3f, recall %.3f (%d reference notes, %d transcribed)%n",
                all.f1(), all.precision(), all.recall(), all.reference(), all.estimated());
        double tuning = r.cells().stream().filter(c -> c.condition().detuneCents() != 0)
                .mapToDouble(TranscriptionEvaluation.Cell::meanTuningError).average().orElse(Double.NaN);
        out.printf(Locale.ROOT, "tuning offset error on the detuned renders: %.1f cents (mean absolute)%n", tuning);
        out.printf(Locale.ROOT, "transcription speed: %.0fx real time%n", r.speedTimesRealTime());
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, Map<String, NoteMatching.Counts> m) {
        for (Map.Entry<String, NoteMatching.Counts> e : m.entrySet()) {
            NoteMatching.Counts c = e.getValue();
            out.printf(Locale.ROOT, "  %-20s F1 %.3f  precision %.3f  recall %.3f  (%d notes)%n", e.getKey(), c.f1(),
                    c.precision(), c.recall(), c.reference());
        }
    }
}
