package org.melodist.studio.chords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.ErrorMessages;
import org.melodist.Plurals;
import org.melodist.harmony.BeatGrid;
import org.melodist.harmony.Chord;
import org.melodist.harmony.ChordLanes;
import org.melodist.harmony.Harmonization;
import org.melodist.harmony.Harmonizer;
import org.melodist.harmony.SongHarmony;
import org.melodist.song.ChordLane;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;
import org.melodist.song.edit.AddTrack;
import org.melodist.song.edit.RemoveChord;
import org.melodist.song.edit.ResizeChord;
import org.melodist.song.edit.SetChord;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The chord lane's state and commands: the song's chords ({@link ChordLane}), the selected chord, typing,
 * resizing and deleting a chord, Harmonise (in the background, with the model loaded on first use), a
 * chord's alternatives from the model with audition, and Chords -> track. Every change to the song is one
 * named edit on the document's undo stack.
 */
public final class ChordLaneViewModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChordLaneViewModel.class.getName());

    /** The runner lane of model loading, harmonising and ranking alternatives: one after the other. */
    static final String LANE = "harmony";
    /** How many alternatives a chord's popup offers. */
    public static final int ALTERNATIVES = 5;

    /** One of the model's alternatives for a chord of the lane, spelled in the song's key. */
    public record Suggestion(Chord chord, String symbol, double probability) {
        /** "Em  42 %": what the popup shows. */
        public String label() {
            return String.format(Locale.ROOT, "%s  %.0f %%", symbol, 100 * probability);
        }
    }

    /** What a harmonisation was made from, so that it can serve later alternatives while the melody is unchanged. */
    private record Made(List<Track> tracks, int track, Harmonization harmonization) {
    }

    private final PianoRollViewModel roll;
    private final TransportViewModel transport;
    private final HarmonizerSource source;
    private final BackgroundRunner runner;

    private final ReadOnlyObjectWrapper<ChordLane> lane = new ReadOnlyObjectWrapper<>(this, "lane", ChordLane.EMPTY);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final StatusMessage message = new StatusMessage(this);
    private final ReadOnlyStringWrapper inlineError = new ReadOnlyStringWrapper(this, "inlineError", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper modelAvailable = new ReadOnlyBooleanWrapper(this, "modelAvailable", true);
    private final ReadOnlyStringWrapper modelProblem = new ReadOnlyStringWrapper(this, "modelProblem", "");
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);
    private final ReadOnlyIntegerWrapper suggestionsFor = new ReadOnlyIntegerWrapper(this, "suggestionsFor", -1);
    private final ReadOnlyIntegerWrapper editRequests = new ReadOnlyIntegerWrapper(this, "editRequests", 0);
    private final BooleanBinding canHarmonise;
    private final BooleanBinding hasChords;

    private Made made;
    private volatile double lastMillis = Double.NaN;

    /**
     * @param roll      the song (its document takes the edits), the edited track and its selection
     * @param transport plays an alternative with the melody
     * @param source    the harmony model, loaded off the FX thread on first use; closed by the studio
     * @param runner    runs the model off the FX thread
     */
    public ChordLaneViewModel(PianoRollViewModel roll, TransportViewModel transport, HarmonizerSource source,
                              BackgroundRunner runner) {
        this.roll = roll;
        this.transport = transport;
        this.source = source;
        this.runner = runner;
        source.problem().ifPresent(this::modelMissing);
        canHarmonise = modelAvailable.and(running.not());
        hasChords = Bindings.createBooleanBinding(() -> !lane.get().marks().isEmpty(), lane);
        lane.set(ChordLane.of(roll.song()));
        roll.document().songProperty().addListener((obs, o, n) -> songChanged(n));
    }

    // ---- state --------------------------------------------------------------------------------------

    /** The song's chords as the lane shows them. */
    public ReadOnlyObjectProperty<ChordLane> laneProperty() {
        return lane.getReadOnlyProperty();
    }

    public ChordLane lane() {
        return lane.get();
    }

    /** The selected chord's index in {@link #lane()}, -1 when none. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** One-line messages for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    /** Why the symbol typed last was refused ("'H7' is not a chord symbol…"); empty when it was fine. */
    public ReadOnlyStringProperty inlineErrorProperty() {
        return inlineError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress of the running harmonisation (-1 while the model loads), 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** False when there is no harmony model (or it failed to load); {@link #modelProblemProperty()} says why. */
    public ReadOnlyBooleanProperty modelAvailableProperty() {
        return modelAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelProblemProperty() {
        return modelProblem.getReadOnlyProperty();
    }

    /** True when a model is there and nothing runs: what enables Harmonise. */
    public BooleanBinding canHarmoniseProperty() {
        return canHarmonise;
    }

    /** True when the lane has chords: what enables Chords -> track. */
    public BooleanBinding hasChordsProperty() {
        return hasChords;
    }

    /** The model's alternatives for chord {@link #suggestionsForProperty()}, likeliest first; empty when none are shown. */
    public ObservableList<Suggestion> suggestions() {
        return suggestionsView;
    }

    /** The chord whose alternatives are shown, -1 when none. */
    public ReadOnlyIntegerProperty suggestionsForProperty() {
        return suggestionsFor.getReadOnlyProperty();
    }

    /** Milliseconds the last harmonisation took (model run and decoding, not loading); NaN before the first. */
    public double lastHarmoniseMillis() {
        return lastMillis;
    }

    /** The grid chords snap to: one beat of the song's metre. */
    public long snap(long tick) {
        long beat = roll.song().timeSignature().ticksPerBeat(roll.song().ppq());
        return Math.max(0, Math.round(tick / (double) beat) * beat);
    }

    // ---- selecting and editing ----------------------------------------------------------------------

    /** Selects chord {@code index} of the lane (-1: none). */
    public void select(int index) {
        selected.set(index >= 0 && index < lane.get().marks().size() ? index : -1);
    }

    /** Selects the next chord ({@code step} 1) or the previous one (-1), from the first or last when none is selected. */
    public void selectNext(int step) {
        int n = lane.get().marks().size();
        if (n == 0) return;
        int i = selected.get();
        select(i < 0 ? (step > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, i + step)));
    }

    /** Selects the chord sounding at {@code tick} (none where there is none); returns its index. */
    public int selectAt(long tick) {
        select(lane.get().indexAt(tick));
        return selected.get();
    }

    /**
     * The range a chord typed at {@code tick} covers: the chord there, else the bar around {@code tick} up to
     * its neighbours.
     */
    public long[] rangeAt(long tick) {
        ChordLane l = lane.get();
        int i = l.indexAt(tick);
        if (i >= 0) return new long[] {l.marks().get(i).start(), l.marks().get(i).end()};
        long bar = roll.song().ticksPerBar();
        long start = Math.floorDiv(Math.max(0, tick), bar) * bar;
        long end = start + bar;
        for (ChordLane.Mark m : l.marks()) {
            if (m.end() <= tick) start = Math.max(start, m.end());
            if (m.start() > tick) end = Math.min(end, m.start());
        }
        return new long[] {start, end};
    }

    /**
     * Types {@code symbol} over the chord at {@code tick} (or the free part of the bar there), as one edit. A
     * symbol that names no chord changes nothing and says why in {@link #inlineErrorProperty()}; false then.
     */
    public boolean typeChord(long tick, String symbol) {
        long[] r = rangeAt(tick);
        return setChord(r[0], r[1], symbol);
    }

    /** Sets {@code symbol} over ticks {@code [start, end)} as one edit; false (with the reason inline) for a bad symbol. */
    public boolean setChord(long start, long end, String symbol) {
        String typed = symbol == null ? "" : symbol.trim();
        try {
            Chord.parse(typed);
            if (typed.contains(";") || typed.contains(":")) throw new IllegalArgumentException("'" + typed + "' is not a chord symbol");
        } catch (IllegalArgumentException e) {
            inlineError.set(e.getMessage());
            return false;
        }
        inlineError.set("");
        String clean = Character.toUpperCase(typed.charAt(0)) + typed.substring(1);
        roll.document().apply(new SetChord(start, end, clean));
        selectAt(start);
        message.say("Chord " + clean + " set · Ctrl+Z takes it back");
        return true;
    }

    /** Asks the view to open the symbol editor on the selected chord (Enter in the lane); counts the requests. */
    public void requestEdit() {
        editRequests.set(editRequests.get() + 1);
    }

    /** Bumped by every {@link #requestEdit()}: the view opens its editor when it changes. */
    public ReadOnlyIntegerProperty editRequestsProperty() {
        return editRequests.getReadOnlyProperty();
    }

    /** Forgets an inline error (the editor was closed without a change). */
    public void clearInlineError() {
        inlineError.set("");
    }

    /** Moves the edges of chord {@code index} to {@code [newStart, newEnd)} as one edit (neighbours are cut back). */
    public void resize(int index, long newStart, long newEnd) {
        if (index < 0 || index >= lane.get().marks().size() || newEnd <= newStart || newStart < 0) return;
        ChordLane.Mark m = lane.get().marks().get(index);
        if (m.start() == newStart && m.end() == newEnd) return;
        roll.document().apply(new ResizeChord(m.start(), newStart, newEnd));
        selectAt(newStart);
    }

    /** Deletes the selected chord as one edit. */
    public void deleteSelected() {
        int i = selected.get();
        if (i < 0 || i >= lane.get().marks().size()) return;
        ChordLane.Mark m = lane.get().marks().get(i);
        roll.document().apply(new RemoveChord(m.start()));
        select(-1);
        message.say("Chord " + m.symbol() + " deleted · Ctrl+Z takes it back");
    }

    // ---- Harmonise ----------------------------------------------------------------------------------

    /**
     * Fills the lane with the model's chords for the edited track: under the selected notes, or over the whole
     * track when none are selected. Runs in the background; the result is one undoable edit.
     */
    public void harmonise() {
        if (running.get()) return;
        if (!modelAvailable.get()) {
            message.say(modelProblem.get());
            return;
        }
        Song song = roll.song();
        int track = roll.editedTrack();
        if (track < 0 || track >= song.tracks().size() || song.tracks().get(track).notes().isEmpty()) {
            message.say("Nothing to harmonise: the track has no notes");
            return;
        }
        long from = 0;
        long to = 0;
        List<Note> sel = roll.selection();
        if (!sel.isEmpty()) {
            long beat = song.ppq();
            from = Math.floorDiv(sel.stream().mapToLong(Note::start).min().orElse(0), beat) * beat;
            to = Math.floorDiv(sel.stream().mapToLong(Note::end).max().orElse(0) + beat - 1, beat) * beat;
        }
        long rangeFrom = from;
        long rangeTo = to;
        String what = sel.isEmpty() ? "the track" : "the selection";
        Job<Made> job = new Job<>("Harmonise", work -> {
            if (!source.isLoaded()) {
                work.message("Loading the harmony model…");
                work.progress(-1, 1);
            }
            Harmonizer h = source.get();
            work.message("Harmonising " + what + "…");
            long t0 = System.nanoTime();
            Harmonization hz = h.harmonize(SongHarmony.grid(song, track));
            lastMillis = (System.nanoTime() - t0) / 1e6;
            return new Made(song.tracks(), track, hz);
        });
        job.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank()) message.say(n);
        });
        job.onSucceeded(result -> {
            made = result;
            Harmonization hz = result.harmonization();
            var edit = ChordLanes.harmonise(hz, rangeFrom, rangeTo);
            roll.document().apply(edit);
            int bars = (int) Math.ceil((edit.to() - edit.from()) / (double) song.ticksPerBar());
            message.say(String.format(Locale.ROOT, "Harmonised %s (%s): %s in %.0f ms · click a chord for alternatives · Ctrl+Z takes it back",
                    what, Plurals.count(bars, "bar"), Plurals.count(edit.chords().size(), "chord"), lastMillis));
        });
        job.onFailed(ex -> {
            if (!source.isLoaded()) {
                LOG.log(System.Logger.Level.WARNING, "harmony model failed to load", ex);
                modelMissing("Cannot load the harmony model: " + ErrorMessages.oneLine(ex));
                message.say(modelProblem.get());
            } else {
                message.say("Harmonise failed: " + ErrorMessages.oneLine(ex));
            }
        });
        job.onCancelled(() -> message.say("Harmonise cancelled"));
        job.onDone(() -> {
            progress.unbind();
            progress.set(0);
            running.set(false);
        });
        running.set(true);
        progress.bind(job.progressProperty());
        runner.run(LANE, job);
    }

    /** Loads the model in the background (at start-up), so that the first Harmonise does not wait for it. */
    public void loadModelInBackground() {
        if (!modelAvailable.get() || source.isLoaded()) return;
        runner.run(LANE, new Job<>("Load the harmony model", work -> {
            Harmonizer h = source.get();
            // the engine's first runs are slow (it optimises the graph): one on a short tune now, not on the first Harmonise
            List<Note> scale = new ArrayList<>();
            for (int i = 0; i < 16; i++) scale.add(new Note(60 + new int[] {0, 2, 4, 5, 7, 9, 11, 12}[i % 8], 80, i * 480L, 480));
            for (int i = 0; i < 3; i++) {
                h.harmonize(BeatGrid.of(scale, 480, new TimeSignature(4, 4), Key.parse("C major")));
            }
            return h;
        }).onFailed(ex -> {
                    LOG.log(System.Logger.Level.WARNING, "harmony model failed to load", ex);
                    modelMissing("Cannot load the harmony model: " + ErrorMessages.oneLine(ex));
                }));
    }

    // ---- alternatives -------------------------------------------------------------------------------

    /**
     * Ranks the model's {@value #ALTERNATIVES} likeliest chords for chord {@code index} of the lane (from the
     * last harmonisation while the melody is unchanged, else a fresh one in the background) into
     * {@link #suggestions()}.
     */
    public void showAlternatives(int index) {
        if (index < 0 || index >= lane.get().marks().size()) return;
        select(index);
        if (!modelAvailable.get()) {
            message.say(modelProblem.get());
            return;
        }
        Song song = roll.song();
        int track = roll.editedTrack();
        ChordLane.Mark mark = lane.get().marks().get(index);
        Made known = made;
        if (known != null && known.track() == track && known.tracks().equals(song.tracks())) {
            fill(index, mark, known.harmonization(), song);
            return;
        }
        if (song.tracks().isEmpty() || song.tracks().get(track).notes().isEmpty()) {
            message.say("No alternatives: the track has no notes to harmonise");
            return;
        }
        runner.run(LANE, new Job<>("Chord alternatives", work -> {
            Harmonizer h = source.get();
            return new Made(song.tracks(), track, h.harmonize(SongHarmony.grid(song, track)));
        }).onSucceeded(result -> {
            made = result;
            // the lane may have changed while the model ran: only a chord still there gets its alternatives
            if (index < lane.get().marks().size() && lane.get().marks().get(index).equals(mark)) {
                fill(index, mark, result.harmonization(), song);
            }
        }).onFailed(ex -> {
            if (!source.isLoaded()) {
                modelMissing("Cannot load the harmony model: " + ErrorMessages.oneLine(ex));
                message.say(modelProblem.get());
            } else {
                message.say("No alternatives: " + ErrorMessages.oneLine(ex));
            }
        }));
    }

    private void fill(int index, ChordLane.Mark mark, Harmonization hz, Song song) {
        int ppq = song.ppq();
        int startBeat = (int) (mark.start() / ppq);
        int endBeat = (int) ((mark.end() + ppq - 1) / ppq);
        List<Suggestion> list = hz.alternatives(startBeat, endBeat, ALTERNATIVES).stream()
                .map(a -> new Suggestion(a.chord(), a.chord().symbol(hz.key()), a.probability())).toList();
        // the index first: whoever watches the list finds which chord it is for
        suggestionsFor.set(index);
        suggestions.setAll(list);
        message.say("Alternatives for " + mark.symbol() + ": hover (or Play) to hear one with the melody, click to pick it");
    }

    /** Closes the alternatives without a change. */
    public void hideAlternatives() {
        suggestions.clear();
        suggestionsFor.set(-1);
    }

    /** Plays the bars of the chord with alternative {@code i} under the melody; says why when nothing can play. */
    public void audition(int i) {
        int index = suggestionsFor.get();
        if (index < 0 || i < 0 || i >= suggestions.size()) return;
        if (!transport.canPlayProperty().get()) {
            message.say(transport.unavailableReasonProperty().get());
            return;
        }
        ChordLane.Mark m = lane.get().marks().get(index);
        Suggestion s = suggestions.get(i);
        transport.playPreview(ChordLanes.audition(roll.song(), m.start(), m.end(), s.chord()), m.start());
        message.say("Auditioning " + s.symbol() + " with the melody");
    }

    /** Puts alternative {@code i} in place of the chord, as one edit, and closes the alternatives. */
    public void choose(int i) {
        int index = suggestionsFor.get();
        if (index < 0 || i < 0 || i >= suggestions.size()) return;
        ChordLane.Mark m = lane.get().marks().get(index);
        Suggestion s = suggestions.get(i);
        hideAlternatives();
        setChord(m.start(), m.end(), s.chord().isNone() ? "N" : s.symbol());
    }

    // ---- Chords -> track ----------------------------------------------------------------------------

    /** Renders the lane as an accompaniment track (block chords, or a pattern by metre) as one edit. */
    public void chordsToTrack(ChordLanes.Pattern pattern) {
        AddTrack edit;
        try {
            edit = ChordLanes.toTrack(roll.song(), pattern);
        } catch (IllegalArgumentException e) {
            message.say("Chords to track: " + e.getMessage());
            return;
        }
        roll.document().apply(edit);
        message.say("Added the track '" + edit.track().name() + "' (" + Plurals.count(edit.track().notes().size(), "note")
                + (pattern == ChordLanes.Pattern.BLOCK ? ", block chords" : ", a pattern for the metre")
                + ") · Ctrl+Z takes it back");
    }

    // ---- housekeeping -------------------------------------------------------------------------------

    private void songChanged(Song song) {
        ChordLane now = ChordLane.of(song);
        if (!now.equals(lane.get())) {
            lane.set(now);
            hideAlternatives();
        }
        if (selected.get() >= now.marks().size()) selected.set(-1);
    }

    private void modelMissing(String why) {
        modelAvailable.set(false);
        modelProblem.set(why);
    }

    /** The model; the studio closes it once the runner has stopped. */
    public HarmonizerSource source() {
        return source;
    }

    /** Nothing runs on its own here; the runner stops the work and the studio closes the model after it. */
    @Override
    public void close() {
        hideAlternatives();
    }
}
