package org.melodist.studio.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import org.melodist.generate.ChordGuide;
import org.melodist.feedback.FeedbackEntry;
import org.melodist.feedback.FeedbackLearning;
import org.melodist.generate.GenerationOptions;
import org.melodist.harmony.ChordLanes;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.generate.MelodySeed;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.edit.AcceptContinuation;
import org.melodist.song.edit.SongEdit;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.generate.SeedChooser.SeedChoice;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The Generate panel's state and commands. The seed ({@link SeedChooser}) is continued by the model in a
 * background job with progress and cancel; the latest request wins. The variations wait as ghost notes
 * after the seed until the musician auditions ({@link Audition}) and accepts one into the track, as one
 * undoable edit ({@link AcceptContinuation}), or discards them. The settings live in
 * {@link GenerateSettings}.
 */
public final class GenerateViewModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GenerateViewModel.class.getName());

    /** The runner lane of model loading and generation: one after the other, never two at once. */
    static final String LANE = "generate";

    /** Where the melody model is. */
    public enum ModelState {
        /** No model files: Generate stays disabled with the reason. */
        MISSING,
        /** There, and loaded by the first Generate (or the start-up load). */
        NOT_LOADED,
        LOADING,
        READY,
        /** Loading failed: Generate stays disabled with the reason. */
        FAILED;

        /** True when Generate can use the model (now or after loading it). */
        public boolean isAvailable() {
            return this != MISSING && this != FAILED;
        }
    }

    /** What a generation started from, kept with its result until it is accepted or discarded. */
    /**
     * What a generation started from, kept with its result until it is accepted or discarded: the options it used, which
     * model wrote each variation ({@link #modelName}), and which variations the musician has judged already.
     */
    private record Pending(int track, long seedStart, List<Note> seed, GenerationResult result, GenerationOptions options,
                           List<String> models, boolean[] judged) {
    }

    /** The catalog kind of personal models (learnt from the musician's choices). */
    public static final String PERSONAL_KIND = "personal";
    /** The log's name for the shipped model. */
    static final String SHIPPED_MODEL_NAME = "folk";

    private final PianoRollViewModel roll;
    private final ModelPicker picker;
    private final BackgroundRunner runner;
    private VariationFilter filter = VariationFilter.NONE;
    private final GenerateSettings settings = new GenerateSettings();
    private final Audition audition;
    private final TransportViewModel transport;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final StatusMessage message = new StatusMessage(this);
    private final ReadOnlyObjectWrapper<ModelState> modelState = new ReadOnlyObjectWrapper<>(this, "modelState");
    private final ReadOnlyBooleanWrapper modelAvailable = new ReadOnlyBooleanWrapper(this, "modelAvailable", false);
    private final ReadOnlyStringWrapper modelMessage = new ReadOnlyStringWrapper(this, "modelMessage", "");
    private final ObservableList<List<Note>> variations = FXCollections.observableArrayList();
    private final ObservableList<List<Note>> variationsView = FXCollections.unmodifiableObservableList(variations);
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(this, "currentIndex", -1);
    private final ReadOnlyObjectWrapper<List<Note>> currentNotes = new ReadOnlyObjectWrapper<>(this, "currentNotes", List.of());
    private final BooleanBinding canGenerate;
    private final BooleanBinding hasVariations;

    private Pending pending;
    private final MelodyGeneratorSource shippedSource;
    private FeedbackViewModel feedback;
    private final BooleanProperty compareWithBase = new SimpleBooleanProperty(this, "compareWithBase", false);
    private final ReadOnlyBooleanWrapper personalChosen = new ReadOnlyBooleanWrapper(this, "personalChosen", false);
    private final ReadOnlyStringWrapper currentModelLabel = new ReadOnlyStringWrapper(this, "currentModelLabel", "");
    private Job<GenerationResult> task;
    /** Bumped whenever the variations become stale, so that a late result of an older request is dropped. */
    private long epoch;

    /**
     * @param roll      the edited track, its selection and the playhead; edits go through its document
     * @param transport plays a variation in place for auditioning
     * @param source    the melody generator, loaded off the FX thread on first use; its owner closes it
     * @param runner    loads the model and generates off the FX thread
     */
    public GenerateViewModel(PianoRollViewModel roll, TransportViewModel transport, MelodyGeneratorSource source,
                             BackgroundRunner runner) {
        this(roll, transport, source, new MelodyModelCatalog(source.dir()), runner);
    }

    /**
     * @param shipped the shipped melody model, loaded off the FX thread on first use; its owner closes it
     * @param models  the models the picker offers (the shipped one is served by {@code shipped}); the user's
     *                models are loaded when chosen and closed by {@link #releaseModels()}
     */
    public GenerateViewModel(PianoRollViewModel roll, TransportViewModel transport, MelodyGeneratorSource shipped,
                             MelodyModelCatalog models, BackgroundRunner runner) {
        this.roll = roll;
        this.transport = transport;
        this.runner = runner;
        picker = new ModelPicker(models, shipped, runner);
        shippedSource = shipped;
        personalChosen.bind(Bindings.createBooleanBinding(() -> isPersonal(picker.chosen()), picker.chosenProperty()));
        audition = new Audition(roll, transport, runner);
        showSourceState();
        modelAvailable.bind(Bindings.createBooleanBinding(() -> modelState.get().isAvailable(), modelState));
        canGenerate = modelAvailable.and(running.not());
        hasVariations = Bindings.isNotEmpty(variations);
        settings.keyLockProperty().set(roll.scaleKeyProperty().get() != null ? roll.scaleKeyProperty().get() : roll.song().key());
        roll.trackIndexProperty().addListener((obs, o, n) -> dropVariations());
        currentIndex.addListener((obs, o, n) -> showCurrent());
    }

    // ---- the model picker ---------------------------------------------------------------------------

    /** The models on offer (shipped, the user's styles, other registered kinds) and the chosen one. */
    public ModelPicker picker() {
        return picker;
    }

    /** The generator of the model chosen in the picker (the jam and Keep going play with it too). */
    public MelodyGeneratorSource modelSource() {
        return picker.source();
    }

    /**
     * Generates with {@code model} from now on (a running generation is cancelled; variations already made
     * stay). A model whose files are missing, or that fails to load, gives way to the shipped model with a
     * one-line message. The choice is remembered with the settings.
     */
    public void chooseModel(MelodyModelCatalog.Entry model) {
        if (model != null && model.equals(picker.chosen()) && picker.noticeProperty().get().isEmpty()) return;
        cancel();
        boolean wasLoading = modelState.get() == ModelState.LOADING || modelState.get() == ModelState.READY;
        Optional<String> fellBack = picker.choose(model);
        afterChoice(fellBack, true);
        // the model that was in use had been loaded: load its successor now, so a broken one shows at once
        if (wasLoading || fellBack.isEmpty() && model != null && !model.isShipped()) loadModelInBackground();
    }

    /** Chooses the model remembered under {@code id} (at start-up); one that is gone gives way to the shipped model. */
    public void chooseModel(String id) {
        cancel();
        afterChoice(picker.choose(id), false);
    }

    /**
     * Remembers the choice and shows the model's state; says why it fell back, and otherwise what is chosen if asked. A
     * personal model chosen by the musician proposes the temperature learnt from their choices ({@link #proposeSettings});
     * leaving it for another model gives back the musician's own temperature unless they changed the proposed one.
     */
    private void afterChoice(Optional<String> fellBack, boolean announce) {
        settings.modelIdProperty().set(picker.chosen().id());
        showSourceState();
        String restored = isPersonal(picker.chosen()) ? "" : restoreOwnTemperature();
        if (fellBack.isPresent()) {
            message.say(fellBack.get() + restored);
        } else if (announce) {
            message.say("Generating with " + picker.chosen().displayName() + (isPersonal(picker.chosen()) ? proposeSettings() : restored));
        }
    }

    /**
     * Applies the chosen personal model's proposed temperature and top-p (the settings whose variations the musician kept
     * most) to the panel, keeping theirs to give back; returns the status line's tail saying what was applied, or "" when
     * the model proposes nothing.
     */
    private String proposeSettings() {
        Optional<FeedbackLearning.ProposedSettings> proposed;
        try {
            proposed = FeedbackLearning.proposedSettings(MelodyModel.readConfig(picker.chosen().dir()));
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "no proposed settings: " + ErrorMessages.oneLine(e));
            return "";
        }
        if (proposed.isEmpty()) return "";
        double t = Math.max(GenerateSettings.MIN_TEMPERATURE, Math.min(GenerateSettings.MAX_TEMPERATURE, proposed.get().temperature()));
        double current = settings.temperatureProperty().get();
        propose(settings.temperatureProperty(), settings.replacedTemperatureProperty(), t);
        double p = Math.max(GenerateSettings.MIN_TOP_P, Math.min(GenerateSettings.MAX_TOP_P, proposed.get().topP()));
        double currentTopP = settings.topPProperty().get();
        propose(settings.topPProperty(), settings.replacedTopPProperty(), p);
        String temperature = String.format(Locale.ROOT, "temperature %.1f%s", t, same(current, t) ? "" : String.format(Locale.ROOT, " (was %.1f)", current));
        String topP = same(p, 1.0) && same(currentTopP, 1.0) ? ""
                : String.format(Locale.ROOT, " and top-p %.2f%s", p, same(currentTopP, p) ? "" : String.format(Locale.ROOT, " (was %.2f)", currentTopP));
        return String.format(Locale.ROOT, " at %s%s, the %s whose variations you kept most · change %s as you like",
                temperature, topP, topP.isEmpty() ? "one" : "ones", topP.isEmpty() ? "it" : "them");
    }

    /**
     * Sets a proposed value, remembering the musician's own to give back: the value in place, unless it is still the
     * last proposal's (then the own value remembered with that one stays).
     */
    private static void propose(DoubleProperty value, ObjectProperty<GenerateSettings.Replaced> replaced, double proposed) {
        GenerateSettings.Replaced before = replaced.get();
        double current = value.get();
        double own = before != null && same(current, before.proposed()) ? before.own() : current;
        replaced.set(new GenerateSettings.Replaced(own, proposed));
        value.set(proposed);
    }

    /** Settings equal as the panel shows them (its spinners step by 0.1 and 0.05 in doubles). */
    private static boolean same(double a, double b) {
        return Math.abs(a - b) < 1e-6;
    }

    /**
     * Gives back the temperature and top-p the musician had before a personal model's proposal, each unless they changed
     * the proposed one since (then theirs stays); returns the status line's tail saying so, or "".
     */
    private String restoreOwnTemperature() {
        String said = "";
        if (giveBack(settings.temperatureProperty(), settings.replacedTemperatureProperty())) {
            said += String.format(Locale.ROOT, " · temperature back to your %.1f", settings.temperatureProperty().get());
        }
        if (giveBack(settings.topPProperty(), settings.replacedTopPProperty())) {
            said += String.format(Locale.ROOT, " · top-p back to your %.2f", settings.topPProperty().get());
        }
        return said;
    }

    /** Puts back the musician's own value if the proposed one is still in place; true when that changed the value. */
    private static boolean giveBack(DoubleProperty value, ObjectProperty<GenerateSettings.Replaced> replaced) {
        GenerateSettings.Replaced r = replaced.get();
        if (r == null) return false;
        replaced.set(null);
        if (!same(value.get(), r.proposed()) || same(r.own(), r.proposed())) return false;
        value.set(r.own());
        return true;
    }

    /** Renames a user model (its folder); the chosen one stays chosen under its new name. */
    public boolean renameModel(MelodyModelCatalog.Entry model, String newName) {
        boolean wasChosen = model.equals(picker.chosen());
        try {
            if (wasChosen) picker.choose((MelodyModelCatalog.Entry) null);
            MelodyModelCatalog.Entry renamed = picker.catalog().rename(model, newName);
            picker.refresh();
            if (wasChosen) chooseModel(renamed);
            message.say("Renamed '" + model.name() + "' to '" + renamed.name() + "'");
            return true;
        } catch (IllegalArgumentException | java.io.IOException e) {
            if (wasChosen) chooseModel(model);
            message.say("Cannot rename '" + model.name() + "': " + ErrorMessages.oneLine(e));
            return false;
        }
    }

    /** Deletes a user model (its folder); when it was the chosen one, the shipped model takes over. */
    public boolean deleteModel(MelodyModelCatalog.Entry model) {
        try {
            if (model.equals(picker.chosen())) chooseModel((MelodyModelCatalog.Entry) null);
            picker.catalog().delete(model);
            picker.refresh();
            message.say("Deleted '" + model.name() + "'");
            return true;
        } catch (IllegalArgumentException | java.io.IOException e) {
            picker.refresh();
            message.say("Cannot delete '" + model.name() + "': " + ErrorMessages.oneLine(e));
            return false;
        }
    }

    /** The models folders changed (a style was learnt): re-reads them; {@code choose} (may be null) is chosen then. */
    public void modelsChanged(String choose) {
        picker.refresh();
        if (choose != null) picker.catalog().find(choose).ifPresent(this::chooseModel);
    }

    // ---- settings -----------------------------------------------------------------------------------

    /** Length, temperature, variations, key lock, random seed and seed bars, and their remembering. */
    public GenerateSettings settings() {
        return settings;
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

    /** Where the melody model is: missing, loading, ready, failed... */
    public ReadOnlyObjectProperty<ModelState> modelStateProperty() {
        return modelState.getReadOnlyProperty();
    }

    /** False when there is no model (or it failed to load); {@link #modelMessageProperty()} says why. */
    public ReadOnlyBooleanProperty modelAvailableProperty() {
        return modelAvailable.getReadOnlyProperty();
    }

    /** "Melody model ready", "Melody model not found in …": the model's state in one line, for people. */
    public ReadOnlyStringProperty modelMessageProperty() {
        return modelMessage.getReadOnlyProperty();
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

    // ---- running and discarding ---------------------------------------------------------------------

    /** Starts continuing the seed in the background; the old variations make way for the new ones. */
    public void generate() {
        if (running.get()) return;
        if (!modelAvailable.get()) {
            message.say(modelMessage.get());
            return;
        }
        SeedChooser.Outcome chosen = SeedChooser.choose(roll.track(), roll.selection(), roll.playheadProperty().get(),
                settings.seedBarsProperty().get(), roll.song().ticksPerBar());
        if (chosen.choice() == null) {
            message.say(chosen.problem());
            return;
        }
        SeedChoice choice = chosen.choice();
        Song song = roll.song();
        GenerationOptions options;
        MelodySeed seed;
        try {
            options = settings.options(choice.continueFromTick());
            if (settings.followChordsProperty().get()) {
                ChordGuide chords = ChordLanes.guide(song);
                if (chords.isEmpty()) message.say("Follow chords: the chord lane is empty (Ctrl+H harmonises); generating freely");
                options = options.withChords(chords);
            }
            seed = new MelodySeed(choice.notes(), song.ppq(), song.timeSignature());
        } catch (IllegalArgumentException e) {
            message.say("Cannot generate: " + e.getMessage());
            return;
        }
        dropVariations();
        start(generation(seed, options, choice.description(), roll.editedTrack(), epoch));
    }

    /** A last step of every generation before its variations are shown (e.g. resampling copies). */
    public void setVariationFilter(VariationFilter f) {
        filter = java.util.Objects.requireNonNull(f);
    }

    /** The job that continues {@code seed}; its result is shown only if nothing made it stale meanwhile. */
    private Job<GenerationResult> generation(MelodySeed seed, GenerationOptions options, String seedDescription,
                                             int track, long myEpoch) {
        VariationFilter jobFilter = filter;
        java.util.concurrent.atomic.AtomicReference<String> filterNote = new java.util.concurrent.atomic.AtomicReference<>("");
        MelodyGeneratorSource source = picker.source();
        // comparing: half the variations (the odd ones) from the base model, so both are judged in one batch
        boolean compare = compareWithBase.get() && personalChosen.get() && options.variations() >= 2;
        String chosenName = modelName(picker.chosen());
        MelodyGeneratorSource base = shippedSource;
        java.util.concurrent.atomic.AtomicReference<List<String>> models = new java.util.concurrent.atomic.AtomicReference<>(List.of());
        Job<GenerationResult> t = new Job<>("Generate", work -> {
            if (!source.isLoaded()) {
                work.message("Loading the melody model…");
                work.progress(-1, 1);
            }
            MelodyGenerator generator = source.get();
            work.message("Generating " + Plurals.count(options.variations(), "variation") + " of "
                    + Plurals.count(options.bars(), "bar") + " after " + seedDescription + "…");
            if (!compare) {
                GenerationResult generated = generator.generate(seed, options, work::progress, work::isCancelled);
                VariationFilter.Filtered filtered = jobFilter.apply(generator, seed, options, generated, work::isCancelled);
                filterNote.set(filtered.note());
                models.set(java.util.Collections.nCopies(filtered.result().variations().size(), chosenName));
                return filtered.result();
            }
            int mine = (options.variations() + 1) / 2;
            GenerationOptions personalOptions = options.withVariations(mine);
            GenerationOptions baseOptions = options.withVariations(options.variations() - mine);
            GenerationResult p = generator.generate(seed, personalOptions, (d, n) -> work.progress(d, 2 * n), work::isCancelled);
            VariationFilter.Filtered pf = jobFilter.apply(generator, seed, personalOptions, p, work::isCancelled);
            work.message("Generating the base model's variations to compare…");
            MelodyGenerator baseGenerator = base.get();
            GenerationResult b = baseGenerator.generate(seed, baseOptions, (d, n) -> work.progress(n + d, 2 * n), work::isCancelled);
            VariationFilter.Filtered bf = jobFilter.apply(baseGenerator, seed, baseOptions, b, work::isCancelled);
            filterNote.set(pf.note().isEmpty() ? bf.note() : pf.note());
            List<String> names = new ArrayList<>();
            GenerationResult merged = interleave(pf.result(), bf.result(), chosenName, SHIPPED_MODEL_NAME, names);
            models.set(names);
            return merged;
        });
        t.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank() && task == t) message.say(n);
        });
        t.onSucceeded(result -> {
            // the variations first, so that whoever watches "running" finds them when it turns false
            if (myEpoch == epoch) {
                modelLoaded(source);
                pending = new Pending(track, seed.notes().get(0).start(), seed.notes(), result, options, models.get(),
                        new boolean[result.variations().size()]);
                variations.setAll(result.variations());
                currentIndex.set(0);
                message.say(String.format(Locale.ROOT, "%s of %s%s in %.1f s%s · cycle with [ ], audition, then Accept or Discard",
                        Plurals.count(result.variations().size(), "variation"), Plurals.count(options.bars(), "bar"),
                        options.chords().isEmpty() ? "" : options.chords().hasChordsIn(result.startTick(), result.endTick())
                                ? " following the chords" : " (Follow chords: no chords under these bars)",
                        result.millis() / 1000, filterNote.get().isEmpty() ? "" : " (" + filterNote.get() + ")"));
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
                modelFailed(source, ex);
            } else {
                LOG.log(System.Logger.Level.WARNING, "generation failed", ex);
                message.say("Generation failed: " + ErrorMessages.oneLine(ex));
            }
        });
        return t;
    }

    private void start(Job<GenerationResult> t) {
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

    /** Forgets the variations (and stops a running generation). */
    public void discard() {
        boolean hadVariations = !variations.isEmpty();
        boolean had = hadVariations || running.get();
        if (hadVariations) recordJudgements(pending, j -> true, j -> false);
        cancel();
        dropVariations();
        // discarded ideas should not come back on the next Generate; re-generating without discarding
        // (say, after changing the temperature) keeps the seed, so settings can be compared like for like
        if (hadVariations) settings.newRngSeed();
        if (had) message.say("Variations discarded");
    }

    /** A new song was opened: its key becomes the lock, and old variations no longer belong anywhere. */
    public void songReplaced(Song song) {
        cancel();
        dropVariations();
        Key k = roll.scaleKeyProperty().get();
        settings.keyLockProperty().set(k != null ? k : song.key());
    }

    /** Loads the model in the background (at start-up), so that the first Generate does not wait for it. */
    public void loadModelInBackground() {
        MelodyGeneratorSource source = picker.source();
        if (!modelAvailable.get() || source.isLoaded()) return;
        setModelState(ModelState.LOADING, "Loading the melody model…");
        runner.run(LANE, new Job<>("Load the melody model", work -> source.get())
                .onSucceeded(loaded -> modelLoaded(source))
                .onFailed(ex -> modelFailed(source, ex)));
    }

    // ---- the variations -----------------------------------------------------------------------------

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
        if (audition.isPlaying()) audition();
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
        audition.play(acceptEdit(i).apply(roll.song()), pending.seedStart());
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
        // the kept variation as accepted, the others shown (and not judged yet) as rejected
        recordJudgements(pending, j -> true, j -> j == i);
        dropVariations();
        roll.document().apply(edit);
        roll.selectOnly(accepted);
        // once a set is decided, the next Generate should bring new ideas; the field still shows the seed used
        settings.newRngSeed();
        message.say("Accepted variation " + (i + 1) + " (" + Plurals.count(accepted.size(), "note") + ") · Ctrl+Z takes it back");
    }

    private SongEdit acceptEdit(int i) {
        Pending p = pending;
        return AcceptContinuation.of(roll.song(), p.track(), p.seed(), p.result().startTick(), p.result().endTick(),
                variations.get(i), "Accept variation " + (i + 1));
    }

    private void cycle(int step) {
        int n = variations.size();
        if (n == 0) return;
        select(Math.floorMod(currentIndex.get() + step, n));
    }

    private void showCurrent() {
        int i = currentIndex.get();
        currentNotes.set(i >= 0 && i < variations.size() ? variations.get(i) : List.of());
        Pending p = pending;
        boolean mixed = p != null && p.models().stream().distinct().count() > 1;
        currentModelLabel.set(mixed && i >= 0 && i < p.models().size()
                ? (SHIPPED_MODEL_NAME.equals(p.models().get(i)) ? "base model" : "personal model") : "");
    }

    // ---- judgements (learning from the musician's choices) ------------------------------------------

    /**
     * Where Accept, Discard and the thumbs log their judgements (none until set). A personal model it learns is chosen
     * at once (loaded afresh, even when an older one of the same name was in use); when it is reset, the shipped model
     * takes over.
     */
    public void setFeedback(FeedbackViewModel f) {
        feedback = f;
        String id = PERSONAL_KIND + "/" + f.personalDir().getFileName();
        f.setOnLearned(dir -> {
            if (isPersonal(picker.chosen())) chooseModel((MelodyModelCatalog.Entry) null);
            modelsChanged(id);
        });
        f.setOnReset(dir -> {
            if (isPersonal(picker.chosen())) chooseModel((MelodyModelCatalog.Entry) null);
            picker.refresh();
        });
    }

    /** The judgements and the personal model; null when the studio keeps none. */
    public FeedbackViewModel feedback() {
        return feedback;
    }

    /** With a personal model chosen: half of each Generate's variations come from the base model, labelled. */
    public BooleanProperty compareWithBaseProperty() {
        return compareWithBase;
    }

    /** True while the chosen model is a personal one (learnt from the musician's choices). */
    public ReadOnlyBooleanProperty personalChosenProperty() {
        return personalChosen.getReadOnlyProperty();
    }

    /** "personal model" or "base model" for the variation shown while comparing; empty otherwise. */
    public ReadOnlyStringProperty currentModelLabelProperty() {
        return currentModelLabel.getReadOnlyProperty();
    }

    /** Logs the variation shown as one the musician likes (it stays on offer). */
    public void thumbUp() {
        thumb(true);
    }

    /** Logs the variation shown as one the musician does not like (it stays on offer). */
    public void thumbDown() {
        thumb(false);
    }

    private void thumb(boolean up) {
        int i = currentIndex.get();
        Pending p = pending;
        if (p == null || i < 0) {
            message.say("Nothing to judge: generate variations first");
            return;
        }
        if (p.judged()[i]) {
            message.say("Variation " + (i + 1) + " is judged already");
            return;
        }
        recordJudgements(p, j -> j == i, j -> up);
        message.say("Thumbs " + (up ? "up" : "down") + " for variation " + (i + 1) + " · logged to learn your taste");
    }

    /**
     * Logs the variations of {@code p} that {@code include} takes and that are not judged yet, each as accepted or not by
     * {@code accepted}: Accept logs the kept one accepted and the others rejected, Discard all rejected, a thumb one alone.
     */
    private void recordJudgements(Pending p, java.util.function.IntPredicate include, java.util.function.IntPredicate accepted) {
        if (p == null || feedback == null) return;
        List<FeedbackEntry> entries = new ArrayList<>();
        Song song = roll.song();
        List<Note> seed = p.result().seedCutAtStart(p.seed());
        GenerationOptions o = p.options();
        FeedbackEntry.Settings s = new FeedbackEntry.Settings(o.temperature(), o.topP(), o.keyLock());
        for (int j = 0; j < p.result().variations().size(); j++) {
            if (p.judged()[j] || !include.test(j)) continue;
            p.judged()[j] = true;
            entries.add(new FeedbackEntry(song.ppq(), song.timeSignature(), song.tempoMap().bpmAt(p.seedStart()), seed,
                    p.result().variations().get(j), accepted.test(j), s, p.models().get(j)));
        }
        feedback.record(entries);
    }

    /** The log's name of a model: "folk" for the shipped one, else its catalog id ("personal/mine", "styles/chorales"). */
    static String modelName(MelodyModelCatalog.Entry e) {
        return e == null || e.isShipped() ? SHIPPED_MODEL_NAME : e.id();
    }

    static boolean isPersonal(MelodyModelCatalog.Entry e) {
        return e != null && PERSONAL_KIND.equals(e.kind());
    }

    /** The variations of {@code a} and {@code b} taking turns (a first), with each one's model name in {@code names}. */
    private static GenerationResult interleave(GenerationResult a, GenerationResult b, String aName, String bName, List<String> names) {
        List<List<Note>> vars = new ArrayList<>();
        List<int[]> tokens = new ArrayList<>();
        int n = Math.max(a.variations().size(), b.variations().size());
        for (int k = 0; k < n; k++) {
            if (k < a.variations().size()) {
                vars.add(a.variations().get(k));
                tokens.add(a.tokens().get(k));
                names.add(aName);
            }
            if (k < b.variations().size()) {
                vars.add(b.variations().get(k));
                tokens.add(b.tokens().get(k));
                names.add(bName);
            }
        }
        return new GenerationResult(vars, a.startTick(), Math.max(a.endTick(), b.endTick()), a.steps(), tokens, a.millis() + b.millis());
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

    // ---- the model ----------------------------------------------------------------------------------

    private void setModelState(ModelState state, String text) {
        modelState.set(state);
        modelMessage.set(text);
    }

    /** The chosen model's state before loading: missing, or there (and maybe loaded already). */
    private void showSourceState() {
        MelodyGeneratorSource source = picker.source();
        source.problem().ifPresentOrElse(p -> setModelState(ModelState.MISSING, p),
                () -> setModelState(source.isLoaded() ? ModelState.READY : ModelState.NOT_LOADED,
                        source.isLoaded() ? "Melody model ready" : "Melody model: loads on first use"));
    }

    private void modelLoaded(MelodyGeneratorSource source) {
        if (source == picker.source() && source.isLoaded()) setModelState(ModelState.READY, "Melody model ready");
    }

    /**
     * A model could not be loaded: a user model gives way to the shipped one, with the reason; the shipped
     * model leaves Generate disabled with the reason. A model no longer chosen is no one's concern.
     */
    private void modelFailed(MelodyGeneratorSource source, Throwable ex) {
        if (source != picker.source()) return;
        LOG.log(System.Logger.Level.WARNING, "melody model failed to load", ex);
        MelodyModelCatalog.Entry failed = picker.chosen();
        if (!failed.isShipped()) {
            picker.fallBack(failed, "it failed to load: " + ErrorMessages.oneLine(ex));
            afterChoice(Optional.of(picker.noticeProperty().get()), true);
            return;
        }
        setModelState(ModelState.FAILED, "Cannot load the melody model: " + ErrorMessages.oneLine(ex));
        message.say(modelMessage.get());
    }

    /** Stops a running generation; the models are closed once the runner has stopped ({@link #releaseModels()}). */
    @Override
    public void close() {
        cancel();
    }

    /**
     * Closes the chosen user model's generator; call once the runner has stopped (the shipped model is closed
     * by its owner).
     */
    public void releaseModels() {
        picker.close();
    }
}
