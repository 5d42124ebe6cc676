package org.melodist.studio.transcribe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.ErrorMessages;
import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.AddNotes;
import org.melodist.song.edit.AddTrack;
import org.melodist.sound.AudioInput;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.transcribe.LiveTranscriber;
import org.melodist.transcribe.MelodyTranscriber;
import org.melodist.transcribe.TranscribedNote;
import org.melodist.transcribe.Transcription;
import org.melodist.transcribe.TranscriptionSongs;

/**
 * Audio to melody in the studio: a recording (dropped on Compose, or opened) is transcribed in the background,
 * or the musician sings a seed into the audio input, seeing the level and the pitch as they sing and the notes
 * as they come. The notes heard can then be used as a new track, or put into the edited track at the playhead
 * and selected, as the seed for Generate; either is one edit that one Undo takes back. Notes are placed at the
 * song's tempo at the playhead, on its sixteenth grid.
 */
public final class TranscribeViewModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TranscribeViewModel.class.getName());
    /** The runner lane of transcriptions and recording. */
    static final String LANE = "transcribe";
    /** How often the notes are re-transcribed while singing. */
    static final double LIVE_NOTES_EVERY_SEC = 0.5;
    public static final String TRACK_NAME = "Sung melody";

    /** Where the panel is. */
    public enum Phase {
        EMPTY, TRANSCRIBING, RECORDING, DONE, FAILED;

        public boolean isBusy() {
            return this == TRANSCRIBING || this == RECORDING;
        }
    }

    private final PianoRollViewModel roll;
    private final BackgroundRunner runner;
    private final AudioInput input;
    private final MelodyTranscriber transcriber = new MelodyTranscriber();

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EMPTY);
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ObservableList<TranscribedNote> notes = FXCollections.observableArrayList();
    /** Kept: a read-only view made per call would be collected with the listeners added to it. */
    private final ObservableList<TranscribedNote> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ReadOnlyObjectWrapper<Transcription> transcription = new ReadOnlyObjectWrapper<>(this, "transcription");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Drop a recording, open one, or sing");
    private final ReadOnlyDoubleWrapper levelDb = new ReadOnlyDoubleWrapper(this, "levelDb", -120);
    private final ReadOnlyStringWrapper livePitch = new ReadOnlyStringWrapper(this, "livePitch", "");
    private final ReadOnlyDoubleWrapper liveMidi = new ReadOnlyDoubleWrapper(this, "liveMidi", Double.NaN);
    private final ReadOnlyDoubleWrapper recordedSec = new ReadOnlyDoubleWrapper(this, "recordedSec", 0);
    private final ReadOnlyBooleanWrapper inputAvailable = new ReadOnlyBooleanWrapper(this, "inputAvailable");
    private final ReadOnlyStringWrapper inputProblem = new ReadOnlyStringWrapper(this, "inputProblem", "");
    private final ReadOnlyBooleanWrapper hasNotes = new ReadOnlyBooleanWrapper(this, "hasNotes", false);
    private final StatusMessage message = new StatusMessage(this);

    private Job<?> job;
    private volatile boolean stopRequested;

    /**
     * @param roll   the song, the edited track and the playhead the notes go to
     * @param runner transcribes and records off the UI thread
     * @param input  the audio input "Sing" records from (the system's, or a stand-in)
     */
    public TranscribeViewModel(PianoRollViewModel roll, BackgroundRunner runner, AudioInput input) {
        this.roll = roll;
        this.runner = runner;
        this.input = input;
        notes.addListener((javafx.collections.ListChangeListener<TranscribedNote>) c -> hasNotes.set(!notes.isEmpty()));
        checkInput();
    }

    // ---- state --------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The recording's file name, or "your singing". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The notes heard (seconds of the recording), growing while singing. */
    public ObservableList<TranscribedNote> notes() {
        return notesView;
    }

    /** The whole result once a transcription is done; null before and while singing. */
    public ReadOnlyObjectProperty<Transcription> transcriptionProperty() {
        return transcription.getReadOnlyProperty();
    }

    /** "23 notes, F#4-D5, tuning −18 c, 12.4 s", or why there are none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The input's level while singing, dBFS (-120 silent). */
    public ReadOnlyDoubleProperty levelDbProperty() {
        return levelDb.getReadOnlyProperty();
    }

    /** The pitch being sung, "A4 −12 c", or "–". */
    public ReadOnlyStringProperty livePitchProperty() {
        return livePitch.getReadOnlyProperty();
    }

    /** The pitch being sung as a MIDI number with cents; NaN when unpitched. */
    public ReadOnlyDoubleProperty liveMidiProperty() {
        return liveMidi.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty recordedSecondsProperty() {
        return recordedSec.getReadOnlyProperty();
    }

    /** False when there is no audio input: "Sing" is disabled and {@link #inputProblemProperty()} says why. */
    public ReadOnlyBooleanProperty inputAvailableProperty() {
        return inputAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inputProblemProperty() {
        return inputProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNotesProperty() {
        return hasNotes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    /** Asks the input again whether it can record (a microphone plugged in meanwhile). */
    public void checkInput() {
        Optional<String> why = input.unavailableReason();
        inputAvailable.set(why.isEmpty());
        inputProblem.set(why.orElse(""));
    }

    // ---- a recording ------------------------------------------------------------------------------

    /** Transcribes a recording (any format the analysis tab reads) in the background. */
    public void transcribeFile(Path file) {
        if (phase.get().isBusy()) {
            message.say("Busy: " + (phase.get() == Phase.RECORDING ? "stop singing first" : "a transcription is running"));
            return;
        }
        start(file.getFileName().toString(), "Transcribing " + file.getFileName() + "…");
        OptionalDouble tempo = OptionalDouble.of(roll.song().tempoMap().bpmAt(roll.playheadProperty().get()));
        Job<Transcription> t = new Job<>("Transcribe " + file.getFileName(), work -> {
            work.progress(-1, 1);
            return transcriber.transcribe(file, tempo);
        });
        t.onSucceeded(r -> {
            if (job != t) return;
            job = null;
            done(r);
        });
        t.onFailed(ex -> {
            if (job != t) return;
            job = null;
            failed("Cannot transcribe " + file.getFileName() + ": " + ErrorMessages.oneLine(ex));
        });
        t.onCancelled(() -> {
            if (job == t) job = null;
            phase.set(Phase.EMPTY);
            summary.set("Transcription cancelled");
        });
        job = t;
        runner.run(LANE, t);
    }

    private void start(String what, String text) {
        notes.clear();
        transcription.set(null);
        source.set(what);
        summary.set(text);
        phase.set(Phase.TRANSCRIBING);
    }

    private void done(Transcription r) {
        transcription.set(r);
        notes.setAll(r.notes());
        phase.set(Phase.DONE);
        summary.set(describe(r));
        message.say(r.notes().isEmpty() ? source.get() + ": " + summary.get()
                : "Heard " + Plurals.count(r.notes().size(), "note") + " in " + source.get() + " · Use as a new track, or as the seed");
    }

    private void failed(String why) {
        phase.set(Phase.FAILED);
        summary.set(why);
        message.say(why);
    }

    static String describe(Transcription r) {
        if (r.notes().isEmpty()) return r.emptyReason().orElse("no notes");
        int lo = r.notes().stream().mapToInt(TranscribedNote::pitch).min().orElse(0);
        int hi = r.notes().stream().mapToInt(TranscribedNote::pitch).max().orElse(0);
        return String.format(Locale.ROOT, "%s, %s-%s, tuning %+.0f c, %.1f s", Plurals.count(r.notes().size(), "note"),
                org.melodist.song.PitchNames.name(lo), org.melodist.song.PitchNames.name(hi), r.tuningCents(), r.durationSec());
    }

    // ---- singing ------------------------------------------------------------------------------------

    /**
     * Records from the audio input until {@link #stop()} (or the input ends): the level and pitch follow the
     * singing, and the notes are re-transcribed twice a second. Without an input, says why and does nothing.
     */
    public void sing() {
        checkInput();
        if (!inputAvailable.get()) {
            message.say(inputProblem.get());
            return;
        }
        if (phase.get().isBusy()) return;
        start("your singing", "Listening… sing, then press Stop");
        phase.set(Phase.RECORDING);
        stopRequested = false;
        recordedSec.set(0);
        OptionalDouble tempo = OptionalDouble.of(roll.song().tempoMap().bpmAt(roll.playheadProperty().get()));
        AtomicReference<LiveTranscriber.Reading> latest = new AtomicReference<>();
        Job<Transcription> rec = new Job<>("Sing a seed", work -> {
            try (AudioInput.Capture capture = input.open()) {
                LiveTranscriber live = new LiveTranscriber(capture.sampleRate());
                float[] block = new float[Math.max(256, capture.sampleRate() / 86)];
                double nextNotes = LIVE_NOTES_EVERY_SEC;
                while (!stopRequested && !work.isCancelled() && !live.isFull()) {
                    int n = capture.read(block);
                    if (n < 0) break;
                    if (n == 0) continue;
                    LiveTranscriber.Reading reading = live.add(block, n);
                    // one hand-over at a time: the UI shows the newest reading, never a backlog
                    if (latest.getAndSet(reading) == null) runner.onUiThread(() -> show(latest.getAndSet(null)));
                    if (live.seconds() >= nextNotes) {
                        nextNotes = live.seconds() + LIVE_NOTES_EVERY_SEC;
                        List<TranscribedNote> sofar = live.transcribe(tempo).notes();
                        runner.onUiThread(() -> {
                            if (phase.get() == Phase.RECORDING) notes.setAll(sofar);
                        });
                    }
                }
                return live.transcribe(tempo);
            }
        });
        rec.onSucceeded(r -> {
            if (job != rec) return;
            job = null;
            endLive();
            done(r);
        });
        rec.onFailed(ex -> {
            if (job != rec) return;
            job = null;
            endLive();
            LOG.log(System.Logger.Level.WARNING, "recording failed", ex);
            failed("Cannot record: " + ErrorMessages.oneLine(ex));
        });
        rec.onCancelled(() -> {
            if (job == rec) job = null;
            endLive();
            phase.set(Phase.EMPTY);
            summary.set("Recording cancelled");
        });
        job = rec;
        message.say("Listening: sing your idea, then press Stop");
        runner.run(LANE, rec);
    }

    private void show(LiveTranscriber.Reading r) {
        if (r == null || phase.get() != Phase.RECORDING) return;
        levelDb.set(r.levelDb());
        livePitch.set(r.pitchText());
        liveMidi.set(r.midi());
        recordedSec.set(r.timeSec());
    }

    private void endLive() {
        levelDb.set(-120);
        livePitch.set("");
        liveMidi.set(Double.NaN);
    }

    /** Stops singing: what was sung is transcribed as a whole. */
    public void stop() {
        if (phase.get() == Phase.RECORDING) stopRequested = true;
    }

    /** Stops a transcription or recording; nothing of it is kept. */
    public void cancel() {
        Job<?> j = job;
        if (j != null) j.cancel();
    }

    // ---- using the notes ----------------------------------------------------------------------------

    /** The notes heard as song notes from the playhead, at the song's tempo there, on its sixteenth grid. */
    List<Note> songNotes() {
        Song song = roll.song();
        long at = roll.playheadProperty().get();
        double bpm = song.tempoMap().bpmAt(at);
        List<Note> out = new ArrayList<>();
        for (Note n : TranscriptionSongs.toNotes(notes, song.ppq(), bpm, true)) out.add(n.withStart(n.start() + at));
        return out;
    }

    /** Adds the notes as a new track (one edit), which becomes the edited track with the notes selected. */
    public void useAsNewTrack() {
        List<Note> ns = usable();
        if (ns == null) return;
        Song song = roll.song();
        Track track = Track.of(TRACK_NAME, freeChannel(song), 0, ns);
        roll.document().apply(new AddTrack("Add the sung melody as a track", track));
        roll.trackIndexProperty().set(roll.song().tracks().size() - 1);
        roll.selectOnly(ns);
        message.say("Added " + Plurals.count(ns.size(), "note") + " as the track '" + TRACK_NAME + "' · Ctrl+Z takes it back");
    }

    /** Puts the notes into the edited track at the playhead (one edit) and selects them: Generate continues them. */
    public void useAsSeed() {
        List<Note> ns = usable();
        if (ns == null) return;
        roll.document().apply(new AddNotes(roll.editedTrack(), ns));
        roll.selectOnly(ns);
        message.say("Inserted " + Plurals.count(ns.size(), "note") + " at the playhead, selected as the seed · Generate (Ctrl+G) continues them");
    }

    private List<Note> usable() {
        if (phase.get().isBusy() || notes.isEmpty()) {
            message.say(phase.get().isBusy() ? "Wait for the transcription to finish" : "No notes to use: " + summary.get());
            return null;
        }
        return songNotes();
    }

    /** The lowest MIDI channel no track uses, skipping the drum channel; 0 when all are taken. */
    static int freeChannel(Song song) {
        boolean[] used = new boolean[16];
        for (Track t : song.tracks()) used[t.channel() & 15] = true;
        for (int c = 0; c < 16; c++) if (c != 9 && !used[c]) return c;
        return 0;
    }

    @Override
    public void close() {
        stopRequested = true;
        cancel();
    }
}
