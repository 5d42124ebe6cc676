package org.melodist.studio.transport;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.melodist.ErrorMessages;
import org.melodist.song.Song;
import org.melodist.sound.PlaybackMix;
import org.melodist.sound.PlaybackService;
import org.melodist.sound.PlaybackState;
import org.melodist.sound.SoundbankChoice;
import org.melodist.sound.SoundbankException;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.tracks.TrackListViewModel;

/**
 * The transport bar's state and commands: play/pause, return to start, loop, playback tempo, metronome,
 * position, and the soundbank in use. The playback service arrives later (the synthesizer loads in the
 * background); until then, and when there is no audio device, play is disabled with the reason.
 * Edits, loop changes and mute/solo reach the service at once, also while it plays.
 */
public final class TransportViewModel implements AutoCloseable {

    /** The runner lane that loads synthesizers, one at a time. */
    static final String LANE = "sound-loader";

    private final PianoRollViewModel roll;
    private final TrackListViewModel tracks;
    private final ReadOnlyObjectWrapper<PlaybackState> state = new ReadOnlyObjectWrapper<>(this, "state", PlaybackState.UNAVAILABLE);
    private final ReadOnlyBooleanWrapper canPlay = new ReadOnlyBooleanWrapper(this, "canPlay", false);
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper(this, "unavailableReason",
            "Loading the synthesizer…");
    private final ReadOnlyStringWrapper soundbank = new ReadOnlyStringWrapper(this, "soundbank", "loading…");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final BooleanProperty metronome = new SimpleBooleanProperty(this, "metronome", false);
    /** Playback tempo in BPM; the song's own tempo map is not changed. */
    private final DoubleProperty bpm = new SimpleDoubleProperty(this, "bpm", 120);
    private final ObjectProperty<SoundbankChoice.Selection> selection = new SimpleObjectProperty<>(this, "selection");
    private final StatusMessage message = new StatusMessage(this);
    private final SoundbankChoice choice;
    private final Function<SoundbankChoice.Selection, PlaybackService> factory;
    private final BackgroundRunner runner;
    private PlaybackService service;
    private final PlaybackService.Listener listener;
    /** True while the playhead is being moved by playback, so that the move is not taken as a seek. */
    private boolean following;
    /** True while a preview song (not the document) is loaded into the service. */
    private boolean previewing;

    /**
     * @param choice  decides and remembers the soundbank
     * @param factory opens playback with a soundbank (the sound card in the app, a recorder in tests)
     * @param runner  loads the synthesizer off the UI thread and brings playback events back to it
     */
    public TransportViewModel(PianoRollViewModel roll, TrackListViewModel tracks, SoundbankChoice choice,
                              Function<SoundbankChoice.Selection, PlaybackService> factory, BackgroundRunner runner) {
        this.roll = roll;
        this.tracks = tracks;
        this.choice = choice;
        this.factory = factory;
        this.runner = runner;
        listener = (s, message) -> runner.onUiThread(() -> stateChanged(s, message));
        bpm.set(roll.song().tempoMap().initialBpm());
        roll.document().songProperty().addListener((obs, old, song) -> {
            previewing = false;
            if (service != null) service.load(song);
            if (old == null || old.tempoMap().initialBpm() != song.tempoMap().initialBpm()) {
                bpm.set(song.tempoMap().initialBpm());
            }
            updatePosition();
        });
        roll.loopEnabledProperty().addListener((obs, o, n) -> applyLoop());
        roll.loopStartProperty().addListener((obs, o, n) -> applyLoop());
        roll.loopEndProperty().addListener((obs, o, n) -> applyLoop());
        roll.playheadProperty().addListener((obs, o, n) -> {
            updatePosition();
            if (!following && service != null && state.get() == PlaybackState.PLAYING) service.playFrom(n.longValue());
        });
        tracks.addMixListener(this::applyMix);
        metronome.addListener((obs, o, n) -> applyMix());
        bpm.addListener((obs, o, n) -> applyTempo());
        updatePosition();
    }

    /**
     * Resolves the soundbank and opens playback off the FX thread, then attaches it. Started once at
     * start-up so that the window appears before the synthesizer is ready.
     */
    public Job<?> loadInBackground() {
        return start(() -> choice.resolve(), "Synthesizer ready");
    }

    /** Switches to a soundbank file (SF2/DLS), remembering the choice; a bad file leaves playback as it was. */
    public Job<?> chooseSoundbank(Path file) {
        return start(() -> {
            try {
                return choice.choose(file);
            } catch (SoundbankException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, "Soundbank " + file.getFileName() + " loaded");
    }

    /** A loaded playback service and the soundbank it plays with. */
    private record Loaded(PlaybackService service, SoundbankChoice.Selection bank) {
    }

    private Job<?> start(Supplier<SoundbankChoice.Selection> bank, String done) {
        soundbank.set("loading…");
        Job<Loaded> job = new Job<Loaded>("Load the synthesizer", progress -> {
            progress.message("Loading the synthesizer…");
            SoundbankChoice.Selection chosen = bank.get();
            return new Loaded(factory.apply(chosen), chosen);
        }).onSucceeded(loaded -> {
            attach(loaded.service(), loaded.bank());
            message.say(canPlay.get() ? done + " · " + soundbank.get() : unavailableReason.get());
        }).onFailed(e -> {
            soundbank.set(selection.get() == null ? "none" : selection.get().description());
            message.say("Cannot load the soundbank: " + ErrorMessages.oneLine(e));
        });
        runner.run(LANE, job);
        return job;
    }

    /** One-line messages for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    /** Connects the playback service once it has loaded (on the FX thread). */
    public void attach(PlaybackService newService, SoundbankChoice.Selection bank) {
        if (service != null) {
            service.removeListener(listener);
            service.close();
        }
        service = newService;
        selection.set(bank);
        soundbank.set(bank == null ? "" : bank.description());
        service.addListener(listener);
        service.load(roll.song());
        applyLoop();
        applyMix();
        applyTempo();
        stateChanged(service.state(), service.statusMessage());
    }

    public ReadOnlyObjectProperty<PlaybackState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPlayProperty() {
        return canPlay.getReadOnlyProperty();
    }

    /** Why play is disabled ("Playback unavailable: no audio output device was found…"). */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty soundbankProperty() {
        return soundbank.getReadOnlyProperty();
    }

    /** The soundbank in use, for rendering with the same sound; null until loaded. */
    public ObjectProperty<SoundbankChoice.Selection> selectionProperty() {
        return selection;
    }

    /** "bar 3 beat 2 · 0:04.5" for the playhead. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public BooleanProperty metronomeProperty() {
        return metronome;
    }

    public DoubleProperty bpmProperty() {
        return bpm;
    }

    public BooleanProperty loopProperty() {
        return roll.loopEnabledProperty();
    }

    public boolean isPlaying() {
        return state.get() == PlaybackState.PLAYING;
    }

    /** Space: plays from the playhead, or pauses where it is. */
    public void togglePlay() {
        if (service == null || !canPlay.get()) return;
        if (isPlaying()) {
            service.pause();
            followPlayhead();
        } else {
            service.playFrom(Math.max(0, roll.playheadProperty().get()));
        }
    }

    /**
     * Plays another version of the song (a generated variation in place) from {@code fromTick}; the open
     * song is loaded back as soon as playback stops or the document changes.
     */
    public void playPreview(Song preview, long fromTick) {
        if (service == null || !canPlay.get()) {
            message.say(unavailableReason.get());
            return;
        }
        previewing = true;
        service.load(preview);
        service.playFrom(Math.max(0, fromTick));
    }

    /** Plays from {@code tick} (recording and the jam start the transport themselves). */
    public void playFrom(long tick) {
        if (service == null || !canPlay.get()) return;
        service.playFrom(Math.max(0, tick));
    }

    /** Pauses where playback is (nothing when it is not playing). */
    public void pause() {
        if (service == null || !isPlaying()) return;
        service.pause();
        followPlayhead();
    }

    /**
     * Swaps in another version of the song while playing, without moving the playhead: the jam's answers
     * and Keep going's continuation are heard this way, in tempo with the metronome. The open song comes
     * back when playback stops or the document changes.
     */
    public void playAlong(Song version) {
        if (service == null || !canPlay.get()) return;
        previewing = true;
        service.load(version);
    }

    /** Playback lasts at least until {@code tick} (recording and the jam play on past the song's end). */
    public void setMinimumLength(long tick) {
        if (service != null) service.setMinimumLength(tick);
    }

    /** Playback tempo over the song's own: what the playhead's speed is multiplied by. */
    public double tempoFactor() {
        double songBpm = roll.song().tempoMap().initialBpm();
        return Math.max(0.1, Math.min(10, bpm.get() / songBpm));
    }

    /** Stops and returns the playhead to the start (or the loop start when looping). */
    public void returnToStart() {
        if (service != null && canPlay.get()) service.pause();
        long start = roll.loopEnabledProperty().get() ? roll.loopStartProperty().get() : 0;
        roll.playheadProperty().set(start);
    }

    /** Turns looping on over the loop region, or over the whole song's bars when there is none yet. */
    public void toggleLoop() {
        if (roll.loopEndProperty().get() <= roll.loopStartProperty().get()) {
            long bar = roll.song().ticksPerBar();
            long end = Math.max(bar, ((roll.song().endTick() + bar - 1) / bar) * bar);
            roll.setLoop(0, end);
        } else {
            roll.loopEnabledProperty().set(!roll.loopEnabledProperty().get());
        }
    }

    /** Sounds a pitch with the edited track's instrument, e.g. from the piano keyboard. */
    public void audition(int pitch) {
        if (service == null || !canPlay.get()) return;
        service.audition(pitch, 100, roll.track().program());
    }

    /** Called at display rate while playing: moves the playhead to where playback is. */
    public void followPlayhead() {
        if (service == null) return;
        following = true;
        try {
            roll.playheadProperty().set(service.playheadTick());
        } finally {
            following = false;
        }
    }

    public PlaybackMix mix() {
        return new PlaybackMix(tracks.muted(), tracks.soloed(), java.util.Map.of(), metronome.get());
    }

    private void stateChanged(PlaybackState s, String message) {
        state.set(s);
        boolean available = s != PlaybackState.UNAVAILABLE;
        canPlay.set(available);
        unavailableReason.set(available ? "" : (message == null || message.isBlank() ? "Playback unavailable" : message));
        if (!isPlaying()) {
            followPlayhead();
            if (previewing && service != null) {
                previewing = false;
                service.load(roll.song());
            }
        }
    }

    private void applyLoop() {
        if (service == null) return;
        long a = roll.loopStartProperty().get();
        long b = roll.loopEndProperty().get();
        if (roll.loopEnabledProperty().get() && b > a) service.setLoop(a, b); else service.clearLoop();
    }

    private void applyMix() {
        if (service != null) service.setMix(mix());
    }

    private void applyTempo() {
        if (service == null) return;
        service.setTempoFactor(tempoFactor());
    }

    private void updatePosition() {
        Song song = roll.song();
        long tick = Math.max(0, roll.playheadProperty().get());
        long bar = song.ticksPerBar();
        long beat = song.timeSignature().ticksPerBeat(song.ppq());
        double seconds = song.seconds(tick);
        position.set(String.format(Locale.ROOT, "bar %d beat %d · %d:%04.1f", tick / bar + 1, (tick % bar) / beat + 1,
                (int) (seconds / 60), seconds % 60));
    }

    @Override
    public void close() {
        if (service != null) {
            service.removeListener(listener);
            service.close();
            service = null;
        }
    }
}
