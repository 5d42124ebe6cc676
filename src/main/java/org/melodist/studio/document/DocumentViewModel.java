package org.melodist.studio.document;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.ErrorMessages;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Song;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;

/**
 * File commands of the studio: New, Open, Save, Save As, recent files, the temporary .mid for drag-out,
 * and autosave to a recovery file shortly after each edit. Errors become one-line messages.
 * Panels that keep settings in the song (grid, loop, mute...) register a hook that writes them before
 * a save and one that reads them after a load.
 */
public final class DocumentViewModel implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DocumentViewModel.class.getName());
    public static final long AUTOSAVE_DELAY_MS = 1500;
    /** The runner lane of recovery writes and removals: one at a time, in order. */
    static final String LANE = "autosave";

    private final SongDocument document;
    private final StudioPreferences prefs;
    private final RecoveryStore recovery;
    private final MidiFileReader reader = new MidiFileReader();
    private final MidiFileWriter writer = new MidiFileWriter();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<Path> lastFolder = new SimpleObjectProperty<>(this, "lastFolder");
    private final StatusMessage message = new StatusMessage(this);
    private final List<UnaryOperator<Song>> settingsWriters = new ArrayList<>();
    private final List<Consumer<Song>> loadListeners = new ArrayList<>();
    private final BackgroundRunner runner;
    private BackgroundRunner.Pending pendingAutosave;

    /** @param runner writes the recovery file off the UI thread */
    public DocumentViewModel(SongDocument document, StudioPreferences prefs, RecoveryStore recovery, BackgroundRunner runner) {
        this.document = document;
        this.prefs = prefs;
        this.recovery = recovery;
        this.runner = runner;
        recentFiles.setAll(prefs.recentFiles());
        prefs.get("lastFolder").map(Path::of).filter(Files::isDirectory).ifPresent(lastFolder::set);
        document.songProperty().addListener((obs, old, song) -> scheduleAutosave());
    }

    public SongDocument document() {
        return document;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public ObjectProperty<Path> lastFolderProperty() {
        return lastFolder;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public RecoveryStore recovery() {
        return recovery;
    }

    public void addSettingsWriter(UnaryOperator<Song> writer) {
        settingsWriters.add(writer);
    }

    public void addLoadListener(Consumer<Song> listener) {
        loadListeners.add(listener);
    }

    /** An empty song in place of the current one (the caller has asked about unsaved changes). */
    public void newSong() {
        document.load(Song.empty(), null);
        loadListeners.forEach(l -> l.accept(document.current()));
        clearRecovery();
        message.say("New song");
    }

    /** Opens a MIDI file; on failure the current song stays and the message says why, in one line. */
    public boolean open(Path file) {
        try {
            Song song = reader.read(file);
            document.load(song, file.toAbsolutePath());
            loadListeners.forEach(l -> l.accept(song));
            remember(file);
            clearRecovery();
            message.say("Opened " + file.getFileName() + " (" + noteCount(song) + " notes, "
                    + song.tracks().size() + " tracks)");
            return true;
        } catch (MidiFormatException e) {
            message.say("Cannot open " + file.getFileName() + ": " + ErrorMessages.oneLine(e));
            return false;
        }
    }

    /** True when a file name looks like a MIDI file (for drops and choosers). */
    public static boolean isMidiFile(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi") || n.endsWith(".smf");
    }

    /** Saves to the current file; false when the song has no file yet (the caller then asks for one). */
    public boolean save() {
        Path file = document.file();
        if (file == null) return false;
        return saveAs(file);
    }

    public boolean saveAs(Path file) {
        Path target = withMidiExtension(file);
        Song state = document.current();
        try {
            writer.write(withSettings(state), target);
            document.markSaved(state, target.toAbsolutePath());
            remember(target);
            clearRecovery();
            message.say("Saved " + target.getFileName());
            return true;
        } catch (IOException | RuntimeException e) {
            message.say("Cannot save " + target.getFileName() + ": " + ErrorMessages.oneLine(e));
            return false;
        }
    }

    /** The current song with every panel's settings, as it would be saved. */
    public Song withSettings(Song song) {
        Song s = song;
        for (UnaryOperator<Song> w : settingsWriters) s = w.apply(s);
        return s;
    }

    /** Writes the song to a fresh temporary .mid for dragging into another application. */
    public Path exportForDrag() throws IOException {
        Path dir = Files.createTempDirectory("melodist-drag");
        Path f = document.file();
        String base = f == null ? "melodist-song" : stripExtension(String.valueOf(f.getFileName()));
        Path out = dir.resolve(base + ".mid");
        writer.write(withSettings(document.current()), out);
        out.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return out;
    }

    /** Restores work found in the recovery file; the document stays dirty until saved. */
    public boolean restoreRecovery() {
        try {
            Optional<RecoveryStore.Recovered> found = recovery.read();
            if (found.isEmpty()) return false;
            document.loadRecovered(found.get().song(), found.get().origin());
            loadListeners.forEach(l -> l.accept(found.get().song()));
            message.say("Restored unsaved work");
            return true;
        } catch (MidiFormatException | IOException e) {
            message.say("Cannot restore " + recovery.file().getFileName() + ": " + ErrorMessages.oneLine(e));
            return false;
        }
    }

    /** Writes the recovery file now if there are unsaved changes, else removes it. */
    public void autosaveNow() {
        Song state = document.current();
        if (!document.isDirty()) {
            recovery.clear();
            return;
        }
        try {
            recovery.write(withSettings(state), document.file());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Autosave to " + recovery.file() + " failed: " + ErrorMessages.oneLine(e));
        }
    }

    /**
     * Takes a snapshot now (the song is immutable) and writes it after a quiet spell on the autosave
     * thread; a newer edit cancels the older pending write, so the latest state wins.
     */
    private synchronized void scheduleAutosave() {
        if (pendingAutosave != null) pendingAutosave.cancel();
        Song snapshot = document.isDirty() ? withSettings(document.current()) : null;
        Path origin = document.file();
        pendingAutosave = runner.schedule(LANE, Duration.ofMillis(AUTOSAVE_DELAY_MS), () -> {
            try {
                if (snapshot == null) recovery.clear(); else recovery.write(snapshot, origin);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Autosave to " + recovery.file() + " failed: " + ErrorMessages.oneLine(e));
            }
        });
    }

    /** Removes the recovery file after anything already queued, so a late autosave cannot bring it back. */
    public synchronized void clearRecovery() {
        if (pendingAutosave != null) pendingAutosave.cancel();
        runner.execute(LANE, recovery::clear);
    }

    /** Waits until queued recovery writes and removals are done (clean exit, tests). */
    public void flushAutosave() {
        if (!runner.flush(LANE, Duration.ofSeconds(10))) LOG.log(Level.WARNING, "Autosave did not finish within 10 s");
    }

    /** Drops a pending autosave, e.g. before a clean exit removes the recovery file. */
    public synchronized void cancelAutosave() {
        if (pendingAutosave != null) pendingAutosave.cancel();
    }

    private void remember(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        prefs.addRecentFile(abs);
        recentFiles.setAll(prefs.recentFiles());
        if (abs.getParent() != null) {
            lastFolder.set(abs.getParent());
            prefs.put("lastFolder", abs.getParent().toString());
        }
        prefs.save();
    }

    private static Path withMidiExtension(Path file) {
        return isMidiFile(file) ? file : file.resolveSibling(file.getFileName() + ".mid");
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static int noteCount(Song song) {
        return song.tracks().stream().mapToInt(t -> t.notes().size()).sum();
    }

    /** Drops a pending autosave; the runner itself is shut down by whoever made it. */
    @Override
    public void close() {
        cancelAutosave();
    }
}
