package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.melodist.Plurals;
import org.melodist.analysis.AnalysisJson;
import org.melodist.analysis.AudioAnalysis;
import org.melodist.analysis.AudioAnalyzer;
import org.melodist.analysis.GenreWindows;
import org.melodist.analysis.genre.GenreClassifier;
import org.melodist.analysis.genre.GenreModelException;
import org.melodist.analysis.genre.GenrePrediction;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code analyze FILE [--json] [--frames]}: what a recording is made of. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse an audio file (WAV, AIFF, AU, MP3, OGG Vorbis, FLAC): duration, tempo and beats, key, "
                + "the GTZAN-style feature vector (librosa-equivalent) and genre probabilities.")
final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "an audio file; MIDI files belong to midi-info / the MIDI importer")
    Path file;

    @Option(names = "--json", description = "print the analysis as JSON")
    boolean json;

    @Option(names = "--frames", description = "add the frame-wise series at hop 512 samples (implies --json)")
    boolean frames;

    @Override
    public Integer call() throws Exception {
        AudioAnalysis a = new AudioAnalyzer().analyze(file);
        GenreWindows.Result genre = null;
        String noGenre = null;
        try {
            genre = GenreWindows.classify(a, GenreClassifier.loadDefault());
        } catch (GenreModelException e) {
            noGenre = e.getMessage();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json || frames) {
            out.println(AnalysisJson.toJson(a, genre, frames));
            if (noGenre != null) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("analyze: no genre: " + noGenre);
                err.flush();
            }
        } else {
            printText(out, a, genre, noGenre);
        }
        out.flush();
        return 0;
    }

    private void printText(PrintWriter out, AudioAnalysis a, GenreWindows.Result genre, String noGenre) {
        out.printf(Locale.ROOT, "%s: %.2f s; source %s, %.0f Hz, %s%n", file.getFileName(), a.durationSec(),
                a.sourceFormat(), a.sourceSampleRate(), Plurals.count(a.sourceChannels(), "channel"));
        double[] beats = a.beatTimes();
        out.printf(Locale.ROOT, "tempo %.1f BPM, %d beats%s%n", a.tempoBpm(), beats.length,
                beats.length == 0 ? "" : String.format(Locale.ROOT, " from %.2f s to %.2f s", beats[0],
                        beats[beats.length - 1]));
        out.printf(Locale.ROOT, "key %s (correlation %.2f, confidence %.2f; runner-up %s)%n", a.key().key(),
                a.key().correlation(), a.key().confidence(), a.key().runnerUp());
        if (genre == null) {
            out.println("genre: not available (" + noGenre + ")");
        } else {
            out.println("genre " + describe(genre.prediction().combined()));
            if (genre.windows().size() > 1) {
                for (int i = 0; i < genre.windows().size(); i++) {
                    GenreWindows.Window w = genre.windows().get(i);
                    out.printf(Locale.ROOT, "  %6.1f-%6.1f s: %s%n", w.startSec(), w.endSec(),
                            describe(genre.prediction().windows().get(i)));
                }
            }
        }
        out.println("features (GTZAN columns):");
        for (Map.Entry<String, Double> e : a.features().entrySet()) {
            out.printf(Locale.ROOT, "  %-24s %.6g%n", e.getKey(), e.getValue());
        }
    }

    private static String describe(GenrePrediction p) {
        StringBuilder sb = new StringBuilder(p.label());
        sb.append(String.format(Locale.ROOT, " %.0f%%", 100 * p.probability(p.label())));
        p.probabilities().entrySet().stream().filter(e -> !e.getKey().equals(p.label()))
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).limit(2)
                .forEach(e -> sb.append(String.format(Locale.ROOT, ", %s %.0f%%", e.getKey(), 100 * e.getValue())));
        return sb.toString();
    }
}
