package org.melodist.studio.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
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
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.ErrorMessages;
import org.melodist.Plurals;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyLines;
import org.melodist.generate.MelodySeed;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.AddNotes;
import org.melodist.song.edit.CompoundEdit;
import org.melodist.song.edit.RemoveNotes;
import org.melodist.song.edit.ReplaceRange;
import org.melodist.song.edit.SongEdit;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The Generate panel's state and commands. The seed is the selection of the edited track, else the bars
 * before the playhead (before the track's end while the playhead is at the start); the model continues
 * it in a background task with progress and cancel. The variations wait as ghost notes after the seed
 * until the musician accepts one into the track, as one undoable edit, or discards them.
 */
public final class GenerateViewModel implements AutoCloseable {

    /** The runner lane of model loading and generation: one after the other, never two at once. */
    static final String LANE = "generate";

    private static final System.Logger LOG = System.getLogger(GenerateViewModel.class.getName());

    public static final int DEFAULT_BARS = 4;
    public static final int DEFAULT_VARIATIONS = 4;
    public static final long DEFAULT_RNG_SEED = 7;
    /** Bars before the playhead taken as the seed when nothing is selected. */
    public static final int DEFAULT_SEED_BARS = 2;
    /** The temperatures the panel offers: beyond these the model is either stuck or random. */
    public static final double MIN_TEMPERATURE = 0.1;
    public static final double MAX_TEMPERATURE = 2.0;

    /** What a generation started from, kept with its result until it is accepted or discarded. */
    private record Pending(int track, long seedStart, List<Note> seed, GenerationResult result) {
    }

    /** The notes to continue and where the continuation starts (negative: after the last of them). */
    record SeedChoice(List<Note> notes, long continueFromTick, String description) {
    }

    private final PianoRollViewModel roll;
    private final TransportViewModel transport;
    private final MelodyGeneratorSource source;
    private final BackgroundRunner runner;

    private final IntegerProperty bars = new SimpleIntegerProperty(this, "bars", DEFAULT_BARS);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1.0);
    private final IntegerProperty variationCount = new SimpleIntegerProperty(this, "variationCount", DEFAULT_VARIATIONS);
    private final ObjectProperty<Key> keyLock = new SimpleObjectProperty<>(this, "keyLock");
    private final LongProperty rngSeed = new SimpleLongProperty(this, "rngSeed", DEFAULT_RNG_SEED);
    private final IntegerProperty seedBars = new SimpleIntegerProperty(this, "seedBars", DEFAULT_SEED_BARS);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final StatusMessage message = new StatusMessage(this);
    private final ReadOnlyBooleanWrapper modelAvailable = new ReadOnlyBooleanWrapper(this, "modelAvailable", false);
    private final ReadOnlyStringWrapper modelState = new ReadOnlyStringWrapper(this, "modelState", "");
    private final ObservableList<List<Note>> variations = FXCollections.observableArrayList();
    private final ObservableList<List<Note>> variationsView = FXCollections.unmodifiableObservableList(variations);
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(this, "currentIndex", -1);
    private final ReadOnlyObjectWrapper<List<Note>> currentNotes = new ReadOnlyObjectWrapper<>(this, "currentNotes", List.of());
    private final BooleanBinding canGenerate;
    private final BooleanBinding hasVariations;

    private Pending pending;
    private Job<GenerationResult> task;
    /** Bumped whenever the variations become stale, so that a late result of an older request is dropped. */
    private long epoch;
    /** True while the transport plays a variation started here, so that cycling re-auditions. */
    private boolean auditioning;
    /**
     * Where the playhead was before auditioning; it returns there when the audition stops, so that
     * listening does not move the point the next Generate continues from.
     */
    private long playheadBeforeAudition;

    /**
     * @param roll      the edited track, its selection and the playhead; edits go through its document
     * @param transport plays a variation in place for auditioning
     * @param source    the melody generator, loaded off the FX thread on first use; its owner closes it
     * @param runner    loads the model and generates off the FX thread
     */
    public GenerateViewModel(PianoRollViewModel roll, TransportViewModel transport, MelodyGeneratorSource source,
                             BackgroundRunner runner) {
        this.roll = roll;
        this.transport = transport;
        this.source = source;
        this.runner = runner;
        canGenerate = modelAvailable.and(running.not());
        hasVariations = Bindings.isNotEmpty(variations);
        keyLock.set(roll.scaleKeyProperty().get() != null ? roll.scaleKeyProperty().get() : roll.song().key());
        source.problem().ifPresentOrElse(p -> {
            modelAvailable.set(false);
            modelState.set(p);
        }, () -> {
            modelAvailable.set(true);
            modelState.set(source.isLoaded() ? "Melody model ready" : "Melody model: loads on first use");
        });
        roll.trackIndexProperty().addListener((obs, o, n) -> dropVariations());
        currentIndex.addListener((obs, o, n) -> showCurrent());
        transport.stateProperty().addListener((obs, o, n) -> {
            if (auditioning && !transport.isPlaying()) {
                auditioning = false;
                // after the transport has moved the playhead to where playback stopped
                long back = playheadBeforeAudition;
                runner.onUiThread(() -> roll.playheadProperty().set(back));
            }
        });
    }

    // ---- settings -----------------------------------------------------------------------------------

    /** Length of the continuation in bars (1-64). */
    public IntegerProperty barsProperty() {
        return bars;
    }

    /** Sampling temperature: below 1 safer, above 1 more adventurous. */
    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    /** How many variations one Generate makes (1-32). */
    public IntegerProperty variationCountProperty() {
        return variationCount;
    }

    /** The key whose scale generated notes keep to; null lets the model pick any pitch. */
    public ObjectProperty<Key> keyLockProperty() {
        return keyLock;
    }

    /** The random seed: the same seed, settings and notes give the same variations. */
    public LongProperty rngSeedProperty() {
        return rngSeed;
    }

    /** Bars before the playhead taken as the seed when nothing is selected. */
    public IntegerProperty seedBarsProperty() {
        return seedBars;
    }

    /** Takes the remembered settings (length, temperature, variations), clamped to what the panel offers. */
    public void readSettings(StudioPreferences prefs) {
        bars.set((int) Math.max(1, Math.min(GenerationOptions.MAX_BARS, prefs.getDouble("generate.bars", DEFAULT_BARS))));
        temperature.set(Math.max(MIN_TEMPERATURE, Math.min(MAX_TEMPERATURE, prefs.getDouble("generate.temperature", 1.0))));
        variationCount.set((int) Math.max(1, Math.min(GenerationOptions.MAX_VARIATIONS,
                prefs.getDouble("generate.variations", DEFAULT_VARIATIONS))));
    }

    /** Remembers the settings that outlive a song. */
    public void writeSettings(StudioPreferences prefs) {
        prefs.putDouble("generate.bars", bars.get());
        prefs.putDouble("generate.temperature", temperature.get());
        prefs.putDouble("generate.variations", variationCount.get());
    }

    /** A new random seed, for a fresh set of variations from the same notes. */
    public void newRngSeed() {
        long old = rngSeed.get();
        java.util.Random random = new java.util.Random();
        long next;
        do {
            next = random.nextInt(1_000_000);
        } while (next == old);
        rngSeed.set(next);
    }

    // ---- state --------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress of the running generation, 0-1 (-1 while the model loads). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One-line messages for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    /** False when there is no model (or it failed to load); {@link #modelStateProperty()} says why. */
    public ReadOnlyBooleanProperty modelAvailableProperty() {
        return modelAvailable.getReadOnlyProperty();
    }

    /** "Melody model ready", "Melody model not found in …": the model's state in one line. */
    public ReadOnlyStringProperty modelStateProperty() {
        return modelState.getReadOnlyProperty();
    }

    /** True when a model is there and nothing is running. */
    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    public boolean canGenerate() {
        return canGenerate.get();
    }

    /** True while there are variations to audition, accept or discard. */
    public BooleanBinding hasVariationsProperty() {
        return hasVariations;
    }

    /** The generated continuations (notes in song ticks, after the seed), until accepted or discarded. */
    public ObservableList<List<Note>> variations() {
        return variationsView;
    }

    /** The variation under audition, -1 when there are none. */
    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    /** The notes of the variation under audition (the piano roll's ghost notes); empty when none. */
    public ReadOnlyObjectProperty<List<Note>> currentNotesProperty() {
        return currentNotes.getReadOnlyProperty();
    }

    /** Where the seed of the pending variations starts (auditions play from here); -1 when none. */
    public long seedStartTick() {
        return pending == null ? -1 : pending.seedStart();
    }

    /** Where the pending continuation starts and ends, in ticks; null when there is none. */
    public long[] continuationRange() {
        return pending == null ? null : new long[] {pending.result().startTick(), pending.result().endTick()};
    }

    // ---- commands -----------------------------------------------------------------------------------

    /** Starts continuing the seed in the background; the old variations make way for the new ones. */
    public void generate() {
        if (running.get()) return;
        if (!modelAvailable.get()) {
            message.say(modelState.get());
            return;
        }
        SeedChoice choice = chooseSeed();
        if (choice == null) return;
        Song song = roll.song();
        GenerationOptions options;
        MelodySeed seed;
        try {
            options = new GenerationOptions(bars.get(), temperature.get(), 0, 1.0, variationCount.get(), rngSeed.get(),
                    keyLock.get(), choice.continueFromTick());
            seed = new MelodySeed(choice.notes(), song.ppq(), song.timeSignature());
        } catch (IllegalArgumentException e) {
            message.say("Cannot generate: " + e.getMessage());
            return;
        }
        dropVariations();
        long myEpoch = epoch;
        int track = roll.editedTrack();
        Job<GenerationResult> t = new Job<>("Generate", work -> {
            if (!source.isLoaded()) {
                work.message("Loading the melody model…");
                work.progress(-1, 1);
            }
            MelodyGenerator generator = source.get();
            work.message("Generating " + Plurals.count(options.variations(), "variation") + " of " + Plurals.count(options.bars(), "bar")
                    + " after " + choice.description() + "…");
            return generator.generate(seed, options, work::progress, work::isCancelled);
        });
        t.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank() && task == t) message.say(n);
        });
        t.onSucceeded(result -> {
            // the variations first, so that whoever watches "running" finds them when it turns false
            if (myEpoch == epoch) {
                modelLoaded();
                pending = new Pending(track, seed.notes().get(0).start(), seed.notes(), result);
                variations.setAll(result.variations());
                currentIndex.set(0);
                message.say(String.format(Locale.ROOT, "%s of %s in %.1f s · cycle with [ ], audition, then Accept or Discard",
                        Plurals.count(result.variations().size(), "variation"), Plurals.count(options.bars(), "bar"), result.millis() / 1000));
            }
            finish(t);
        });
        t.onCancelled(() -> {
            finish(t);
            message.say("Generation cancelled");
        });
        t.onFailed(ex -> {
            finish(t);
            if (!source.isLoaded()) {
                modelFailed(ex);
            } else {
                LOG.log(System.Logger.Level.WARNING, "generation failed", ex);
                message.say("Generation failed: " + ErrorMessages.oneLine(ex));
            }
        });
        task = t;
        running.set(true);
        progress.bind(t.progressProperty());
        runner.run(LANE, t);
    }

    /** Stops the running generation; nothing of it is kept. */
    public void cancel() {
        Job<GenerationResult> t = task;
        if (t != null) t.cancel();
    }

    /** The next variation (wrapping around); re-auditions when one is playing. */
    public void next() {
        cycle(1);
    }

    /** The previous variation (wrapping around); re-auditions when one is playing. */
    public void previous() {
        cycle(-1);
    }

    /** Selects a variation by index (0-based). */
    public void select(int index) {
        if (index < 0 || index >= variations.size()) return;
        currentIndex.set(index);
        if (auditioning && transport.isPlaying()) audition();
    }

    /**
     * Plays the song with the current variation in place, from the start of the seed; when playback
     * stops, the playhead goes back to where it was.
     */
    public void audition() {
        int i = currentIndex.get();
        if (pending == null || i < 0) {
            message.say("Nothing to audition: generate variations first");
            return;
        }
        if (!transport.canPlayProperty().get()) {
            message.say(transport.unavailableReasonProperty().get());
            return;
        }
        Song preview = acceptEdit(i).apply(roll.song());
        if (!auditioning) playheadBeforeAudition = roll.playheadProperty().get();
        auditioning = true;
        transport.playPreview(preview, pending.seedStart());
        message.say("Auditioning variation " + (i + 1) + " of " + variations.size());
    }

    /** Writes the current variation into the track as one undoable edit, and clears the variations. */
    public void accept() {
        int i = currentIndex.get();
        if (pending == null || i < 0) {
            message.say("Nothing to accept: generate variations first");
            return;
        }
        SongEdit edit = acceptEdit(i);
        List<Note> accepted = variations.get(i);
        dropVariations();
        roll.document().apply(edit);
        roll.selectOnly(accepted);
        // once a set is decided, the next Generate should bring new ideas; the field still shows the seed used
        newRngSeed();
        message.say("Accepted variation " + (i + 1) + " (" + Plurals.count(accepted.size(), "note") + ") · Ctrl+Z takes it back");
    }

    /** Forgets the variations (and stops a running generation). */
    public void discard() {
        boolean hadVariations = !variations.isEmpty();
        boolean had = hadVariations || running.get();
        cancel();
        dropVariations();
        // discarded ideas should not come back on the next Generate; re-generating without discarding
        // (say, after changing the temperature) keeps the seed, so settings can be compared like for like
        if (hadVariations) newRngSeed();
        if (had) message.say("Variations discarded");
    }

    /** A new song was opened: its key becomes the lock, and old variations no longer belong anywhere. */
    public void songReplaced(Song song) {
        cancel();
        dropVariations();
        Key k = roll.scaleKeyProperty().get();
        keyLock.set(k != null ? k : song.key());
    }

    /** Loads the model in the background (at start-up), so that the first Generate does not wait for it. */
    public void loadModelInBackground() {
        if (!modelAvailable.get() || source.isLoaded()) return;
        modelState.set("Loading the melody model…");
        runner.run(LANE, new Job<>("Load the melody model", work -> source.get())
                .onSucceeded(loaded -> modelLoaded())
                .onFailed(this::modelFailed));
    }

    /** The model could not be loaded: Generate stays disabled with the reason. */
    private void modelFailed(Throwable ex) {
        LOG.log(System.Logger.Level.WARNING, "melody model failed to load", ex);
        modelAvailable.set(false);
        modelState.set("Cannot load the melody model: " + ErrorMessages.oneLine(ex));
        message.say(modelState.get());
    }


    // ---- mechanics ----------------------------------------------------------------------------------

    /**
     * The selection of the edited track; else its notes in the seed bars before the playhead; else, with
     * the playhead at the start, the seed bars before the track's end. Null (with a message) when none.
     */
    SeedChoice chooseSeed() {
        List<Note> selected = roll.selection();
        if (!selected.isEmpty()) {
            return new SeedChoice(melodyLine(selected), -1, "the " + Plurals.count(selected.size(), "selected note"));
        }
        Track track = roll.track();
        if (track.notes().isEmpty()) {
            message.say("Nothing to continue: " + track.name() + " has no notes (draw a few, or select a track that has some)");
            return null;
        }
        long window = Math.max(1, seedBars.get()) * roll.song().ticksPerBar();
        long playhead = Math.max(0, roll.playheadProperty().get());
        String bars = Plurals.count(Math.max(1, seedBars.get()), "bar");
        if (playhead > 0) {
            List<Note> before = notesStartingIn(track, playhead - window, playhead);
            if (before.isEmpty()) {
                message.say("No notes in the " + bars + " before the playhead: select the notes to continue, or move the playhead after them");
                return null;
            }
            return new SeedChoice(melodyLine(before), playhead, "the " + bars + " before the playhead");
        }
        long end = track.endTick();
        return new SeedChoice(melodyLine(notesStartingIn(track, end - window, end)), -1, "the last " + bars);
    }

    private static List<Note> notesStartingIn(Track track, long from, long to) {
        List<Note> out = new ArrayList<>();
        for (Note n : track.notes()) {
            if (n.start() >= from && n.start() < to) out.add(n);
        }
        return out;
    }

    /** The model continues one voice: chords and overlaps give their top line. */
    private static List<Note> melodyLine(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(null);
        return MelodyLines.isMonophonic(sorted) ? sorted : MelodyLines.skyline(sorted);
    }

    /**
     * Accepting variation {@code i}: it replaces what the track had in the continuation's range, and seed
     * notes still sounding into it are shortened to end where it starts. One step, one undo.
     */
    private SongEdit acceptEdit(int i) {
        Pending p = pending;
        GenerationResult r = p.result();
        Track track = roll.song().track(p.track());
        Map<Note, Integer> inTrack = new HashMap<>();
        for (Note n : track.notes()) inTrack.merge(n, 1, Integer::sum);
        List<Note> overhanging = new ArrayList<>();
        List<Note> shortened = new ArrayList<>();
        for (Note n : p.seed()) {
            if (n.start() < r.startTick() && n.end() > r.startTick() && inTrack.getOrDefault(n, 0) > 0) {
                inTrack.merge(n, -1, Integer::sum);
                overhanging.add(n);
            }
        }
        shortened.addAll(r.seedCutAtStart(overhanging));
        List<SongEdit> steps = new ArrayList<>();
        if (!overhanging.isEmpty()) {
            steps.add(new RemoveNotes(p.track(), overhanging));
            steps.add(new AddNotes(p.track(), shortened));
        }
        steps.add(new ReplaceRange(p.track(), r.startTick(), r.endTick(), variations.get(i)));
        return new CompoundEdit("Accept variation " + (i + 1), steps);
    }

    private void cycle(int step) {
        int n = variations.size();
        if (n == 0) return;
        select(Math.floorMod(currentIndex.get() + step, n));
    }

    private void showCurrent() {
        int i = currentIndex.get();
        currentNotes.set(i >= 0 && i < variations.size() ? variations.get(i) : List.of());
    }

    private void dropVariations() {
        epoch++;
        pending = null;
        variations.clear();
        currentIndex.set(-1);
        showCurrent();
    }

    private void finish(Job<GenerationResult> t) {
        if (task != t) return;
        progress.unbind();
        progress.set(0);
        running.set(false);
        task = null;
    }

    private void modelLoaded() {
        if (source.isLoaded()) modelState.set("Melody model ready");
    }


    /** Stops a running generation; the model is closed by its owner once the runner has stopped. */
    @Override
    public void close() {
        cancel();
    }
}
