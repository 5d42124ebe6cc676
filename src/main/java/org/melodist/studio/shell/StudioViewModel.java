package org.melodist.studio.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.melodist.sound.RenderOptions;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.analysis.AnalysisViewModel;
import org.melodist.studio.chords.ChordLaneViewModel;
import org.melodist.studio.document.DocumentViewModel;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.export.WavExport;
import org.melodist.studio.generate.GenerateViewModel;
import org.melodist.studio.originality.VariationBadgesViewModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.style.StyleLearningViewModel;
import org.melodist.studio.style.StyleLearningViewModel;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transcribe.TranscribeViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The whole studio's state as the window sees it: the open document, the file commands, the piano roll,
 * the track list, the transport, the Generate panel, the analysis tab, and the status bar's message,
 * progress and job. Made (and wired) by {@link StudioComposition}; closing it closes everything.
 */
public final class StudioViewModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StudioViewModel.class.getName());
    /** The runner lane of the status bar's jobs. */
    static final String JOB_LANE = "job";

    /** What {@link StudioComposition} makes. */
    record Parts(BackgroundRunner runner, StudioPreferences prefs, SongDocument document, DocumentViewModel files,
                 PianoRollViewModel pianoRoll, TrackListViewModel tracks, TransportViewModel transport,
                 GenerateViewModel generate, AnalysisViewModel analysis, MelodyGeneratorSource melody,
                 OpenRequests openRequests, VariationBadgesViewModel badges, ChordLaneViewModel chords,
                 StyleLearningViewModel style, TranscribeViewModel transcribe) {
    }

    private final StudioPreferences prefs;
    private final SongDocument document;
    private final DocumentViewModel files;
    private final PianoRollViewModel pianoRoll;
    private final TrackListViewModel tracks;
    private final TransportViewModel transport;
    private final GenerateViewModel generate;
    private final AnalysisViewModel analysis;
    private final OpenRequests openRequests;
    private final VariationBadgesViewModel badges;
    private final ChordLaneViewModel chords;
    private final StyleLearningViewModel style;
    private final TranscribeViewModel transcribe;
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    /** The current background job's progress (-1 indeterminate, 0 when idle). */
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final BackgroundRunner runner;
    private final MelodyGeneratorSource melody;
    private org.melodist.studio.playin.PlayInViewModel playIn;

    /** Panels' own background work, shown in the status bar while no status-bar job runs. */
    private final List<Activity> activities = new ArrayList<>();

    StudioViewModel(Parts parts) {
        runner = parts.runner();
        prefs = parts.prefs();
        document = parts.document();
        files = parts.files();
        pianoRoll = parts.pianoRoll();
        tracks = parts.tracks();
        transport = parts.transport();
        generate = parts.generate();
        analysis = parts.analysis();
        melody = parts.melody();
        openRequests = parts.openRequests();
        badges = parts.badges();
        chords = parts.chords();
        style = parts.style();
        transcribe = parts.transcribe();
    }

    /** "Learn a style…": a folder of MIDI files fine-tunes the melody model in the background. */
    public StyleLearningViewModel style() {
        return style;
    }

    /** Audio to melody: a recording or singing, transcribed; the notes used as a track or a seed. */
    public TranscribeViewModel transcribe() {
        return transcribe;
    }

    /** The chord lane: the song's chords, Harmonise, alternatives, Chords -> track. */
    public ChordLaneViewModel chords() {
        return chords;
    }

    /** The originality badges of generated variations, "avoid copies", and the originality check itself. */
    public VariationBadgesViewModel badges() {
        return badges;
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

    /** Playing in from a MIDI keyboard: record, step input, jam, Keep going (null in a studio made without it). */
    public org.melodist.studio.playin.PlayInViewModel playIn() {
        return playIn;
    }

    /** Set once by the composition root, after the parts it depends on. */
    void attachPlayIn(org.melodist.studio.playin.PlayInViewModel p) {
        playIn = p;
    }

    public AnalysisViewModel analysis() {
        return analysis;
    }

    /** Where panels ask for a song file to be opened; the window handles them with its questions. */
    public OpenRequests openRequests() {
        return openRequests;
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
        generate.settings().write(prefs);
        badges.writeSettings(prefs);
        badges.originality().writeSettings(prefs);
        prefs.save();
    }

    @Override
    public void close() {
        if (playIn != null) playIn.close();
        files.close();
        analysis.close();
        generate.close();
        chords.close();
        style.close();
        transcribe.close();
        transport.close();
        // the native melody model must not be freed under a generation step still running
        if (runner.shutdown(java.time.Duration.ofSeconds(5))) {
            melody.close();
            generate.releaseModels();
            chords.source().close();
        } else {
            LOG.log(System.Logger.Level.WARNING, "background work did not stop within 5 s; leaving the melody model loaded");
        }
    }
}
