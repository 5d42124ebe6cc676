package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.generate.MelodyCorpus;
import org.melodist.midi.MidiFileWriter;
import org.melodist.originality.Melody;
import org.melodist.originality.MelodyMutations;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * {@code originality} as a user runs it: planted copies of training tunes must name their source, new tunes
 * must rarely be called copies, and a corpus folder with bad files still works.
 */
class OriginalityCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static Path nottingham() {
        Optional<Path> data = SharedData.data("nottingham/melody");
        if (data.isEmpty()) {
            System.out.println(SharedData.missingReason("nottingham/melody"));
        }
        Assumptions.assumeTrue(data.isPresent(), SharedData.missingReason("nottingham/melody"));
        return data.get();
    }

    /** Writes {@code m} on track 2 (under an unrelated bass line) at {@code ppq} and {@code bpm}. */
    private static Path write(Melody m, int ppq, double bpm, Path file) throws Exception {
        List<Note> lead = new ArrayList<>();
        long shift = m.onset(0);
        long end = 0;
        for (int i = 0; i < m.size(); i++) {
            long start = Math.round((m.onset(i) - shift) * (double) ppq / Melody.UNITS_PER_BEAT) + 4L * ppq;
            long dur = Math.max(1, Math.round(m.duration(i) * (double) ppq / Melody.UNITS_PER_BEAT));
            lead.add(new Note(m.pitch(i), 90, start, dur));
            end = Math.max(end, start + dur);
        }
        List<Note> bass = new ArrayList<>();
        for (long t = 0; t < end; t += 2L * ppq) {
            bass.add(new Note(36 + (int) (t / ppq) % 7, 70, t, 2L * ppq));
        }
        Song song = Song.of(ppq, bpm, List.of(Track.of("Bass", 1, 33, bass), Track.of("Lead", 0, 0, lead)));
        new MidiFileWriter().write(song, file);
        return file;
    }

    private static List<JsonNode> results(CliRun r) throws Exception {
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(out::add);
        } else {
            out.add(root);
        }
        return out;
    }

    @Test
    void plantedCopiesNameTheirSource(@TempDir Path dir) throws Exception {
        Path data = nottingham();
        List<Path> train = MelodyCorpus.midiFiles(data).stream()
                .filter(p -> !MelodyCorpus.isValidation(p.getFileName().toString())).toList();
        Random rng = new Random(2026);
        int[] ppqs = {96, 120, 384, 960};
        List<String> args = new ArrayList<>(List.of("originality", "--json", "--track", "2"));
        List<String> sources = new ArrayList<>();
        while (sources.size() < 60) {
            Path src = train.get(rng.nextInt(train.size()));
            Melody tune = Melody.of(src.getFileName().toString(), new org.melodist.midi.MidiFileReader().read(src), null).orElseThrow();
            int len = 24 + rng.nextInt(17);
            if (tune.size() < len + 2) {
                continue;
            }
            int from = rng.nextInt(tune.size() - len);
            Melody q = MelodyMutations.edit(MelodyMutations.transpose(tune.slice(from, from + len), rng.nextInt(12) - 6),
                    1 + rng.nextInt(3), rng);
            Path file = write(q, ppqs[rng.nextInt(ppqs.length)], 60 + rng.nextInt(120), dir.resolve("planted" + sources.size() + ".mid"));
            args.add(file.toString());
            sources.add(tune.name());
        }
        List<JsonNode> res = results(run(args.toArray(String[]::new)));
        assertEquals(sources.size(), res.size());
        int top = 0;
        int flagged = 0;
        for (int i = 0; i < res.size(); i++) {
            JsonNode r = res.get(i);
            if (r.get("topMatches").size() > 0 && sources.get(i).equals(r.get("topMatches").get(0).get("corpusFile").asText())) {
                top++;
            }
            if (!r.get("verdict").asText().equals("original")) {
                flagged++;
            }
        }
        System.out.printf(Locale.ROOT, "planted copies: source top match %d/%d, called borrows or copy %d/%d%n", top, res.size(),
                flagged, res.size());
        assertTrue(top >= 57, "source is the top match for " + top + " of " + res.size());
        assertTrue(flagged >= 57, "flagged " + flagged + " of " + res.size());
    }

    @Test
    void theJsonHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        Path data = nottingham();
        Path q = data.resolve("jigs1.mid");
        JsonNode r = results(run("originality", "--json", q.toString())).get(0);
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("file", "notes", "originality", "verdict", "longestMatch", "topMatches"), keys);
        JsonNode lm = r.get("longestMatch");
        List<String> lmKeys = new ArrayList<>();
        lm.fieldNames().forEachRemaining(lmKeys::add);
        assertEquals(List.of("notes", "corpusFile", "queryStartBeat", "corpusStartBeat", "transposition"), lmKeys);
        Iterator<String> tk = r.get("topMatches").get(0).fieldNames();
        List<String> topKeys = new ArrayList<>();
        tk.forEachRemaining(topKeys::add);
        assertEquals(List.of("corpusFile", "score", "sharedNotes"), topKeys);
        // a training tune is in the index: a copy of itself
        assertEquals("jigs1.mid", r.get("file").asText());
        assertEquals("copy", r.get("verdict").asText());
        assertEquals("jigs1.mid", lm.get("corpusFile").asText());
        assertEquals(r.get("notes").asInt(), lm.get("notes").asInt());
        assertEquals(0, lm.get("transposition").asInt());
        assertEquals(0.0, r.get("originality").asDouble());

        CliRun two = run("originality", "--json", q.toString(), data.resolve("jigs2.mid").toString());
        assertTrue(JSON.readTree(two.out()).isArray());
        assertEquals(2, JSON.readTree(two.out()).size());
    }

    @Test
    void newTunesAreRarelyCalledCopies() throws Exception {
        Path data = nottingham();
        List<String> args = new ArrayList<>(List.of("originality", "--json"));
        for (Path p : MelodyCorpus.midiFiles(data)) {
            if (MelodyCorpus.isValidation(p.getFileName().toString())) {
                args.add(p.toString());
            }
        }
        int validation = args.size() - 2;
        Optional<Path> bach = SharedData.data("bach-chorales/soprano");
        if (bach.isPresent()) {
            for (String split : List.of("train", "valid", "test")) {
                try (var s = Files.list(bach.get().resolve(split))) {
                    s.sorted().forEach(p -> args.add(p.toString()));
                }
            }
        }
        List<JsonNode> res = results(run(args.toArray(String[]::new)));
        int vCopy = 0;
        int vBorrow = 0;
        int bCopy = 0;
        int bBorrow = 0;
        for (int i = 0; i < res.size(); i++) {
            String v = res.get(i).get("verdict").asText();
            boolean isValidation = i < validation;
            if (v.equals("copy")) {
                if (isValidation) vCopy++; else bCopy++;
            } else if (v.equals("borrows")) {
                if (isValidation) vBorrow++; else bBorrow++;
            }
        }
        int bachCount = res.size() - validation;
        System.out.printf(Locale.ROOT, "validation tunes (whole): %d copy, %d borrows of %d; Bach chorales: %d copy, %d borrows of %d%n",
                vCopy, vBorrow, validation, bCopy, bBorrow, bachCount);
        assertTrue(bCopy <= bachCount / 100, bCopy + " Bach chorales called copies");
        assertTrue(vCopy <= validation / 5, vCopy + " validation tunes called copies");
    }

    @Test
    void badFilesInTheCorpusFolderAreSkippedAndCounted(@TempDir Path dir) throws Exception {
        Path data = nottingham();
        Path corpus = Files.createDirectories(dir.resolve("my tunes"));
        Files.copy(data.resolve("jigs1.mid"), corpus.resolve("jigs1.mid"));
        Files.createDirectories(corpus.resolve("sub"));
        Files.copy(data.resolve("reelsa-c1.mid"), corpus.resolve("sub/reel.mid"));
        Files.writeString(corpus.resolve("junk.mid"), "this is not MIDI");
        byte[] real = Files.readAllBytes(data.resolve("jigs2.mid"));
        Files.write(corpus.resolve("truncated.mid"), java.util.Arrays.copyOf(real, 30));
        new MidiFileWriter().write(Song.empty(), corpus.resolve("empty.mid"));
        Files.writeString(corpus.resolve("notes.txt"), "not a MIDI file name, not read");

        CliRun r = run("originality", "--json", "--corpus", corpus.toString(), data.resolve("jigs1.mid").toString(),
                corpus.resolve("sub/reel.mid").toString());
        List<JsonNode> res = results(r);
        assertTrue(r.err().contains("2 tunes from 5 files, 3 skipped"), r.err());
        assertEquals("jigs1.mid", res.get(0).get("longestMatch").get("corpusFile").asText());
        assertEquals("copy", res.get(0).get("verdict").asText());
        // a query that is itself a file of the corpus is not matched with itself
        JsonNode reel = res.get(1);
        assertTrue(reel.get("longestMatch").isNull() || !reel.get("longestMatch").get("corpusFile").asText().equals("sub/reel.mid"),
                reel.toString());

        CliRun text = run("originality", "--corpus", corpus.toString(), data.resolve("jigs1.mid").toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("3 skipped"), text.out());
        assertTrue(text.out().contains("copy"), text.out());
    }

    @Test
    void indexCommandIndexesAndCalibratesAFolder(@TempDir Path dir) throws Exception {
        Path data = nottingham();
        Path corpus = Files.createDirectories(dir.resolve("tunes"));
        List<Path> files = MelodyCorpus.midiFiles(data);
        for (int i = 0; i < 40; i++) {
            Files.copy(files.get(i * 20), corpus.resolve(files.get(i * 20).getFileName()));
        }
        Files.writeString(corpus.resolve("broken.mid"), "MThd but not really");
        Path out = dir.resolve("index");
        CliRun r = run("originality-index", "--corpus", corpus.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("read 40 tunes") && r.out().contains("1 skipped"), r.out());
        assertTrue(r.out().contains("human baseline"), r.out());
        org.melodist.originality.OriginalityIndex index = org.melodist.originality.OriginalityModels.load(out);
        assertEquals(40, index.corpus().size());
        Melody first = index.corpus().melody(0);
        assertEquals(org.melodist.originality.Verdict.COPY, index.check(first).verdict());
        assertEquals(2, run("originality-index", "--corpus", corpus.toString(), "--out", out.toString(), "--tunes", "some").code());
    }

    @Test
    void reportAndBenchRunOnTheRealTunes() throws Exception {
        nottingham();
        CliRun r = run("originality-report", "--model", org.melodist.generate.TinyMelodyModel.dir().toString(), "--samples", "4", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.get("seeds").asInt() > 50, r.out());
        assertTrue(j.get("human").get("samples").asInt() > 50, r.out());
        assertEquals(5, j.get("model").size());
        for (JsonNode row : j.get("model")) {
            assertEquals(4, row.get("samples").asInt(), row.toString());
            assertTrue(row.get("longestMatch").has("p90"), row.toString());
        }
        assertEquals(2, run("originality-report", "--samples", "0").code());

        CliRun b = run("bench-originality", "--synthetic", "2000", "--queries", "5");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("8-bar query") && b.out().contains("2,000 melodies"), b.out());
    }

    @Test
    void badInputGivesOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.mid");
        CliRun r = run("originality", missing.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("missing.mid"), r.err());
        Path empty = dir.resolve("empty.mid");
        new MidiFileWriter().write(Song.empty(), empty);
        CliRun e = run("originality", empty.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("no notes"), e.err());
        CliRun t = run("originality", "--track", "3", empty.toString());
        assertEquals(2, t.code());
        assertTrue(t.err().contains("no track 3"), t.err());
        assertEquals(2, run("originality").code(), "a query is required");
        CliRun c = run("originality", "--corpus", dir.resolve("nowhere").toString(), empty.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("nowhere"), c.err());
    }
}
