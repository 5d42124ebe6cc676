package org.melodist.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.sound.midi.Soundbank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.melodist.analysis.AudioAnalysis;
import org.melodist.analysis.AudioAnalyzer;
import org.melodist.analysis.DecodedAudio;
import org.melodist.analysis.KeyEstimator;
import org.melodist.analysis.KeyScore;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.OfflineRenderer;
import org.melodist.sound.RenderOptions;
import org.melodist.sound.SoundbankFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate-key --corpus DIR}: the key estimate scored on renders of MIDI files whose key signature is
 * known (e.g. the Nottingham folk tunes), with the MIREX weighted score, beside the textbook baseline
 * (Krumhansl-Kessler profiles on the mean STFT chroma). These are synthesised renders, not recordings.
 */
@Command(name = "evaluate-key", mixinStandardHelpOptions = true,
        description = "Score the audio key estimate on renders of MIDI files with known key signatures: MIREX "
                + "weighted score (same key 1, fifth 0.5, relative 0.3, parallel 0.2) and exact-key share, beside "
                + "the Krumhansl-Kessler baseline on the mean STFT chroma.")
final class EvaluateKeyCommand implements Callable<Integer> {

    private static final int RATE = 22_050;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of MIDI files with key signatures")
    Path corpus;

    @Option(names = "--tunes", defaultValue = "120", paramLabel = "N",
            description = "tunes to render, half in minor keys where the corpus has them (default ${DEFAULT-VALUE})")
    int tunes;

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "S",
            description = "seconds of each tune to render (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--programs", split = ",", defaultValue = "0,24,40,73", paramLabel = "P",
            description = "General MIDI programs to play the tunes with, in turn (default: piano, guitar, violin, flute)")
    List<Integer> programs;

    @Option(names = "--soundfont", paramLabel = "F", description = "SF2/DLS soundbank (default: Melodist's built-in one)")
    List<Path> soundfonts = new ArrayList<>();

    @Option(names = "--json", description = "print the scores as JSON")
    boolean json;

    private record Labelled(Path file, Song song, Key key) {
    }

    @Override
    public Integer call() throws Exception {
        if (tunes < 2 || tunes > 2000) {
            throw new IllegalArgumentException("--tunes " + tunes + " is outside 2-2000");
        }
        if (!(seconds >= 5 && seconds <= 600)) {
            throw new IllegalArgumentException("--seconds " + seconds + " is outside 5-600");
        }
        for (int p : programs) {
            if (p < 0 || p > 127) {
                throw new IllegalArgumentException("--programs " + p + " is outside 0-127");
            }
        }
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("--corpus " + corpus + ": no such folder");
        }
        List<Labelled> chosen = choose(labelled());
        List<Optional<Soundbank>> banks = new ArrayList<>();
        for (Path f : soundfonts) {
            banks.add(Optional.of(SoundbankFiles.load(f)));
        }
        if (banks.isEmpty()) {
            banks.add(Optional.empty());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "%d tunes from %s (%d in minor keys), first %.0f s of each, programs %s, %d soundbank%s%n",
                    chosen.size(), corpus.getFileName(), chosen.stream().filter(l -> l.key().mode() == Key.Mode.MINOR).count(),
                    seconds, programs, banks.size(), banks.size() == 1 ? "" : "s");
            out.flush();
        }
        Map<KeyScore, Integer> baseline = new EnumMap<>(KeyScore.class);
        Map<KeyScore, Integer> improved = new EnumMap<>(KeyScore.class);
        double confidenceRight = 0;
        double confidenceWrong = 0;
        int right = 0;
        AudioAnalyzer analyzer = new AudioAnalyzer();
        RenderOptions options = RenderOptions.DEFAULT.withSampleRate(RATE).withTail(1.0);
        for (int i = 0; i < chosen.size(); i++) {
            Labelled l = chosen.get(i);
            int program = programs.get(i % programs.size());
            Optional<Soundbank> bank = banks.get(i % banks.size());
            short[] pcm = new OfflineRenderer(bank).renderPcm(clip(l.song(), program), options);
            float[] mono = new float[pcm.length / 2];
            for (int k = 0; k < mono.length; k++) {
                mono[k] = (pcm[2 * k] + pcm[2 * k + 1]) / 65536f;
            }
            AudioAnalysis a = analyzer.analyze(new DecodedAudio(mono, RATE, RATE, 2, "render"));
            Key base = new KeyEstimator().estimate(a.frames().chroma()).key();
            KeyScore b = KeyScore.of(l.key(), base);
            KeyScore n = KeyScore.of(l.key(), a.key().key());
            baseline.merge(b, 1, Integer::sum);
            improved.merge(n, 1, Integer::sum);
            if (n == KeyScore.SAME) {
                confidenceRight += a.key().confidence();
                right++;
            } else {
                confidenceWrong += a.key().confidence();
            }
            if (!json) {
                out.printf(Locale.ROOT, "  %-22s %-9s program %3d: %-9s (%s, confidence %.2f); baseline %-9s (%s)%n",
                        l.file().getFileName(), l.key(), program, a.key().key(), n.name().toLowerCase(Locale.ROOT),
                        a.key().confidence(), base, b.name().toLowerCase(Locale.ROOT));
                out.flush();
            }
        }
        int total = chosen.size();
        double meanRight = right == 0 ? 0 : confidenceRight / right;
        double meanWrong = right == total ? 0 : confidenceWrong / (total - right);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("tunes", total);
            root.put("seconds", seconds);
            put(root.putObject("estimate"), improved, total);
            put(root.putObject("baseline"), baseline, total);
            root.put("meanConfidenceWhenRight", meanRight);
            root.put("meanConfidenceWhenWrong", meanWrong);
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "estimate: MIREX weighted %.3f, same key %.1f %% %s%n", weighted(improved, total),
                    100.0 * improved.getOrDefault(KeyScore.SAME, 0) / total, improved);
            out.printf(Locale.ROOT, "baseline (Krumhansl-Kessler on mean STFT chroma): MIREX weighted %.3f, same key %.1f %% %s%n",
                    weighted(baseline, total), 100.0 * baseline.getOrDefault(KeyScore.SAME, 0) / total, baseline);
            out.printf(Locale.ROOT, "mean confidence: %.2f when right, %.2f when wrong%n", meanRight, meanWrong);
        }
        out.flush();
        return 0;
    }

    private static void put(ObjectNode node, Map<KeyScore, Integer> counts, int total) {
        node.put("mirexWeighted", weighted(counts, total));
        for (KeyScore s : KeyScore.values()) {
            node.put(s.name().toLowerCase(Locale.ROOT), counts.getOrDefault(s, 0));
        }
    }

    private static double weighted(Map<KeyScore, Integer> counts, int total) {
        double sum = 0;
        for (Map.Entry<KeyScore, Integer> e : counts.entrySet()) {
            sum += e.getKey().weight() * e.getValue();
        }
        return total == 0 ? 0 : sum / total;
    }

    private List<Labelled> labelled() throws IOException {
        List<Labelled> all = new ArrayList<>();
        MidiFileReader reader = new MidiFileReader();
        try (Stream<Path> s = Files.list(corpus)) {
            for (Path p : s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.midi?"))
                    .sorted().toList()) {
                try {
                    Song song = reader.read(p);
                    if (song.key() != null && song.tracks().stream().anyMatch(t -> !t.notes().isEmpty())) {
                        all.add(new Labelled(p, song, song.key()));
                    }
                } catch (MidiFormatException e) {
                    // a file that does not read has no label to test against
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("--corpus " + corpus + ": no MIDI file with a key signature");
        }
        return all;
    }

    /** Up to half minor-key tunes (the corpus may hold few), the rest major, each spread evenly over the list. */
    private List<Labelled> choose(List<Labelled> all) {
        List<Labelled> minor = all.stream().filter(l -> l.key().mode() == Key.Mode.MINOR).toList();
        List<Labelled> major = all.stream().filter(l -> l.key().mode() == Key.Mode.MAJOR).toList();
        List<Labelled> out = new ArrayList<>(spread(minor, Math.min(minor.size(), tunes / 2)));
        out.addAll(spread(major, Math.min(major.size(), tunes - out.size())));
        return out;
    }

    private static List<Labelled> spread(List<Labelled> from, int n) {
        List<Labelled> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(from.get((int) ((long) i * from.size() / n)));
        }
        return out;
    }

    /** The first {@link #seconds} of the song, every track played by {@code program} (drums left alone). */
    private Song clip(Song song, int program) {
        long end = Math.round(song.tempoMap().tickAt(seconds, song.ppq()));
        List<Track> tracks = new ArrayList<>();
        for (Track t : song.tracks()) {
            List<Note> notes = t.notes().stream().filter(n -> n.start() < end).toList();
            Track clipped = t.withNotes(notes);
            tracks.add(t.channel() == 9 ? clipped : clipped.withProgram(program));
        }
        return song.withTracks(tracks);
    }
}
