package org.melodist.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.melodist.midi.MidiFileReader;
import org.melodist.originality.CorpusFolders;
import org.melodist.originality.Melody;
import org.melodist.originality.OriginalityIndex;
import org.melodist.originality.OriginalityJson;
import org.melodist.originality.OriginalityModels;
import org.melodist.originality.OriginalityResult;
import org.melodist.originality.SharedPassage;
import org.melodist.originality.Thresholds;
import org.melodist.originality.TuneCorpus;
import org.melodist.song.Song;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code originality}: how much melodies borrow from a corpus of tunes, and from which. */
@Command(name = "originality", mixinStandardHelpOptions = true,
        description = "Check melodies against a corpus (default: the melody model's training tunes, shipped in "
                + "models/originality): the longest shared passage, allowing a few changed notes, in any key and at "
                + "any tempo, a verdict (original, borrows, copy) calibrated on how much the corpus's own tunes share, "
                + "and the closest tunes.")
final class OriginalityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY.mid", description = "MIDI files to check")
    List<Path> queries;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "check against the tunes of this folder and its subfolders instead (repeatable); unreadable "
                    + "files are skipped and counted")
    List<Path> corpus;

    @Option(names = "--track", paramLabel = "N", description = "track of each query to check, from 1 (default: its melody)")
    Integer track;

    @Option(names = "--json", description = "print one JSON object per query (an array when there are several)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (track != null && track < 1) {
            throw new IllegalArgumentException("--track must be 1 or more, not " + track);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<Path> corpusFiles = new HashSet<>();
        OriginalityIndex index = index(json ? err : out, corpusFiles);
        MidiFileReader reader = new MidiFileReader();
        List<OriginalityResult> results = new ArrayList<>();
        for (Path q : queries) {
            Song song = reader.read(q);
            if (track != null && track > song.tracks().size()) {
                throw new IllegalArgumentException(q.getFileName() + " has no track " + track + " (it has " + song.tracks().size() + ")");
            }
            Melody m = Melody.of(q.getFileName().toString(), song, track == null ? null : track - 1)
                    .orElseThrow(() -> new IllegalArgumentException(q.getFileName() + " has no notes to check"
                            + (track == null ? "" : " on track " + track)));
            Path self = real(q);
            results.add(index.check(m, t -> !corpusFiles.isEmpty() && self.equals(corpusPath(t))));
        }
        if (json) {
            out.println(OriginalityJson.toJson(results));
        } else {
            for (OriginalityResult r : results) {
                print(out, r);
            }
        }
        out.flush();
        return 0;
    }

    private final List<Path> tunePaths = new ArrayList<>();

    private Path corpusPath(int tune) {
        return tune < tunePaths.size() ? tunePaths.get(tune) : null;
    }

    private OriginalityIndex index(PrintWriter info, Set<Path> corpusFiles) throws IOException {
        if (corpus == null || corpus.isEmpty()) {
            return OriginalityModels.load(OriginalityModels.resolve(null));
        }
        // a folder of the user's is judged by the thresholds calibrated on the shipped corpus
        Thresholds thresholds = OriginalityModels.thresholds(OriginalityModels.resolve(null));
        CorpusFolders.Loaded loaded = CorpusFolders.read(corpus, name -> true, CorpusFolders.Progress.NONE);
        for (Path p : loaded.paths()) {
            tunePaths.add(real(p));
            corpusFiles.add(real(p));
        }
        info.printf(Locale.ROOT, "corpus: %d tunes from %d files, %d skipped%s%n", loaded.melodies().size(), loaded.files(),
                loaded.skipped().size(), loaded.skipped().isEmpty() ? "" : " (" + String.join("; ", loaded.skipped().subList(0,
                        Math.min(3, loaded.skipped().size()))) + (loaded.skipped().size() > 3 ? "; ..." : "") + ")");
        info.flush();
        if (loaded.melodies().isEmpty()) {
            throw new IllegalArgumentException(corpus + ": no readable tunes to check against");
        }
        return OriginalityIndex.of(TuneCorpus.of(loaded.melodies()), thresholds);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static void print(PrintWriter out, OriginalityResult r) {
        SharedPassage l = r.longestMatch();
        out.printf(Locale.ROOT, "%s: %d notes, originality %.2f, %s", r.file(), r.notes(), r.originality(), r.verdict().word());
        if (l == null) {
            out.println(" (no shared passage)");
        } else {
            out.printf(Locale.ROOT, "; longest shared passage %d notes with %s (beat %.1f here, beat %.1f there, transposed %+d)%n",
                    l.sharedNotes(), l.corpusFile(), l.queryStartBeat(), l.corpusStartBeat(), l.transposition());
        }
        for (SharedPassage p : r.topMatches()) {
            out.printf(Locale.ROOT, "  %-28s score %.2f, %d shared notes%n", p.corpusFile(), p.score(), p.sharedNotes());
        }
    }
}
