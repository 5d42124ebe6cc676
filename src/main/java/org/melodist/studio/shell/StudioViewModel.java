package org.melodist.studio.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sound.midi.Soundbank;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;

import org.melodist.ErrorMessages;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Song;
import org.melodist.sound.PlaybackService;
import org.melodist.sound.RenderOptions;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.document.DocumentViewModel;
import org.melodist.studio.document.RecoveryStore;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.export.WavExport;
import org.melodist.studio.generate.GenerateViewModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.pianoroll.GridDivision;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.FxBackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The whole studio's state, wired in one place: the open document, the file commands, the piano roll,
 * the track list and the status bar's message and progress. Panels get what they need from here.
 */
public final class StudioViewModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StudioViewModel.class.getName());
    /** The runner lane of the status bar's jobs. */
    static final String JOB_LANE = "job";

    private final StudioPreferences prefs;
    private final SongDocument document;
    private final DocumentViewModel files;
    private final PianoRollViewModel pianoRoll;
    private final TrackListViewModel tracks;
    private final TransportViewModel transport;
    private final GenerateViewModel generate;
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    /** The current background job's progress (-1 indeterminate, 0 when idle). */
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final BackgroundRunner runner;
    private final MelodyGeneratorSource melody;

    /** Panels' own background work, shown in the status bar while no status-bar job runs. */
    private final List<Activity> activities = new ArrayList<>();

    /** The studio as the app runs it: playback through the sound card. */
    public StudioViewModel(Path userDataDir) {
        this(userDataDir, SequencerPlaybackService::forSoundCard);
    }

    /** The studio with the shipped melody model (loaded when first needed). */
    public StudioViewModel(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback) {
        this(userDataDir, playback, MelodyGeneratorSource.shipped());
    }

    /**
     * Everything the studio writes lives under {@code userDataDir}: the user's settings (the one store
     * the command line reads too, so it renders with the soundbank chosen here) and the recovery file. {@code playback} opens live playback with a soundbank; {@code melody} is the
     * melody model for the Generate panel.
     */
    public StudioViewModel(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback,
                           MelodyGeneratorSource melody) {
        this(userDataDir, playback, melody, new FxBackgroundRunner());
    }

    /** As above, with the runner of all background work; closing the studio shuts it down. */
    public StudioViewModel(Path userDataDir, Function<SoundbankChoice.Selection, PlaybackService> playback,
                           MelodyGeneratorSource melody, BackgroundRunner runner) {
        this.runner = runner;
        this.melody = melody;
        prefs = new StudioPreferences(PropertiesFileSettingsStore.forUser(userDataDir));
        document = new SongDocument(Song.empty());
        files = new DocumentViewModel(document, prefs, new RecoveryStore(userDataDir.resolve("recovery").resolve("autosave.mid")), runner);
        pianoRoll = new PianoRollViewModel(document);
        tracks = new TrackListViewModel(document, pianoRoll.trackIndexProperty());
        GridDivision savedGrid = GridDivision.fromLabel(prefs.get("grid", ""));
        if (savedGrid != null) pianoRoll.gridProperty().set(savedGrid);
        files.addSettingsWriter(pianoRoll::writeSettings);
        files.addSettingsWriter(tracks::writeSettings);
        files.addLoadListener(pianoRoll::readSettings);
        files.addLoadListener(tracks::readSettings);
        transport = new TransportViewModel(pianoRoll, tracks,
                new SoundbankChoice(prefs.store()), playback, runner);
        generate = new GenerateViewModel(pianoRoll, transport, melody, runner);
        generate.readSettings(prefs);
        // after the piano roll's listener, so that the key lock follows the scale it has just read
        files.addLoadListener(generate::songReplaced);
        relay(files.messageProperty());
        relay(transport.messageProperty());
        relay(pianoRoll.messageProperty());
        relay(generate.messageProperty());
        showActivity(generate.runningProperty(), generate.progressProperty());
    }

    /**
     * Shows a panel's own background work (a generation, an analysis) in the status bar's progress while
     * no status-bar job runs: the bar then tells what the studio is busy with, whichever tab is showing.
     */
    public void showActivity(ObservableBooleanValue running, ObservableNumberValue activityProgress) {
        activities.add(new Activity(running, activityProgress));
        running.addListener(o -> refreshActivity());
        activityProgress.addListener(o -> refreshActivity());
    }

    private record Activity(ObservableBooleanValue running, ObservableNumberValue progress) {
    }

    private void refreshActivity() {
        if (progress.isBound()) return;
        progress.set(activities.stream().filter(a -> a.running().get()).findFirst()
                .map(a -> a.progress().doubleValue()).orElse(0.0));
    }

    /** Shows a panel's messages in the status bar. */
    public void relay(ObservableValue<String> messages) {
        messages.addListener((obs, o, n) -> {
            if (n != null && !n.isBlank()) status.set(n);
        });
    }

    public StudioPreferences prefs() {
        return prefs;
    }

    public SongDocument document() {
        return document;
    }

    public DocumentViewModel files() {
        return files;
    }

    public PianoRollViewModel pianoRoll() {
        return pianoRoll;
    }

    public TrackListViewModel tracks() {
        return tracks;
    }

    public TransportViewModel transport() {
        return transport;
    }

    public GenerateViewModel generate() {
        return generate;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** The background job shown in the status bar, or null. */
    /** The runner of all the studio's background work. */
    public BackgroundRunner runner() {
        return runner;
    }

    public ReadOnlyObjectProperty<Job<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /**
     * Runs a long job off the FX thread with its progress and message in the status bar. One job at a
     * time: a second is refused with a message rather than queued behind an invisible first.
     */
    public boolean runJob(Job<?> task) {
        if (job.get() != null) {
            status.set("Busy: " + job.get().title() + " is still running");
            return false;
        }
        job.set(task);
        progress.bind(task.progressProperty());
        task.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank()) status.set(n);
        });
        task.stateProperty().addListener((obs, o, state) -> {
            if (!state.isDone()) return;
            progress.unbind();
            progress.set(0);
            refreshActivity();
            job.set(null);
            if (state == Job.State.FAILED) {
                status.set(task.title() + " failed: " + ErrorMessages.oneLine(task.exception()));
            } else if (state == Job.State.CANCELLED) {
                status.set(task.title() + " cancelled");
            }
        });
        runner.run(JOB_LANE, task);
        return true;
    }

    public void cancelJob() {
        Job<?> t = job.get();
        if (t != null) t.cancel();
    }

    /** Renders the song (with the current mutes, solos, metronome and soundbank) to a WAV file. */
    public Job<Path> exportWav(Path target) {
        SoundbankChoice.Selection sel = transport.selectionProperty().get();
        Optional<Soundbank> bank = sel == null ? Optional.empty() : sel.bank();
        Job<Path> task = new WavExport(files.withSettings(document.current()), bank,
                RenderOptions.DEFAULT.withMix(transport.mix()), target).job();
        runJob(task);
        return task;
    }

    /** Remembers the settings that outlive a song (grid, generation settings) before the window closes. */
    public void rememberSettings() {
        prefs.put("grid", pianoRoll.gridProperty().get().label());
        generate.writeSettings(prefs);
        prefs.save();
    }

    @Override
    public void close() {
        files.close();
        generate.close();
        transport.close();
        // the native melody model must not be freed under a generation step still running
        if (runner.shutdown(java.time.Duration.ofSeconds(5))) {
            melody.close();
        } else {
            LOG.log(System.Logger.Level.WARNING, "background work did not stop within 5 s; leaving the melody model loaded");
        }
    }
}
