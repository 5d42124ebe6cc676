package org.melodist.studio.analysis;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.ErrorMessages;
import org.melodist.Plurals;
import org.melodist.analysis.AudioAnalysis;
import org.melodist.analysis.AudioAnalyzer;
import org.melodist.analysis.AudioDecodeException;
import org.melodist.analysis.AudioDecoder;
import org.melodist.analysis.DecodedAudio;
import org.melodist.analysis.GenreWindows;
import org.melodist.analysis.KeyEstimator;
import org.melodist.analysis.genre.GenreClassifier;
import org.melodist.analysis.genre.GenrePrediction;
import org.melodist.song.Key;
import org.melodist.song.edit.SetTempoAndKey;
import org.melodist.studio.document.DocumentViewModel;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.tasks.Progress;

/**
 * The analysis tab's state and commands: a queue of audio files analysed one after the other in the
 * background (decode, features, tempo, beats, key, genre), the summary of the selected result, export of its
 * features as CSV or JSON, and "Use as seed", which gives the open song the recording's tempo and key. A MIDI
 * file given to the queue is handed to the MIDI importer instead. A file that cannot be analysed ends as a
 * failed item with a one-line reason, and the queue goes on.
 *
 * <p>Methods are called on the FX thread; the work runs on one lane of the runner, so one analysis at a time,
 * and exports on another.
 */
public final class AnalysisViewModel implements AutoCloseable {

    private static final Logger LOG = System.getLogger(AnalysisViewModel.class.getName());
    /** Columns of the waveform envelope: a few per pixel of a wide chart, whatever the file's length. */
    public static final int ENVELOPE_BUCKETS = AnalysisCharts.MAX_POINTS;
    static final String FOLDER_PREF = "analysis.folder";
    /** The runner lanes: analyses one after the other, and exports beside them. */
    static final String LANE = "analysis";
    static final String EXPORT_LANE = "analysis-export";

    /** A problem the user must see (a notification), not only read in the status bar. */
    public record Failure(String message) {
    }

    private final SongDocument document;
    private final Consumer<Path> midiOpener;
    private final StudioPreferences prefs;
    private final ObservableList<AnalysisItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<AnalysisItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<AnalysisResult> selectedResult = new ReadOnlyObjectWrapper<>(this, "selectedResult");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper runningProgress = new ReadOnlyDoubleWrapper(this, "runningProgress");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ObjectProperty<Path> lastFolder = new SimpleObjectProperty<>(this, "lastFolder");
    private final ReadOnlyStringWrapper summaryFile = new ReadOnlyStringWrapper(this, "summaryFile", "");
    private final ReadOnlyStringWrapper summaryDuration = new ReadOnlyStringWrapper(this, "summaryDuration", "");
    private final ReadOnlyStringWrapper summarySource = new ReadOnlyStringWrapper(this, "summarySource", "");
    private final ReadOnlyStringWrapper summaryTempo = new ReadOnlyStringWrapper(this, "summaryTempo", "");
    private final ReadOnlyStringWrapper summaryKey = new ReadOnlyStringWrapper(this, "summaryKey", "");
    private final ReadOnlyStringWrapper summaryGenre = new ReadOnlyStringWrapper(this, "summaryGenre", "");
    private final BooleanBinding hasResult = selectedResult.isNotNull();
    private final BackgroundRunner runner;
    // used on the analysis lane only: AudioAnalyzer keeps per-run timings, and the model loads once, lazily
    private final AudioAnalyzer analyzer = new AudioAnalyzer();
    private final GenreModelSource genre;

    /**
     * @param document   the open song, which "Use as seed" edits
     * @param midiOpener opens a MIDI file in the composer (asking about unsaved changes if it must)
     * @param prefs      where the last folder of the Open dialog is remembered
     * @param genre      the genre classifier, loaded by the first analysis
     * @param runner     runs the analyses and exports off the FX thread
     */
    public AnalysisViewModel(SongDocument document, Consumer<Path> midiOpener, StudioPreferences prefs,
                             GenreModelSource genre, BackgroundRunner runner) {
        this.document = document;
        this.midiOpener = midiOpener;
        this.prefs = prefs;
        this.genre = genre;
        this.runner = runner;
        prefs.get(FOLDER_PREF).map(Path::of).filter(Files::isDirectory).ifPresent(lastFolder::set);
        selected.addListener((obs, o, item) -> showSelected());
    }

    // ---- properties ---------------------------------------------------------------------------------

    /** The queue, oldest first: queued, running and finished files. */
    public ObservableList<AnalysisItem> items() {
        return items;
    }

    /** The item whose result the summary and charts show. */
    public ObjectProperty<AnalysisItem> selectedProperty() {
        return selected;
    }

    /** The selected item's result, or null while it has none. */
    public ReadOnlyObjectProperty<AnalysisResult> selectedResultProperty() {
        return selectedResult.getReadOnlyProperty();
    }

    /** True while files are queued or running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Progress (0..1) of the file being analysed now, for the status bar; 0 when none runs. */
    public ReadOnlyDoubleProperty runningProgressProperty() {
        return runningProgress.getReadOnlyProperty();
    }

    /** The latest one-line message for the status bar. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The latest failure; a new value for each failure, so listeners can show each one. */
    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The folder the Open dialog starts in (the folder of the last file added). */
    public ObjectProperty<Path> lastFolderProperty() {
        return lastFolder;
    }

    public ReadOnlyStringProperty summaryFileProperty() {
        return summaryFile.getReadOnlyProperty();
    }

    /** "3:25.4" */
    public ReadOnlyStringProperty summaryDurationProperty() {
        return summaryDuration.getReadOnlyProperty();
    }

    /** "44,100 Hz · 2 channels · PCM_SIGNED" */
    public ReadOnlyStringProperty summarySourceProperty() {
        return summarySource.getReadOnlyProperty();
    }

    /** "120.2 BPM · 21 beats" */
    public ReadOnlyStringProperty summaryTempoProperty() {
        return summaryTempo.getReadOnlyProperty();
    }

    /** "C major · confidence 64 %" */
    public ReadOnlyStringProperty summaryKeyProperty() {
        return summaryKey.getReadOnlyProperty();
    }

    /** "disco 41 %", or why there is no genre */
    public ReadOnlyStringProperty summaryGenreProperty() {
        return summaryGenre.getReadOnlyProperty();
    }

    /** True when there is a selected result to export or take as a seed. */
    public BooleanBinding hasResultBinding() {
        return hasResult;
    }

    // ---- commands -----------------------------------------------------------------------------------

    /**
     * Queues audio files for analysis; a MIDI file goes to the composer instead (the first one, since only
     * one song is open at a time). Returns the items queued.
     */
    public List<AnalysisItem> add(Collection<Path> files) {
        List<AnalysisItem> added = new ArrayList<>();
        Path midi = null;
        int midiCount = 0;
        for (Path file : files) {
            if (DocumentViewModel.isMidiFile(file) || AudioDecoder.isMidi(file)) {
                if (midi == null) midi = file;
                midiCount++;
                continue;
            }
            AnalysisItem item = new AnalysisItem(file);
            items.add(item);
            added.add(item);
        }
        Path folder = !added.isEmpty() ? added.get(added.size() - 1).file() : midi;
        if (folder != null) rememberFolder(folder.toAbsolutePath().getParent());
        if (midi != null) {
            message.set(midiCount > 1 ? "MIDI files open in Compose; opening " + midi.getFileName() + " (one song at a time)"
                    : midi.getFileName() + " is MIDI: opening it in Compose");
            midiOpener.accept(midi);
        } else if (!added.isEmpty()) {
            message.set(added.size() == 1 ? "Queued " + added.get(0).fileName() + " for analysis"
                    : "Queued " + added.size() + " files for analysis");
        }
        // started once "Queued" is said, so that a result (or its failure) is the last word even from a runner
        // that finishes at once
        added.forEach(this::start);
        updateBusy();
        return added;
    }

    /** Stops a queued or running analysis; a finished item is left as it is. */
    public void cancel(AnalysisItem item) {
        if (item.task() != null && !item.state().isFinished()) item.task().cancel();
    }

    /** Takes an item off the list, cancelling it first if it has not finished. */
    public void remove(AnalysisItem item) {
        cancel(item);
        items.remove(item);
        if (selected.get() == item) selected.set(null);
    }

    /** Writes the selected result's frame-wise series as CSV, in the background; null when nothing is selected. */
    public Job<Path> exportCsv(Path target) {
        return export(target, "CSV", AnalysisExport::writeCsv);
    }

    /** Writes the selected result as the JSON of {@code analyze --json --frames}, in the background. */
    public Job<Path> exportJson(Path target) {
        return export(target, "JSON", AnalysisExport::writeJson);
    }

    /**
     * Gives the open song the selected recording's tempo and key signature, as one undoable edit. The tempo
     * is rounded to a tenth of a BPM; a recording without a tempo (no onsets) or without a tonal centre keeps
     * the song's. Returns false when there is nothing to take.
     */
    public boolean useAsSeed() {
        AnalysisResult r = selectedResult.get();
        if (r == null) {
            message.set("Analyse a file first: its tempo and key become the song's");
            return false;
        }
        double bpm = seedTempo(r.analysis().tempoBpm());
        KeyEstimator.KeyEstimate k = r.analysis().key();
        Key key = k.correlation() > 0 ? k.key() : null;
        if (bpm <= 0 && key == null) {
            message.set(r.fileName() + " has neither a tempo nor a key to take");
            return false;
        }
        document.apply(new SetTempoAndKey(bpm, key));
        message.set("Song set to " + (bpm > 0 ? fmt("%.1f BPM", bpm) : "its old tempo")
                + (key != null ? " in " + key : "") + ", from " + r.fileName());
        return true;
    }

    static double seedTempo(double detected) {
        double bpm = Math.round(detected * 10) / 10.0;
        return bpm >= 1 && bpm <= 1000 ? bpm : 0;
    }

    /** Cancels the files not analysed yet; the runner itself is shut down by whoever made it. */
    @Override
    public void close() {
        List.copyOf(items).forEach(this::cancel);
    }

    // ---- the work -----------------------------------------------------------------------------------

    private void start(AnalysisItem item) {
        Job<AnalysisResult> task = new Job<>("Analyse " + item.fileName(), work -> analyse(work, item.file()));
        item.attach(task);
        task.onRunning(() -> {
            item.running();
            runningProgress.bind(task.progressProperty());
        });
        task.stateProperty().addListener((obs, o, n) -> {
            if (n.isDone()) {
                runningProgress.unbind();
                runningProgress.set(0);
            }
        });
        task.onSucceeded(r -> finished(item, r));
        task.onFailed(e -> failed(item, e));
        task.onCancelled(() -> {
            item.cancelled();
            message.set("Analysis of " + item.fileName() + " cancelled");
            updateBusy();
        });
        runner.run(LANE, task);
    }

    /** Decode, features, tempo and key, genre: on the analysis lane. Null when cancelled between stages. */
    private AnalysisResult analyse(Progress work, Path file) throws Exception {
        long t0 = System.nanoTime();
        String name = String.valueOf(file.getFileName());
        work.message("Decoding " + name + "; features, tempo and key");
        work.progress(0.02, 1);
        // decoding and features side by side; the analyser asks back every few seconds of audio, so Cancel stops
        // both within a fraction of a second
        AudioAnalyzer.FileAnalysis analysed = analyzer.analyzeFile(file, fraction -> {
            if (work.isCancelled()) throw new CancellationException("analysis of " + name + " cancelled");
            work.progress(0.02 + 0.83 * fraction, 1);
        });
        if (work.isCancelled()) return null;
        DecodedAudio audio = analysed.audio();
        AudioAnalysis a = analysed.analysis();
        float[][] envelope = AnalysisCharts.envelope(audio.samples(), ENVELOPE_BUCKETS);
        work.message("Genre");
        work.progress(0.85, 1);
        GenreWindows.Result byGenre = null;
        GenreClassifier c = genre.get().orElse(null);
        if (c != null) byGenre = GenreWindows.classify(a, c);
        work.progress(1, 1);
        return new AnalysisResult(file, a, envelope, byGenre, c == null ? genre.problem() : null,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void finished(AnalysisItem item, AnalysisResult r) {
        if (r == null) { // cancelled between stages
            item.cancelled();
            updateBusy();
            return;
        }
        AudioAnalysis a = r.analysis();
        item.done(r, fmt("%s · %.0f BPM · %s", duration(a.durationSec()), a.tempoBpm(), a.key().key())
                + (a.damage() == null ? "" : " · damaged"));
        // a damaged or cut file is analysed as far as it decodes: say how far, as the command line does
        message.set(a.damage() == null ? fmt("Analysed %s in %.1f s", item.fileName(), r.elapsedMillis() / 1000.0)
                : item.fileName() + ": " + a.damage());
        AnalysisItem current = selected.get();
        if (current == null || current.result() == null) selected.set(item);
        else if (current == item) showSelected();
        updateBusy();
    }

    private void failed(AnalysisItem item, Throwable e) {
        String reason;
        if (e instanceof AudioDecodeException) {
            reason = ErrorMessages.oneLine(e);
        } else {
            // not a file problem we foresaw: keep the details in the log, give the user one line
            LOG.log(Level.ERROR, "Analysis of " + item.file() + " failed", e);
            reason = item.fileName() + ": " + ErrorMessages.oneLine(e);
        }
        item.failed(reason);
        message.set("Cannot analyse " + reason);
        failure.set(new Failure("Cannot analyse " + reason));
        updateBusy();
    }

    private interface Writer {
        Path write(AnalysisResult r, Path target) throws Exception;
    }

    private Job<Path> export(Path target, String what, Writer how) {
        AnalysisResult r = selectedResult.get();
        if (r == null) {
            message.set("Nothing to export: no analysed file is selected");
            return null;
        }
        Job<Path> task = new Job<Path>("Export " + what, work -> how.write(r, target))
                .onSucceeded(written -> {
                    rememberFolder(written.getParent());
                    message.set("Exported " + what + " of " + r.fileName() + " to " + written.getFileName());
                })
                .onFailed(ex -> {
                    String text = "Export to " + target.getFileName() + " failed: " + ErrorMessages.oneLine(ex);
                    message.set(text);
                    failure.set(new Failure(text));
                });
        return runner.run(EXPORT_LANE, task);
    }

    private void rememberFolder(Path folder) {
        if (folder == null || folder.equals(lastFolder.get())) return;
        lastFolder.set(folder);
        prefs.put(FOLDER_PREF, folder.toString());
        prefs.save();
    }

    private void updateBusy() {
        busy.set(items.stream().anyMatch(i -> !i.state().isFinished()));
    }

    private void showSelected() {
        AnalysisItem item = selected.get();
        AnalysisResult r = item == null ? null : item.result();
        selectedResult.set(r);
        if (r == null) {
            summaryFile.set(item == null ? "" : item.fileName());
            summaryDuration.set("");
            summarySource.set("");
            summaryTempo.set("");
            summaryKey.set("");
            summaryGenre.set("");
            return;
        }
        AudioAnalysis a = r.analysis();
        summaryFile.set(r.fileName());
        summaryDuration.set(duration(a.durationSec()) + (a.damage() == null ? "" : " · damaged file"));
        summarySource.set(fmt("%,.0f Hz · %s · %s", a.sourceSampleRate(),
                Plurals.count(a.sourceChannels(), "channel"), a.sourceFormat()));
        summaryTempo.set(a.tempoBpm() > 0 ? fmt("%.1f BPM · %d beats", a.tempoBpm(), a.beatTimes().length) : "no beat found");
        KeyEstimator.KeyEstimate k = a.key();
        summaryKey.set(k.correlation() > 0 ? fmt("%s · confidence %.0f %%", k.key(), 100 * k.confidence()) : "no tonal centre");
        if (r.genre() != null) {
            GenrePrediction p = r.genre().prediction().combined();
            summaryGenre.set(fmt("%s %.0f %%", p.label(), 100 * p.probability(p.label())));
        } else {
            summaryGenre.set("not available (" + r.genreProblem() + ")");
        }
    }

    /** "3:25.4" */
    static String duration(double seconds) {
        int minutes = (int) (seconds / 60);
        return fmt("%d:%04.1f", minutes, seconds - 60 * minutes);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
