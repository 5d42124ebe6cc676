package org.melodist.studio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.analysis.FrameCsv;
import org.melodist.analysis.SyntheticMusic;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.document.DocumentViewModel;
import org.melodist.studio.document.RecoveryStore;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.tasks.SameThreadRunner;

/**
 * The analysis flow without a window or toolkit: real WAV files written here, the real analyser and genre
 * model, run on the test's thread.
 */
class AnalysisViewModelTest {

    @TempDir
    Path dir;
    private SongDocument doc;
    private DocumentViewModel files;
    private StudioPreferences prefs;
    private AnalysisViewModel vm;
    private final SameThreadRunner runner = new SameThreadRunner();

    @BeforeEach
    void setUp() throws Exception {
        doc = new SongDocument(Song.empty());
        prefs = new StudioPreferences(dir.resolve("prefs.properties"));
        files = new DocumentViewModel(doc, prefs, new RecoveryStore(dir.resolve("recovery").resolve("autosave.mid")), runner);
        vm = new AnalysisViewModel(doc, files::open, prefs, GenreModelSource.shipped(), runner);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        files.close();
    }

    /** A mono 16-bit WAV of a sine, written through javax.sound. */
    static Path sineWav(Path file, double hz, double seconds, int rate) throws Exception {
        int n = (int) Math.round(seconds * rate);
        byte[] data = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            int v = (int) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
            data[2 * i] = (byte) v;
            data[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    private List<AnalysisItem> add(Path... paths) throws Exception {
        return vm.add(List.of(paths));
    }

    private static void assertFinished(AnalysisItem item) {
        assertTrue(item.state().isFinished(), item + " has run to its end on the runner");
    }

    private static <T> T succeeded(Job<T> job) {
        assertEquals(Job.State.SUCCEEDED, job.state(), () -> "export failed: " + job.exception());
        return job.value();
    }

    @Test
    void aClickTrackAt120BpmIsAnalysedAndSummarised() throws Exception {
        Path wav = SyntheticMusic.writeWav(dir.resolve("groove.wav"), 10, 44_100, 120, 7);
        AnalysisItem item = add(wav).get(0);
        assertEquals(1, vm.items().size());
        assertFinished(item);
        assertEquals(AnalysisItem.State.DONE, item.state(), item.detail());
        assertEquals(1.0, item.progressProperty().get());
        AnalysisResult r = item.result();
        assertEquals(120, r.analysis().tempoBpm(), 120 * 0.03, "tempo of a 120 BPM groove");
        assertEquals(10.0, r.analysis().durationSec(), 0.01);
        assertEquals(AnalysisViewModel.ENVELOPE_BUCKETS, r.envelope()[0].length);
        assertNotNull(r.genre(), "the shipped genre model classifies the file: " + r.genreProblem());

        // the first finished result is selected and summarised
        assertEquals(item, vm.selectedProperty().get());
        assertEquals("groove.wav", vm.summaryFileProperty().get());
        assertEquals("0:10.0", vm.summaryDurationProperty().get());
        assertTrue(vm.summarySourceProperty().get().startsWith("44,100 Hz · 2 channels"), vm.summarySourceProperty().get());
        assertTrue(vm.summaryTempoProperty().get().matches("1[12]\\d\\.\\d BPM · \\d+ beats"), vm.summaryTempoProperty().get());
        assertTrue(vm.summaryKeyProperty().get().matches("[A-G][#b]? (major|minor) · confidence \\d+ %"), vm.summaryKeyProperty().get());
        String top = r.genre().prediction().combined().label();
        assertTrue(vm.summaryGenreProperty().get().startsWith(top + " "), vm.summaryGenreProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.hasResultBinding().get());
    }

    /** A file cut short is analysed as far as it decodes, and the musician is told how far. */
    @Test
    void aFileCutShortIsAnalysedAsFarAsItGoesAndSaysSo() throws Exception {
        Path whole = SyntheticMusic.writeWav(dir.resolve("whole.wav"), 20, 44_100, 120, 7);
        byte[] bytes = java.nio.file.Files.readAllBytes(whole);
        Path cut = java.nio.file.Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        AnalysisItem item = add(cut).get(0);
        assertFinished(item);
        assertEquals(AnalysisItem.State.DONE, item.state(), item.detail());
        assertTrue(item.detail().endsWith(" · damaged"), item.detail());
        assertEquals("cut.wav: analysed the first 10.0 s of 20.0 s; the file is cut short", vm.messageProperty().get());
        assertEquals("0:10.0 · damaged file", vm.summaryDurationProperty().get());
    }

    @Test
    void exportsWriteCsvWithOneRowPerFrameAndTheCliJson() throws Exception {
        Path wav = sineWav(dir.resolve("a440.wav"), 440, 3, 22_050);
        AnalysisItem item = add(wav).get(0);
        assertFinished(item);
        assertEquals(AnalysisItem.State.DONE, item.state(), item.detail());
        int frames = item.result().analysis().frames().frames();

        Path csv = succeeded(vm.exportCsv(dir.resolve("out").resolve("a440.csv")));
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(FrameCsv.columns(item.result().analysis().frames()), header);
        assertEquals(8 + 20 + 12, header.size());
        assertTrue(header.containsAll(List.of("time_s", "spectral_centroid", "rolloff", "spectral_bandwidth", "rms",
                "mfcc1", "mfcc20", "chroma_C", "chroma_A")));
        assertEquals(frames + 1, lines.size(), "a header and one row per frame");
        int centroid = header.indexOf("spectral_centroid");
        String[] middle = lines.get(1 + frames / 2).split(",", -1);
        assertEquals(header.size(), middle.length);
        assertEquals(440, Double.parseDouble(middle[centroid]), 5, "a sine's centroid is its frequency");
        assertEquals((frames / 2) * 512 / 22050.0, Double.parseDouble(middle[header.indexOf("time_s")]), 1e-9);
        try (var stream = Files.list(csv.getParent())) {
            assertEquals(List.of(csv), stream.toList(), "no temporary file is left behind");
        }

        Path json = succeeded(vm.exportJson(dir.resolve("a440.json")));
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(3.0, root.get("durationSec").asDouble(), 0.01);
        assertEquals(22050, root.get("sourceSampleRate").asInt());
        assertEquals("A", root.get("key").get("tonic").asText());
        assertTrue(root.get("features").has("spectral_centroid_mean"));
        assertTrue(root.get("genre").get("probabilities").size() >= 10);
        assertEquals(frames, root.get("frames").get("spectral_centroid").size());
        assertEquals(20, root.get("frames").get("mfcc").size());
        assertEquals(dir, prefs.get(AnalysisViewModel.FOLDER_PREF).map(Path::of).orElseThrow(),
                "the folder of the last export is remembered");
    }

    @Test
    void useAsSeedSetsTheSongsTempoAndKeyAsOneUndoableEdit() throws Exception {
        doc.load(Song.of(480, 90, List.of(Track.of("Tune", 0, 0,
                List.of(new Note(60, 90, 0, 480))))), null);
        PianoRollViewModel roll = new PianoRollViewModel(doc);
        Path wav = SyntheticMusic.writeWav(dir.resolve("groove.wav"), 10, 22_050, 120, 3);
        AnalysisItem item = add(wav).get(0);
        assertFinished(item);
        AnalysisResult r = item.result();
        Key detected = r.analysis().key().key();
        Song before = doc.current();

        assertTrue(vm.useAsSeed());
        Song seeded = doc.current();
        assertEquals(AnalysisViewModel.seedTempo(r.analysis().tempoBpm()), seeded.tempoMap().initialBpm(), 1e-9);
        assertEquals(120, seeded.tempoMap().initialBpm(), 4);
        assertEquals(detected, seeded.key());
        assertEquals(detected, roll.scaleKeyProperty().get(), "the scale highlight follows the new key");
        assertEquals(before.tracks(), seeded.tracks(), "the notes stay");
        assertEquals("Set tempo and key", doc.undoNameProperty().get());
        assertTrue(vm.messageProperty().get().contains(detected.toString()), vm.messageProperty().get());

        doc.undo();
        assertEquals(90, doc.current().tempoMap().initialBpm(), 1e-9);
        assertNull(doc.current().key());
        assertNull(roll.scaleKeyProperty().get());
        assertFalse(doc.canUndoProperty().get(), "one edit, one undo");
    }

    @Test
    void aGarbageFileFailsWithOneLineAndTheNextFileStillRuns() throws Exception {
        byte[] junk = new byte[20_000];
        new Random(5).nextBytes(junk);
        Path garbage = Files.write(dir.resolve("broken.wav"), junk);
        Path good = sineWav(dir.resolve("tone.wav"), 330, 2, 44_100);
        List<AnalysisItem> items = add(garbage, good);
        assertEquals(2, items.size());
        assertFinished(items.get(0));
        assertFinished(items.get(1));

        AnalysisItem bad = items.get(0);
        assertEquals(AnalysisItem.State.FAILED, bad.state());
        assertTrue(bad.detail().startsWith("broken.wav: "), bad.detail());
        assertFalse(bad.detail().contains("\n"), "one line");
        assertNull(bad.result());
        AnalysisViewModel.Failure failure = vm.failureProperty().get();
        assertNotNull(failure, "a failure is announced for a notification");
        assertTrue(failure.message().contains("broken.wav"), failure.message());

        assertEquals(AnalysisItem.State.DONE, items.get(1).state(), items.get(1).detail());
        assertEquals(items.get(1), vm.selectedProperty().get(),
                "the failed file is not selected; the good one is");
        assertEquals("tone.wav", vm.summaryFileProperty().get());
    }

    @Test
    void aMidiFileGoesToTheDocumentNotTheQueue() throws Exception {
        Path mid = dir.resolve("tune.mid");
        new MidiFileWriter().write(Song.of(480, 100, List.of(Track.of("Tune", 0, 0,
                List.of(new Note(64, 90, 0, 480), new Note(67, 90, 480, 480))))), mid);
        List<AnalysisItem> added = add(mid);
        assertTrue(added.isEmpty());
        assertTrue(vm.items().isEmpty(), "nothing is rendered or analysed");
        assertEquals(mid.toAbsolutePath(), doc.file());
        assertEquals(2, doc.current().track(0).notes().size());
        assertTrue(vm.messageProperty().get().contains("Compose"), vm.messageProperty().get());
    }

    @Test
    void aQueuedFileCanBeCancelledAndTheFolderIsRemembered() throws Exception {
        Path first = SyntheticMusic.writeWav(dir.resolve("long.wav"), 60, 22_050, 100, 1);
        Path second = sineWav(dir.resolve("short.wav"), 440, 1, 22_050);
        runner.holdJobs();
        List<AnalysisItem> items = add(first, second);
        AnalysisItem queued = items.get(1);
        assertEquals(AnalysisItem.State.QUEUED, queued.state());
        assertTrue(vm.busyProperty().get());
        vm.cancel(queued);
        assertEquals(AnalysisItem.State.CANCELLED, queued.state(), "cancelled at once, while still queued");
        runner.runHeldJobs();
        assertFinished(items.get(0));
        assertEquals(1, runner.jobsRun(), "the cancelled file was never analysed");
        assertEquals(AnalysisItem.State.DONE, items.get(0).state(), items.get(0).detail());
        assertFalse(vm.busyProperty().get());

        vm.remove(queued);
        assertEquals(List.of(items.get(0)), vm.items());
        AnalysisViewModel again = new AnalysisViewModel(doc, files::open,
                new StudioPreferences(dir.resolve("prefs.properties")), GenreModelSource.shipped(), runner);
        assertEquals(dir, again.lastFolderProperty().get());
        again.close();
    }

    @Test
    void aRunningAnalysisReportsProgressAndStopsMidwayWhenCancelled() throws Exception {
        Path wav = SyntheticMusic.writeWav(dir.resolve("three-minutes.wav"), 180, 22_050, 100, 3);
        runner.holdJobs();
        AnalysisItem item = add(wav).get(0);
        java.util.Set<Double> featureStage = java.util.concurrent.ConcurrentHashMap.newKeySet();
        double[] highest = {0};
        double[] offeredToStatusBar = {0};
        boolean[] cancelled = {false};
        // cancel from the progress listener itself, on the UI thread, as soon as the analysis is half-way
        item.progressProperty().addListener((obs, o, n) -> {
            double v = n.doubleValue();
            highest[0] = Math.max(highest[0], v);
            if (v > 0.35 && v < 0.85) featureStage.add(v);
            if (v > 0.5 && !cancelled[0]) {
                cancelled[0] = true;
                offeredToStatusBar[0] = vm.runningProgressProperty().get();
                vm.cancel(item);
            }
        });
        runner.runHeldJobs();
        assertFinished(item);
        assertTrue(cancelled[0], "progress passed half-way inside the analysis");
        assertEquals(AnalysisItem.State.CANCELLED, item.state(), item.detail());
        assertTrue(featureStage.size() >= 3, "progress moves inside the analysis, not only between stages: " + featureStage);
        assertTrue(highest[0] < 0.85, "the analysis stopped before its end, highest progress " + highest[0]);
        assertTrue(offeredToStatusBar[0] > 0.5, "the running file's progress is offered to the status bar");
        assertEquals(0.0, vm.runningProgressProperty().get());
        assertFalse(vm.busyProperty().get());
    }
}
