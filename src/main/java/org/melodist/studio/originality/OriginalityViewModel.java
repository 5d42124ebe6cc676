package org.melodist.studio.originality;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.melodist.ErrorMessages;
import org.melodist.originality.FolderIndex;
import org.melodist.originality.Melody;
import org.melodist.originality.OriginalityIndex;
import org.melodist.originality.OriginalityModels;
import org.melodist.originality.OriginalityResult;
import org.melodist.originality.TuneCorpus;
import org.melodist.song.Note;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;

/**
 * The studio's originality check: the shipped index of the training tunes plus the musician's folders
 * (indexed in the background, incrementally, and kept between runs), and checks of notes against them.
 */
public final class OriginalityViewModel {

    /** The runner lane of loading and indexing: one at a time. */
    public static final String LANE = "originality";
    static final String FOLDERS_KEY = "originality.folders";

    private final Path shippedDir;
    private final FolderIndex folderIndex;
    private final BackgroundRunner runner;
    private final ObservableList<Path> folders = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<OriginalityIndex> index = new ReadOnlyObjectWrapper<>(this, "index");
    private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper(this, "indexing");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<OriginalityResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final StatusMessage message = new StatusMessage(this);
    private OriginalityIndex shipped;
    private Melody lastQuery;
    private Job<OriginalityIndex> job;

    /**
     * @param shippedDir  the shipped index folder, or null when none was found (checks are then unavailable)
     * @param folderCache where the folder index is kept between runs
     */
    public OriginalityViewModel(Path shippedDir, Path folderCache, BackgroundRunner runner) {
        this.shippedDir = shippedDir;
        this.folderIndex = new FolderIndex(folderCache);
        this.runner = runner;
    }

    public ObservableList<Path> folders() {
        return folders;
    }

    public ReadOnlyObjectProperty<OriginalityIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    /** The latest "Check originality" result. */
    public ReadOnlyObjectProperty<OriginalityResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public void readSettings(StudioPreferences prefs) {
        List<Path> list = new ArrayList<>();
        for (String s : prefs.get(FOLDERS_KEY, "").split(File.pathSeparator)) {
            if (!s.isBlank()) {
                list.add(Path.of(s));
            }
        }
        folders.setAll(list);
    }

    public void writeSettings(StudioPreferences prefs) {
        prefs.put(FOLDERS_KEY, String.join(File.pathSeparator, folders.stream().map(Path::toString).toList()));
    }

    public void addFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        if (!folders.contains(abs)) {
            folders.add(abs);
            reindex();
        }
    }

    public void removeFolder(Path folder) {
        if (folders.remove(folder)) {
            reindex();
        }
    }

    /** Loads the shipped index (once) and brings the folder index up to date, in the background. */
    public void reindex() {
        if (shippedDir == null) {
            message.say("Originality check unavailable: the index 'models/originality' was not found");
            return;
        }
        if (job != null && !job.state().isDone()) {
            job.cancel();
        }
        List<Path> snapshot = List.copyOf(folders);
        indexing.set(true);
        progress.set(-1);
        job = runner.run(LANE, new Job<OriginalityIndex>("Index tunes for the originality check", work -> {
            if (shipped == null) {
                work.message("Loading the training tunes");
                shipped = OriginalityModels.load(shippedDir);
            }
            if (snapshot.isEmpty()) {
                return shipped;
            }
            FolderIndex.Update u = folderIndex.update(snapshot, (done, total) -> work.progress(done, total), work::isCancelled);
            TuneCorpus.Builder b = new TuneCorpus.Builder();
            TuneCorpus base = shipped.corpus();
            for (int t = 0; t < base.size(); t++) {
                b.add(base.melody(t));
            }
            for (Melody m : u.melodies()) {
                b.add(m.withName(Path.of(m.name()).getFileName().toString()));
            }
            work.message(String.format(java.util.Locale.ROOT, "Indexed %d of your tunes (%d read, %d unchanged, %d skipped)",
                    u.melodies().size(), u.read(), u.reused(), u.skipped().size()));
            return OriginalityIndex.of(b.build(), shipped.thresholds());
        }).onSucceeded(ix -> {
            index.set(ix);
            indexing.set(false);
            progress.set(1);
            message.say("Originality index ready: " + ix.corpus().size() + " tunes");
        }).onFailed(e -> {
            indexing.set(false);
            progress.set(0);
            message.say("Originality index failed: " + ErrorMessages.oneLine(e));
        }).onCancelled(() -> indexing.set(false)));
        job.progressProperty().addListener((o, a, b) -> progress.set(b.doubleValue()));
    }

    /** Checks {@code notes} against the index now; empty while the index is not ready. */
    public Optional<OriginalityResult> check(List<Note> notes, int ppq, String name) {
        OriginalityIndex ix = index.get();
        if (ix == null || notes.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(ix.check(Melody.of(name, notes, ppq)));
    }

    /** "Check originality" of the given notes (a track or a selection), told in the status bar. */
    public void checkAndReport(List<Note> notes, int ppq, String what) {
        if (notes.size() < 2) {
            message.say("Check originality: select at least two notes");
            return;
        }
        lastQuery = notes.size() < 2 ? null : Melody.of(what, notes, ppq);
        Optional<OriginalityResult> r = check(notes, ppq, what);
        if (r.isEmpty()) {
            message.say(index.get() == null ? "Check originality: the index is not ready yet" : "Check originality: nothing to check");
            return;
        }
        lastResult.set(r.get());
        message.say(String.format(java.util.Locale.ROOT, "%s: %s (originality %.0f%%)", what, r.get().badge(),
                100 * r.get().originality()));
    }

    /** The last checked passage beside its source, or null when it shared nothing. */
    public org.melodist.originality.PassageComparison lastComparison() {
        OriginalityResult r = lastResult.get();
        OriginalityIndex ix = index.get();
        if (r == null || r.longestMatch() == null || ix == null || lastQuery == null) {
            return null;
        }
        return ix.compare(lastQuery, r.longestMatch());
    }

    /**
     * "Check originality" of the piano roll's selection, or of the whole edited track when nothing is
     * selected. Returns the result (empty when nothing could be checked; the status bar says why).
     */
    public Optional<OriginalityResult> checkSelectionOrTrack(org.melodist.studio.pianoroll.PianoRollViewModel roll) {
        List<Note> selected = roll.selection();
        boolean selection = selected.size() >= 2;
        List<Note> notes = selection ? selected : roll.track().notes();
        String what = selection ? "Selection" : "Track " + (roll.editedTrack() + 1);
        lastResult.set(null);
        checkAndReport(notes, roll.song().ppq(), what);
        return Optional.ofNullable(lastResult.get());
    }

    /** Reads the shipped index folder if the app can find one. */
    public static Path shippedLocation() {
        try {
            return OriginalityModels.resolve(null);
        } catch (IOException e) {
            return null;
        }
    }
}
