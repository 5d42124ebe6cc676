package org.melodist.studio.playin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.ErrorMessages;
import org.melodist.Plurals;
import org.melodist.generate.ChordGuide;
import org.melodist.generate.GenerationOptions;
import org.melodist.harmony.ChordLanes;
import org.melodist.perform.InputQuantize;
import org.melodist.perform.InputRouter;
import org.melodist.perform.JamResponder;
import org.melodist.perform.JamTiming;
import org.melodist.perform.MidiInputInfo;
import org.melodist.perform.MidiInputs;
import org.melodist.perform.PerformanceClock;
import org.melodist.perform.PerformanceTimeline;
import org.melodist.perform.RecordMode;
import org.melodist.perform.StepInput;
import org.melodist.perform.Take;
import org.melodist.perform.TakeRecorder;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.AcceptContinuation;
import org.melodist.song.edit.AddNotes;
import org.melodist.song.edit.CompoundEdit;
import org.melodist.sound.LiveMonitor;
import org.melodist.sound.MidiOutput;
import org.melodist.sound.PlaybackState;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.generate.GenerateSettings;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.transport.TransportViewModel;

/**
 * Playing into the studio from a MIDI keyboard: the input device (listed again every two seconds, so a
 * keyboard plugged in or out shows up; the choice is remembered), live monitoring with the selected
 * track's instrument, Record with count-in into the selected track at the playhead (overdub or replace,
 * quantize on input, one undo step per take), step input while stopped, Jam (call and response with the
 * melody model, every exchange kept in a history lane) and Keep going (the model continues the track
 * ahead of the playhead, bar by bar, while the transport plays).
 *
 * <p>Time is the injected {@link PerformanceClock}; the view calls {@link #frame()} at display rate, which
 * moves what depends on time (count-in, loop takes, the jam's phrase end, Keep going). All work off the
 * UI thread goes through the {@link BackgroundRunner}. Without an audio device nothing sounds, but
 * recording, step input and the jam still work: the playhead then runs on the clock.
 */
public final class PlayInViewModel implements AutoCloseable {

    /** The lane that lists and opens MIDI devices and the monitor's synthesizer. */
    static final String DEVICE_LANE = "midi-input";
    /** The lane that computes the jam's answers and Keep going's bars, one at a time. */
    static final String MODEL_LANE = "jam";
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** Time allowed to compute an answer before its beat. */
    static final long ANSWER_LEAD_MICROS = 100_000;
    static final String PREF_INPUT = "midi.input";
    /** How far past its start the transport plays on for a take or a jam, in bars. */
    static final int PLAY_ON_BARS = 256;

    /** What the keyboard does now. */
    public enum State { IDLE, COUNT_IN, RECORDING, JAMMING }

    private final PianoRollViewModel roll;
    private final TransportViewModel transport;
    private final GenerateSettings generateSettings;
    /** The model chosen in the Generate panel's picker, asked each time a jam or Keep going starts. */
    private final Supplier<MelodyGeneratorSource> melody;
    private final MidiInputs inputs;
    private final Function<SoundbankChoice.Selection, MidiOutput> monitorOutput;
    private final StudioPreferences prefs;
    private final PerformanceClock clock;
    private final BackgroundRunner runner;
    private final InputRouter router;
    private final StatusMessage message = new StatusMessage(this);

    private final ObservableList<MidiInputInfo> devices = FXCollections.observableArrayList();
    private final ObjectProperty<MidiInputInfo> input = new SimpleObjectProperty<>(this, "input");
    private final ReadOnlyBooleanWrapper hasInputs = new ReadOnlyBooleanWrapper(this, "hasInputs", false);
    private final ReadOnlyStringWrapper inputStatus = new ReadOnlyStringWrapper(this, "inputStatus", "Looking for MIDI inputs…");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper countIn = new ReadOnlyStringWrapper(this, "countIn", "");
    private final IntegerProperty countInBars = new SimpleIntegerProperty(this, "countInBars", 1);
    private final ObjectProperty<RecordMode> recordMode = new SimpleObjectProperty<>(this, "recordMode", RecordMode.OVERDUB);
    private final BooleanProperty quantize = new SimpleBooleanProperty(this, "quantize", false);
    private final DoubleProperty quantizeStrength = new SimpleDoubleProperty(this, "quantizeStrength", 1.0);
    private final BooleanProperty metronomeWhileRecording = new SimpleBooleanProperty(this, "metronomeWhileRecording", true);
    private final BooleanProperty stepInput = new SimpleBooleanProperty(this, "stepInput", false);
    private final ObjectProperty<JamTiming.PhraseEnd> phraseEnd = new SimpleObjectProperty<>(this, "phraseEnd", JamTiming.PhraseEnd.REST);
    private final IntegerProperty restBeats = new SimpleIntegerProperty(this, "restBeats", 1);
    private final IntegerProperty answerBars = new SimpleIntegerProperty(this, "answerBars", 2);
    private final ObservableList<JamExchange> history = FXCollections.observableArrayList();
    private final ObjectProperty<JamExchange> selectedExchange = new SimpleObjectProperty<>(this, "selectedExchange");
    private final BooleanProperty keepGoing = new SimpleBooleanProperty(this, "keepGoing", false);
    private final ReadOnlyObjectWrapper<List<Note>> continuation = new ReadOnlyObjectWrapper<>(this, "continuation", List.of());
    private final ReadOnlyObjectWrapper<List<Note>> liveNotes = new ReadOnlyObjectWrapper<>(this, "liveNotes", List.of());
    private final ReadOnlyObjectWrapper<List<Note>> modelNotes = new ReadOnlyObjectWrapper<>(this, "modelNotes", List.of());

    private MidiInputs.Connection connection;
    private LiveMonitor monitor;
    private BackgroundRunner.Pending refreshTimer;
    private boolean closed;

    // recording
    private TakeRecorder recorder;
    private long recordStart;
    private boolean metronomeBefore;
    private final List<BackgroundRunner.Pending> clicks = new ArrayList<>();
    // free-running playhead when nothing plays (no audio device)
    private PerformanceTimeline freeRun;
    // step input
    private StepInput steps;
    // jam
    private JamResponder responder;
    /** The model {@link #responder} plays with; a new choice in the picker makes a new responder. */
    private MelodyGeneratorSource responderSource;
    private JamTiming jam;
    private int computingFor = -1;
    private volatile int latestPhrase = -1;
    private final Map<Integer, JamResponder.Answer> answers = new HashMap<>();
    private final Map<Integer, Long> readyAt = new HashMap<>();
    private JamTiming.Phrase ended;
    private long endedAtMicros;
    private final List<Note> answersPlaying = new ArrayList<>();
    // keep going
    private long continuationFrom = -1;
    private long continuationEnd = -1;
    private boolean continuing;

    public PlayInViewModel(PianoRollViewModel roll, TransportViewModel transport, GenerateSettings generateSettings,
                           Supplier<MelodyGeneratorSource> melody, MidiInputs inputs,
                           Function<SoundbankChoice.Selection, MidiOutput> monitorOutput, StudioPreferences prefs,
                           PerformanceClock clock, BackgroundRunner runner) {
        this.roll = Objects.requireNonNull(roll, "roll");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.generateSettings = Objects.requireNonNull(generateSettings, "generateSettings");
        this.melody = Objects.requireNonNull(melody, "melody");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.monitorOutput = Objects.requireNonNull(monitorOutput, "monitorOutput");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.router = new InputRouter(clock);
        readSettings();
        input.addListener((obs, o, n) -> connect(n));
        stepInput.addListener((obs, o, n) -> route());
        transport.stateProperty().addListener((obs, o, n) -> transportChanged());
        roll.playheadProperty().addListener((obs, o, n) -> {
            if (steps != null) steps.moveTo(Math.max(0, n.longValue()));
        });
        roll.gridProperty().addListener((obs, o, n) -> {
            if (steps != null) steps.setLength(roll.gridTicks());
        });
        roll.trackIndexProperty().addListener((obs, o, n) -> trackChanged());
        transport.selectionProperty().addListener((obs, o, n) -> reopenMonitor());
        keepGoing.addListener((obs, o, n) -> keepGoingChanged(n));
        selectedExchange.addListener((obs, o, n) -> updateLiveNotes());
        roll.document().songProperty().addListener((obs, o, n) -> {
            // the track's instrument may have changed in the track list: monitoring follows it
            if (monitor != null && roll.editedTrack() < n.tracks().size()) {
                Track t = roll.track();
                monitor.setInstrument(t.channel(), t.program());
            }
        });
    }

    // ---- properties ------------------------------------------------------------------------------------

    public ObservableList<MidiInputInfo> devices() {
        return FXCollections.unmodifiableObservableList(devices);
    }

    /** The chosen input; null for none. Choosing one connects it and remembers the choice. */
    public ObjectProperty<MidiInputInfo> inputProperty() {
        return input;
    }

    public ReadOnlyBooleanProperty hasInputsProperty() {
        return hasInputs.getReadOnlyProperty();
    }

    /** "No MIDI input found", or the connected device and how it is monitored. */
    public ReadOnlyStringProperty inputStatusProperty() {
        return inputStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** The beats still to come in the count-in ("3"), empty otherwise. */
    public ReadOnlyStringProperty countInProperty() {
        return countIn.getReadOnlyProperty();
    }

    public IntegerProperty countInBarsProperty() {
        return countInBars;
    }

    public ObjectProperty<RecordMode> recordModeProperty() {
        return recordMode;
    }

    public BooleanProperty quantizeProperty() {
        return quantize;
    }

    /** 0 to 1: how far quantize on input moves a note towards the grid. */
    public DoubleProperty quantizeStrengthProperty() {
        return quantizeStrength;
    }

    public BooleanProperty metronomeWhileRecordingProperty() {
        return metronomeWhileRecording;
    }

    public BooleanProperty stepInputProperty() {
        return stepInput;
    }

    public ObjectProperty<JamTiming.PhraseEnd> phraseEndProperty() {
        return phraseEnd;
    }

    public IntegerProperty restBeatsProperty() {
        return restBeats;
    }

    public IntegerProperty answerBarsProperty() {
        return answerBars;
    }

    /** The jam's exchanges, oldest first. */
    public ObservableList<JamExchange> history() {
        return FXCollections.unmodifiableObservableList(history);
    }

    public ObjectProperty<JamExchange> selectedExchangeProperty() {
        return selectedExchange;
    }

    public BooleanProperty keepGoingProperty() {
        return keepGoing;
    }

    /** What Keep going has played so far, not yet in the track. */
    public ReadOnlyObjectProperty<List<Note>> continuationProperty() {
        return continuation.getReadOnlyProperty();
    }

    /**
     * What the musician played that is not in the track yet, to draw over the piano roll: the take being
     * recorded, the jam's phrases (while jamming, or the exchange picked in the history lane).
     */
    public ReadOnlyObjectProperty<List<Note>> liveNotesProperty() {
        return liveNotes.getReadOnlyProperty();
    }

    /** What the model played that is not in the track yet: the jam's answers, Keep going's continuation. */
    public ReadOnlyObjectProperty<List<Note>> modelNotesProperty() {
        return modelNotes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    /** The receiver the keyboard plays into (the device's messages arrive here). */
    public InputRouter input() {
        return router;
    }

    // ---- devices -----------------------------------------------------------------------------------------

    /** Lists the inputs again (off the UI thread), then keeps doing so every two seconds. */
    public void startWatchingDevices() {
        refreshDevices();
    }

    /** Lists the inputs now; a remembered one that has been plugged in is connected. */
    public void refreshDevices() {
        if (closed) return;
        runner.run(DEVICE_LANE, new Job<List<MidiInputInfo>>("List MIDI inputs", p -> inputs.list())
                .onSucceeded(this::devicesListed)
                .onFailed(e -> inputStatus.set("Cannot list MIDI inputs: " + ErrorMessages.oneLine(e)))
                .onDone(this::scheduleRefresh));
    }

    private void scheduleRefresh() {
        if (closed) return;
        if (refreshTimer != null) refreshTimer.cancel();
        refreshTimer = runner.schedule(DEVICE_LANE, REFRESH, () -> runner.onUiThread(this::refreshDevices));
    }

    private void devicesListed(List<MidiInputInfo> now) {
        if (!now.equals(devices)) devices.setAll(now);
        hasInputs.set(!now.isEmpty());
        MidiInputInfo current = input.get();
        if (current != null && !now.contains(current)) {
            message.say(current.label() + " was unplugged");
            input.set(null);
        }
        if (input.get() == null) {
            MidiInputs.find(now, prefs.get(PREF_INPUT, "")).ifPresent(input::set);
        }
        if (input.get() == null) {
            inputStatus.set(now.isEmpty() ? "No MIDI input found: plug in a keyboard" : "No MIDI input chosen");
        }
    }

    private void connect(MidiInputInfo device) {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (monitor != null) monitor.allNotesOff();
        if (device == null) {
            if (state.get() != State.IDLE) stop();
            inputStatus.set(devices.isEmpty() ? "No MIDI input found: plug in a keyboard" : "No MIDI input chosen");
            return;
        }
        prefs.put(PREF_INPUT, device.label());
        inputStatus.set("Connecting " + device.label() + "…");
        runner.run(DEVICE_LANE, new Job<MidiInputs.Connection>("Connect " + device.label(), p -> inputs.connect(device, router))
                .onSucceeded(c -> {
                    if (!Objects.equals(input.get(), device)) {
                        c.close();
                        return;
                    }
                    connection = c;
                    reopenMonitor();
                    message.say(device.label() + " connected");
                })
                .onFailed(e -> {
                    inputStatus.set("Cannot open " + device.label() + ": " + ErrorMessages.oneLine(e));
                    message.say(inputStatus.get());
                }));
    }

    private void reopenMonitor() {
        SoundbankChoice.Selection bank = transport.selectionProperty().get();
        MidiInputInfo device = input.get();
        if (device == null) return;
        if (bank == null) {
            inputStatus.set(device.label() + " · monitoring when the synthesizer has loaded");
            return;
        }
        LiveMonitor old = monitor;
        monitor = null;
        router.setMonitor(null);
        Track track = roll.track();
        runner.run(DEVICE_LANE, new Job<LiveMonitor>("Open monitoring", p -> {
            if (old != null) old.close();
            LiveMonitor m = new LiveMonitor(monitorOutput.apply(bank));
            m.open();
            m.setInstrument(track.channel(), track.program());
            return m;
        }).onSucceeded(m -> {
            if (closed) {
                m.close();
                return;
            }
            monitor = m;
            router.setMonitor(m);
            String why = m.unavailableReason();
            inputStatus.set(device.label() + (why.isEmpty() ? " · monitoring with " + m.description() : " · " + why));
        }));
    }

    private void trackChanged() {
        if (monitor != null) {
            Track t = roll.track();
            monitor.setInstrument(t.channel(), t.program());
        }
        if (steps != null) route();
    }

    // ---- routing ------------------------------------------------------------------------------------------

    /** Sends the keyboard to the recorder, the jam, step input or nowhere, by the state. */
    private void route() {
        switch (state.get()) {
            case COUNT_IN, RECORDING -> {
                steps = null;
                router.setListener(recorder);
            }
            case JAMMING -> {
                steps = null;
                router.setListener(jam);
            }
            case IDLE -> {
                if (stepInput.get() && !transport.isPlaying()) {
                    steps = new StepInput(roll.editedTrack(), Math.max(0, roll.playheadProperty().get()), roll.gridTicks(),
                            step -> runner.onUiThread(() -> stepPlayed(step)));
                    router.setListener(steps);
                } else {
                    steps = null;
                    router.setListener(null);
                }
            }
        }
    }

    private void stepPlayed(StepInput.Step step) {
        if (step.track() >= roll.song().tracks().size()) return;
        roll.document().apply(step.edit());
        roll.playheadProperty().set(step.nextCursor());
    }

    private void transportChanged() {
        State now = state.get();
        if ((now == State.RECORDING || now == State.JAMMING) && freeRun == null && transport.canPlayProperty().get()) {
            PlaybackState s = transport.stateProperty().get();
            if (s == PlaybackState.PAUSED) {
                // the musician paused the transport: the take (or the jam) ends there
                stop();
                return;
            }
            if (s == PlaybackState.STOPPED) {
                // played past the end of what the transport holds: the playhead runs on the clock from here
                freeRun = now == State.RECORDING ? recorder.timeline() : jam.timeline();
            }
        }
        if (now == State.IDLE) route();
    }

    // ---- record -------------------------------------------------------------------------------------------

    /** R: starts recording after the count-in, or stops it (the last take lands as one undo step). */
    public void toggleRecord() {
        if (state.get() == State.COUNT_IN || state.get() == State.RECORDING) {
            stop();
            return;
        }
        if (state.get() == State.JAMMING) stop();
        Song song = roll.song();
        long start = Math.max(0, roll.playheadProperty().get());
        long loopStart = -1;
        long loopEnd = -1;
        if (roll.loopEnabledProperty().get() && roll.loopEndProperty().get() > roll.loopStartProperty().get()) {
            loopStart = roll.loopStartProperty().get();
            loopEnd = roll.loopEndProperty().get();
            if (start < loopStart || start >= loopEnd) start = loopStart;
        }
        transport.pause();
        recordStart = start;
        // the transport plays on past the song's end, with the metronome, while the take runs
        transport.setMinimumLength(start + PLAY_ON_BARS * song.ticksPerBar());
        InputQuantize q = quantize.get() ? new InputQuantize(roll.gridTicks(), quantizeStrength.get()) : InputQuantize.OFF;
        TakeRecorder.Setup setup = new TakeRecorder.Setup(roll.editedTrack(), start, countInBars.get(), recordMode.get(), q);
        recorder = TakeRecorder.start(song, setup, transport.tempoFactor(), loopStart, loopEnd, clock,
                take -> runner.onUiThread(() -> landTake(take)));
        metronomeBefore = transport.metronomeProperty().get();
        if (metronomeWhileRecording.get()) transport.metronomeProperty().set(true);
        state.set(recorder.countInTicks() > 0 ? State.COUNT_IN : State.RECORDING);
        scheduleClicks();
        route();
        if (state.get() == State.RECORDING) beginTake();
        else countIn.set(Integer.toString(recorder.countInBeatsLeft(clock.nowMicros())));
        message.say(state.get() == State.COUNT_IN ? "Count-in… recording into " + roll.track().name()
                : "Recording into " + roll.track().name());
    }

    private void scheduleClicks() {
        clicks.clear();
        if (recorder.countInTicks() == 0 || monitor == null) return;
        long beat = roll.song().timeSignature().ticksPerBeat(roll.ppq());
        long bar = roll.song().ticksPerBar();
        long now = clock.nowMicros();
        for (long t = 0; t < recorder.countInTicks(); t += beat) {
            long at = recorder.timeline().microsAt(recorder.setup().startTick() - recorder.countInTicks() + t);
            boolean accent = t % bar == 0;
            LiveMonitor m = monitor;
            clicks.add(runner.schedule(DEVICE_LANE, Duration.ofNanos(Math.max(0, at - now) * 1000), () -> m.click(accent)));
        }
    }

    private void beginTake() {
        countIn.set("");
        long now = clock.nowMicros();
        if (transport.canPlayProperty().get()) {
            freeRun = null;
            transport.playFrom(recordStart);
        } else {
            freeRun = recorder.timeline();
        }
        // the transport starts now, a frame after the count-in's end at most: the take's time follows it
        recorder.reanchor(now);
        if (freeRun != null) freeRun = recorder.timeline();
        message.say("Recording into " + roll.track().name() + (freeRun != null ? " (no audio device: silent)" : ""));
    }

    private void landTake(Take take) {
        if (take.track() >= roll.song().tracks().size()) return;
        roll.document().apply(take.edit());
        message.say("Take " + take.number() + ": " + Plurals.count(take.notes().size(), "note") + " recorded"
                + " (one undo step)");
    }

    // ---- jam --------------------------------------------------------------------------------------------

    /** J: starts the jam (the model loads and warms up first) or stops it. */
    public void toggleJam() {
        if (state.get() == State.JAMMING) {
            stop();
            return;
        }
        if (state.get() != State.IDLE) stop();
        GenerationOptions options = jamOptions(0);
        int ppq = roll.ppq();
        var metre = roll.song().timeSignature();
        message.say("Jam: warming up the melody model…");
        MelodyGeneratorSource source = melody.get();
        JamResponder ready = source == responderSource ? responder : null;
        runner.run(MODEL_LANE, new Job<JamResponder>("Warm up the jam", p -> {
            if (ready != null) return ready;
            JamResponder r = new JamResponder(source.get());
            r.warmUp(ppq, metre, options);
            return r;
        }).onSucceeded(r -> {
            responder = r;
            responderSource = source;
            beginJam();
        }).onFailed(e -> message.say("Jam unavailable: " + ErrorMessages.oneLine(e))));
    }

    /** Generate's settings (temperature, key lock, Follow chords when the chord lane has chords), one variation. */
    private GenerationOptions jamOptions(int exchange) {
        GenerationOptions base = generateSettings.options(-1);
        if (generateSettings.followChordsProperty().get()) {
            ChordGuide chords = ChordLanes.guide(roll.song());
            if (!chords.isEmpty()) base = base.withChords(chords);
        }
        return base.withBars(Math.max(1, Math.min(GenerationOptions.MAX_BARS, answerBars.get()))).withVariations(1)
                .withRngSeed(base.rngSeed() + exchange);
    }

    private void beginJam() {
        if (closed || state.get() != State.IDLE) return;
        Song song = roll.song();
        long bar = song.ticksPerBar();
        long start = Math.max(0, roll.playheadProperty().get());
        start = Math.floorDiv(start, bar) * bar;
        long now = clock.nowMicros();
        PerformanceTimeline timeline = PerformanceTimeline.of(song, transport.tempoFactor(), now, start);
        long beat = song.timeSignature().ticksPerBeat(song.ppq());
        jam = new JamTiming(song.ppq(), song.timeSignature(), phraseEnd.get(), Math.max(1, restBeats.get()) * beat,
                ANSWER_LEAD_MICROS, timeline, clock);
        answers.clear();
        readyAt.clear();
        ended = null;
        computingFor = -1;
        answersPlaying.clear();
        metronomeBefore = transport.metronomeProperty().get();
        transport.metronomeProperty().set(true);
        transport.setMinimumLength(start + PLAY_ON_BARS * bar);
        state.set(State.JAMMING);
        route();
        if (transport.canPlayProperty().get()) {
            freeRun = null;
            roll.playheadProperty().set(start);
            transport.playFrom(start);
        } else {
            freeRun = timeline;
        }
        message.say("Jam: play a phrase; the model answers after a "
                + (phraseEnd.get() == JamTiming.PhraseEnd.REST ? Plurals.count(restBeats.get(), "beat") + " rest" : "bar line"));
    }

    private void jamFrame(long now) {
        Optional<JamTiming.Phrase> pending = jam.pending();
        if (pending.isPresent() && pending.get().id() != computingFor) {
            JamTiming.Phrase p = pending.get();
            computingFor = p.id();
            compute(p);
        }
        jam.poll(now).ifPresent(p -> {
            ended = p;
            endedAtMicros = jam.timeline().microsAt(p.endTick());
            if (!answers.containsKey(p.id()) && computingFor != p.id()) {
                computingFor = p.id();
                compute(p);
            }
            if (answers.containsKey(p.id())) answer(p);
        });
        updateLiveNotes();
    }

    private void compute(JamTiming.Phrase phrase) {
        latestPhrase = phrase.id();
        JamResponder r = responder;
        int ppq = roll.ppq();
        var metre = roll.song().timeSignature();
        List<Note> context = history.isEmpty() ? List.of() : history.get(history.size() - 1).notes();
        GenerationOptions options = jamOptions(history.size() + 1);
        runner.run(MODEL_LANE, new Job<Optional<JamResponder.Answer>>("Jam answer", p -> {
            // a newer phrase makes this one moot: the latest request wins
            if (phrase.id() != latestPhrase) return Optional.empty();
            return Optional.of(r.answer(phrase, context, ppq, metre, options));
        }).onSucceeded(a -> a.ifPresent(this::answerReady))
                .onFailed(e -> message.say("Jam answer failed: " + ErrorMessages.oneLine(e))));
    }

    private void answerReady(JamResponder.Answer a) {
        if (state.get() != State.JAMMING) return;
        answers.put(a.phraseId(), a);
        readyAt.put(a.phraseId(), clock.nowMicros());
        if (ended != null && ended.id() == a.phraseId()) answer(ended);
    }

    private void answer(JamTiming.Phrase phrase) {
        JamResponder.Answer a = answers.remove(phrase.id());
        if (a == null) return;
        ended = null;
        double readyAfter = Math.max(0, (readyAt.getOrDefault(phrase.id(), endedAtMicros) - endedAtMicros) / 1000.0);
        JamExchange x = new JamExchange(history.size() + 1, phrase.notes(), a.notes(), a.startTick(), a.computeMillis(),
                readyAfter);
        history.add(x);
        answersPlaying.addAll(a.notes());
        if (transport.isPlaying()) {
            Song song = roll.song();
            transport.playAlong(song.mapTrack(roll.editedTrack(), t -> t.withNotes(concat(t.notes(), answersPlaying))));
        }
        message.say(String.format(Locale.ROOT, "Answer %d: %s from bar %s · ready %.0f ms after your phrase ended (compute %.0f ms)",
                x.number(), Plurals.count(a.notes().size(), "note"), barBeat(a.startTick()), readyAfter, a.computeMillis()));
    }

    private String barBeat(long tick) {
        long bar = roll.song().ticksPerBar();
        long beat = roll.song().timeSignature().ticksPerBeat(roll.ppq());
        return (tick / bar + 1) + " beat " + ((tick % bar) / beat + 1);
    }

    /** Writes an exchange (phrase and answer) into the selected track as one undo step. */
    public void acceptExchange(JamExchange x) {
        if (x == null) return;
        roll.document().apply(new CompoundEdit("Accept jam exchange " + x.number(),
                List.of(new AddNotes(roll.editedTrack(), x.notes()))));
        message.say("Jam exchange " + x.number() + " is in " + roll.track().name());
    }

    // ---- keep going -----------------------------------------------------------------------------------

    private void keepGoingChanged(boolean on) {
        if (!on) {
            continuing = false;
            return;
        }
        Track t = roll.track();
        if (t.notes().isEmpty()) {
            message.say("Keep going continues the selected track: it has no notes yet");
            keepGoing.set(false);
            return;
        }
        long bar = roll.song().ticksPerBar();
        if (continuation.get().isEmpty()) {
            continuationFrom = Math.floorDiv(t.endTick() + bar - 1, bar) * bar;
            continuationEnd = continuationFrom;
        }
        MelodyGeneratorSource source = melody.get();
        if (responder == null || source != responderSource) {
            responder = null;
            GenerationOptions options = jamOptions(0);
            int ppq = roll.ppq();
            var metre = roll.song().timeSignature();
            runner.run(MODEL_LANE, new Job<JamResponder>("Warm up Keep going", p -> {
                JamResponder r = new JamResponder(source.get());
                r.warmUp(ppq, metre, options);
                return r;
            }).onSucceeded(r -> {
                responder = r;
                responderSource = source;
            })
                    .onFailed(e -> {
                        message.say("Keep going unavailable: " + ErrorMessages.oneLine(e));
                        keepGoing.set(false);
                    }));
        }
        message.say("Keep going: play, and the model continues " + t.name() + " bar by bar ahead of the playhead");
    }

    private void keepGoingFrame() {
        if (!keepGoing.get() || responder == null || continuing || !transport.isPlaying()) return;
        long bar = roll.song().ticksPerBar();
        long playhead = roll.playheadProperty().get();
        // stay two bars ahead of the playhead
        if (continuationEnd - playhead > 2 * bar) return;
        long from = Math.max(continuationEnd, Math.floorDiv(playhead, bar) * bar + bar);
        List<Note> context = new ArrayList<>(roll.track().notes());
        context.addAll(continuation.get());
        List<Note> recent = new ArrayList<>();
        for (Note n : context) {
            if (n.start() >= from - 4 * bar && n.start() < from) recent.add(n);
        }
        if (recent.isEmpty()) {
            // nothing in the last bars to continue from (a long gap): begin again after the track's notes
            for (Note n : context) if (n.start() < from) recent.add(n);
        }
        if (recent.isEmpty()) return;
        continuing = true;
        JamTiming.Phrase seed = new JamTiming.Phrase(0, recent, from, from);
        JamResponder r = responder;
        int ppq = roll.ppq();
        var metre = roll.song().timeSignature();
        GenerationOptions options = jamOptions((int) (from / bar)).withBars(1);
        runner.run(MODEL_LANE, new Job<JamResponder.Answer>("Keep going", p -> r.answer(seed, List.of(), ppq, metre, options))
                .onSucceeded(this::continued)
                .onDone(() -> continuing = false)
                .onFailed(e -> message.say("Keep going failed: " + ErrorMessages.oneLine(e))));
    }

    private void continued(JamResponder.Answer a) {
        if (!keepGoing.get()) return;
        continuationEnd = a.endTick();
        continuation.set(concat(continuation.get(), a.notes()));
        updateLiveNotes();
        if (transport.isPlaying()) {
            transport.playAlong(roll.song().mapTrack(roll.editedTrack(), t -> t.withNotes(concat(t.notes(), continuation.get()))));
        }
    }

    /** Writes what Keep going has played into the track, as one undo step, and starts a fresh continuation. */
    public void acceptContinuation() {
        List<Note> notes = continuation.get();
        if (notes.isEmpty()) return;
        Song song = roll.song();
        roll.document().apply(AcceptContinuation.of(song, roll.editedTrack(), roll.track().notes(), continuationFrom,
                continuationEnd, notes, "Keep the continuation (" + Plurals.count(notes.size(), "note") + ")"));
        discardContinuation();
        message.say("The continuation is in " + roll.track().name());
    }

    public void discardContinuation() {
        continuation.set(List.of());
        continuationFrom = -1;
        continuationEnd = -1;
        updateLiveNotes();
    }

    public boolean hasContinuation() {
        return !continuation.get().isEmpty();
    }

    // ---- time -------------------------------------------------------------------------------------------

    /** Called at display rate by the view: count-in, loop takes, the jam's timing and Keep going. */
    public void frame() {
        long now = clock.nowMicros();
        switch (state.get()) {
            case COUNT_IN -> {
                int left = recorder.countInBeatsLeft(now);
                if (left > 0) {
                    countIn.set(Integer.toString(left));
                } else {
                    state.set(State.RECORDING);
                    beginTake();
                }
            }
            case RECORDING -> {
                recorder.advance(now);
                liveNotes.set(recorder.notesSoFar(now));
                followFreeRun(now);
            }
            case JAMMING -> {
                followFreeRun(now);
                jamFrame(now);
            }
            case IDLE -> keepGoingFrame();
        }
    }

    private void followFreeRun(long now) {
        if (freeRun == null) return;
        double tick = freeRun.at(now).tick();
        if (tick >= 0) roll.playheadProperty().set(Math.round(tick));
    }

    private void updateLiveNotes() {
        List<Note> played = new ArrayList<>();
        List<Note> answered = new ArrayList<>();
        JamExchange picked = selectedExchange.get();
        if (picked != null) {
            played.addAll(picked.phrase());
            answered.addAll(picked.answer());
        } else if (state.get() == State.JAMMING) {
            for (JamExchange x : history) {
                played.addAll(x.phrase());
                answered.addAll(x.answer());
            }
            jam.pending().ifPresent(p -> played.addAll(p.notes()));
        }
        answered.addAll(continuation.get());
        played.sort(null);
        answered.sort(null);
        if (!played.equals(liveNotes.get())) liveNotes.set(List.copyOf(played));
        if (!answered.equals(modelNotes.get())) modelNotes.set(List.copyOf(answered));
    }

    /** Stops recording or the jam: the last take lands, the transport pauses. */
    public void stop() {
        State was = state.get();
        if (was == State.IDLE) return;
        long now = clock.nowMicros();
        for (BackgroundRunner.Pending c : clicks) c.cancel();
        clicks.clear();
        if (was == State.COUNT_IN || was == State.RECORDING) {
            recorder.stop(now);
            message.say(recorder.takeCount() == 0 ? "Nothing was recorded" : "Recording stopped");
        }
        if (was == State.JAMMING) {
            message.say("Jam stopped · " + Plurals.count(history.size(), "exchange") + " in the history lane");
        }
        freeRun = null;
        state.set(State.IDLE);
        countIn.set("");
        transport.pause();
        transport.setMinimumLength(0);
        transport.metronomeProperty().set(metronomeBefore);
        route();
        updateLiveNotes();
    }

    private static List<Note> concat(List<Note> a, List<Note> b) {
        List<Note> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- settings -------------------------------------------------------------------------------------

    private void readSettings() {
        countInBars.set((int) Math.max(0, Math.min(2, prefs.getDouble("record.countInBars", 1))));
        recordMode.set("replace".equals(prefs.get("record.mode", "overdub")) ? RecordMode.REPLACE : RecordMode.OVERDUB);
        quantize.set(prefs.getBoolean("record.quantize", false));
        quantizeStrength.set(Math.max(0, Math.min(1, prefs.getDouble("record.quantizeStrength", 1.0))));
        phraseEnd.set("bar".equals(prefs.get("jam.phraseEnd", "rest")) ? JamTiming.PhraseEnd.BAR_LINE : JamTiming.PhraseEnd.REST);
        restBeats.set((int) Math.max(1, Math.min(4, prefs.getDouble("jam.restBeats", 1))));
        answerBars.set((int) Math.max(1, Math.min(8, prefs.getDouble("jam.answerBars", 2))));
        countInBars.addListener((o, a, b) -> prefs.putDouble("record.countInBars", b.intValue()));
        recordMode.addListener((o, a, b) -> prefs.put("record.mode", b == RecordMode.REPLACE ? "replace" : "overdub"));
        quantize.addListener((o, a, b) -> prefs.putBoolean("record.quantize", b));
        quantizeStrength.addListener((o, a, b) -> prefs.putDouble("record.quantizeStrength", b.doubleValue()));
        phraseEnd.addListener((o, a, b) -> prefs.put("jam.phraseEnd", b == JamTiming.PhraseEnd.BAR_LINE ? "bar" : "rest"));
        restBeats.addListener((o, a, b) -> prefs.putDouble("jam.restBeats", b.intValue()));
        answerBars.addListener((o, a, b) -> prefs.putDouble("jam.answerBars", b.intValue()));
    }

    @Override
    public void close() {
        closed = true;
        if (refreshTimer != null) refreshTimer.cancel();
        if (state.get() != State.IDLE) stop();
        router.close();
        if (connection != null) connection.close();
        connection = null;
        if (monitor != null) monitor.close();
        monitor = null;
    }
}
