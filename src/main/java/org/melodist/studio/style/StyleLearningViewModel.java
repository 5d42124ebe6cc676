package org.melodist.studio.style;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.ErrorMessages;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.generate.MelodyTrainer;
import org.melodist.generate.MelodyTrainer.EpochReport;
import org.melodist.generate.RehearsalTunes;
import org.melodist.generate.TrainingOptions;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.tasks.Progress;

/**
 * "Learn a style…": the musician picks a folder of MIDI files, sees what will be learnt (files taken and
 * skipped with the reason, notes, range, how validation is chosen), names the style and sets a time budget;
 * the shipped model is then fine-tuned on the folder in the background ({@link MelodyTrainer#fineTune}, the
 * same run as {@code melodist train --init}), with progress, the time left, the training and validation loss
 * of every epoch for a live chart, and Cancel. The new model's folder appears in the user's styles folder in
 * one rename when training ends (or is stopped after a usable epoch), and is handed to the model picker.
 *
 * <p>Cancel stops the trainer after its current batch rather than interrupting the worker, so that the best
 * epoch so far is still saved whole; stopped before the first epoch ends, nothing is written.
 */
public final class StyleLearningViewModel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StyleLearningViewModel.class.getName());

    /** The runner lane of reading folders and training: its own, so that Generate stays free meanwhile. */
    static final String LANE = "style";
    public static final double DEFAULT_MINUTES = 10;
    public static final double MIN_MINUTES = 1;
    public static final double MAX_MINUTES = 240;

    /** Where the dialog is. */
    public enum Phase {
        /** No folder chosen yet. */
        EMPTY,
        /** Reading the folder's files. */
        SCANNING,
        /** The folder's summary is shown and it can be learnt. */
        READY,
        /** The folder has nothing to learn from (the summary says why). */
        UNUSABLE,
        /** Preparing or training. */
        TRAINING,
        /** Cancel was pressed: stopping after the current batch, keeping the best epoch so far. */
        STOPPING,
        /** A style was learnt (and is in the picker). */
        DONE,
        /** Training failed (the result line says why). */
        FAILED;

        public boolean isBusy() {
            return this == SCANNING || this == TRAINING || this == STOPPING;
        }
    }

    private final MelodyModelCatalog catalog;
    private final BackgroundRunner runner;
    private final Consumer<String> learnt;
    private TrainingOptions options = TrainingOptions.fineTuneDefaults();

    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final DoubleProperty minutes = new SimpleDoubleProperty(this, "minutes", DEFAULT_MINUTES);
    private final BooleanProperty keepShippedStyle = new SimpleBooleanProperty(this, "keepShippedStyle", true);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EMPTY);
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(this, "training", false);
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final ObservableList<String> fileLines = FXCollections.observableArrayList();
    // one read-only view each, kept: a view made per call would be collected with the listeners added to it
    private final ObservableList<String> summaryView = FXCollections.unmodifiableObservableList(summary);
    private final ObservableList<String> fileLinesView = FXCollections.unmodifiableObservableList(fileLines);
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Choose a folder of MIDI files");
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper(this, "timeLeft", "");
    private final ObservableList<EpochReport> epochs = FXCollections.observableArrayList();
    private final ObservableList<EpochReport> epochsView = FXCollections.unmodifiableObservableList(epochs);
    private final ReadOnlyDoubleWrapper startingNll = new ReadOnlyDoubleWrapper(this, "startingNll", Double.NaN);
    private final ReadOnlyStringWrapper learntId = new ReadOnlyStringWrapper(this, "learntId", "");
    private final StatusMessage message = new StatusMessage(this);
    private final BooleanBinding canStart;

    private MelodyCorpus corpus;
    private Job<?> job;
    /** Set on Cancel and at close; read by the training thread between batches. */
    private volatile boolean stopRequested;
    private volatile MelodyTrainer trainer;

    /**
     * @param catalog where styles go ({@link MelodyModelCatalog#STYLES}) and which model they start from (the shipped one)
     * @param runner  reads the folder and trains off the UI thread
     * @param learnt  told the picker id of each style learnt ({@code "styles/<name>"}), on the UI thread
     */
    public StyleLearningViewModel(MelodyModelCatalog catalog, BackgroundRunner runner, Consumer<String> learnt) {
        this.catalog = catalog;
        this.runner = runner;
        this.learnt = Objects.requireNonNull(learnt);
        name.addListener((obs, o, n) -> checkName());
        canStart = Bindings.createBooleanBinding(() -> (phase.get() == Phase.READY || phase.get() == Phase.DONE
                        || phase.get() == Phase.FAILED) && corpus != null && nameProblem.get().isEmpty(),
                phase, nameProblem);
        checkName();
    }

    /** The settings of the run (for tests: fewer epochs, smaller batches); the budget comes from {@link #minutesProperty()}. */
    void setTrainingOptions(TrainingOptions o) {
        options = Objects.requireNonNull(o);
    }

    // ---- inputs -------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** The style's name: its folder's name in the styles folder and its name in the picker. */
    public StringProperty nameProperty() {
        return name;
    }

    /** The training budget in minutes (the run stops at the end of it, keeping the best epoch). */
    public DoubleProperty minutesProperty() {
        return minutes;
    }

    /**
     * Keep what the shipped model knows: rehearse tunes it writes itself while learning the new style (a quarter
     * of the windows). Off, the style is learnt faster but the folk tunes are forgotten more.
     */
    public BooleanProperty keepShippedStyleProperty() {
        return keepShippedStyle;
    }

    // ---- state --------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** True while preparing or training (for the status bar's activity). */
    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    /** What will be learnt: files usable and skipped by reason, notes and range, how validation is chosen. */
    public ObservableList<String> summary() {
        return summaryView;
    }

    /** One line per file: what was taken from it, or why it was skipped. */
    public ObservableList<String> fileLines() {
        return fileLinesView;
    }

    /** Why the name cannot be used (empty, taken, a slash…); empty when it can. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    /** True when a usable folder is read, a usable name given, and nothing runs. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** Share of the time budget used, 0-1 (-1 while preparing); 1 when done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line about where the run is: "Epoch 3 · 40 % of the epoch · training loss 0.91", the outcome at the end. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "at most 6:40 left" while training; empty otherwise. */
    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    /** Every finished epoch's training and validation loss (NLL per step), for the loss chart. */
    public ObservableList<EpochReport> epochs() {
        return epochsView;
    }

    /** The shipped model's validation loss on the folder before training (the chart's epoch 0); NaN until known. */
    public ReadOnlyDoubleProperty startingNllProperty() {
        return startingNll.getReadOnlyProperty();
    }

    /** The picker id of the style learnt last ({@code "styles/<name>"}); empty before. */
    public ReadOnlyStringProperty learntIdProperty() {
        return learntId.getReadOnlyProperty();
    }

    /** One-line messages for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    // ---- commands -----------------------------------------------------------------------------------

    /** Reads {@code dir}'s MIDI files in the background and shows what would be learnt from them. */
    public void chooseFolder(Path dir) {
        if (phase.get().isBusy() || dir == null) return;
        Path old = folder.get();
        folder.set(dir);
        if (name.get().isBlank() || old != null && name.get().equals(defaultName(old))) name.set(defaultName(dir));
        corpus = null;
        summary.clear();
        fileLines.clear();
        epochs.clear();
        startingNll.set(Double.NaN);
        progress.set(0);
        timeLeft.set("");
        phase.set(Phase.SCANNING);
        status.set("Reading " + dir.getFileName() + "…");
        Path base = catalog.shipped().dir();
        Job<MelodyCorpus> scan = new Job<>("Read " + dir.getFileName(), work -> {
            work.progress(-1, 1);
            return MelodyCorpus.loadForTraining(dir, null, MelodyModel.readConfig(base).encoding(), line -> { });
        });
        scan.onSucceeded(c -> {
            if (job != scan) return;
            job = null;
            corpus = c;
            fileLines.setAll(c.files().stream().map(MelodyCorpus.FileReport::line).toList());
            summary.setAll(c.summary());
            if (c.train().isEmpty() || c.validation().isEmpty()) {
                corpus = null;
                summary.add(c.train().isEmpty() ? "nothing to learn: no file has a usable melody"
                        : "nothing to check the learning on: the files are too short to hold out bars (two bars or more each)");
                unusable(summary.get(summary.size() - 1));
            } else {
                phase.set(Phase.READY);
                status.set("Ready to learn " + c.filesTaken() + " files");
            }
        });
        scan.onFailed(ex -> {
            if (job != scan) return;
            job = null;
            summary.setAll(ErrorMessages.oneLine(ex));
            unusable(ErrorMessages.oneLine(ex));
        });
        scan.onCancelled(() -> {
            if (job == scan) job = null;
            phase.set(Phase.EMPTY);
            status.set("Choose a folder of MIDI files");
        });
        job = scan;
        runner.run(LANE, scan);
    }

    private void unusable(String why) {
        phase.set(Phase.UNUSABLE);
        status.set("Cannot learn from this folder: " + why);
    }

    private static String defaultName(Path dir) {
        Path f = dir.getFileName();
        return f == null ? "" : f.toString();
    }

    /** Starts learning the style in the background; refused (with the reason in the status) unless {@link #canStartProperty()}. */
    public void start() {
        if (!canStart.get()) return;
        Path out;
        try {
            out = catalog.newModelDir(MelodyModelCatalog.STYLES, name.get());
        } catch (IllegalArgumentException e) {
            nameProblem.set(ErrorMessages.oneLine(e));
            return;
        }
        String styleName = out.getFileName().toString();
        Path base = catalog.shipped().dir();
        Path source = folder.get();
        MelodyCorpus c = corpus;
        double budgetMinutes = Math.max(MIN_MINUTES, Math.min(MAX_MINUTES, minutes.get()));
        boolean rehearse = keepShippedStyle.get();
        TrainingOptions opt = options.withMaxMinutes(budgetMinutes);
        stopRequested = false;
        epochs.clear();
        startingNll.set(Double.NaN);
        phase.set(Phase.TRAINING);
        training.set(true);
        progress.set(-1);
        status.set("Preparing…");
        timeLeft.set("");
        String command = String.format(Locale.ROOT, "melodist train --corpus \"%s\" --init \"%s\" --out \"%s\" --max-minutes %s%s",
                source, base, out, trimmed(budgetMinutes), rehearse ? "" : " --rehearse none");

        Job<MelodyTrainer.Result> run = new Job<>("Learn the style " + styleName, work -> {
            MelodyTrainer t = new MelodyTrainer(new PrintStream(PrintStream.nullOutputStream()),
                    new Watcher(work, budgetMinutes * 60)).withCommand(command);
            trainer = t;
            if (rehearse) {
                work.message("Preparing: the shipped model writes tunes to rehearse, so it keeps its own style…");
                t.withRehearsal(RehearsalTunes.sampled(base, RehearsalTunes.DEFAULT_TUNES, RehearsalTunes.DEFAULT_BARS, opt.seed()),
                        RehearsalTunes.DEFAULT_SHARE, "tunes the starting model wrote itself");
            }
            if (stopRequested) return null;
            work.message("Measuring the shipped model on your files…");
            return t.fineTune(c, opt, base, out);
        });
        run.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank() && job == run) status.set(n);
        });
        run.progressProperty().addListener((obs, o, n) -> {
            if (job == run) progress.set(n.doubleValue());
        });
        run.onSucceeded(r -> finished(run, r, styleName));
        run.onFailed(ex -> {
            if (job != run) return;
            end();
            LOG.log(System.Logger.Level.WARNING, "learning a style failed", ex);
            phase.set(Phase.FAILED);
            status.set("Learning failed: " + ErrorMessages.oneLine(ex));
            message.say(status.get());
        });
        run.onCancelled(() -> {
            if (job != run) return;
            end();
            phase.set(corpus != null ? Phase.READY : Phase.EMPTY);
            status.set("Cancelled; nothing was written");
        });
        job = run;
        message.say("Learning the style '" + styleName + "' in the background");
        runner.run(LANE, run);
    }

    private void finished(Job<?> run, MelodyTrainer.Result r, String styleName) {
        if (job != run) return;
        end();
        if (r == null || !r.saved()) {
            phase.set(Phase.READY);
            progress.set(0);
            status.set("Stopped before the first epoch ended; nothing was written");
            message.say(status.get());
            checkName();
            return;
        }
        progress.set(1);
        phase.set(Phase.DONE);
        String id = MelodyModelCatalog.STYLES + "/" + styleName;
        learntId.set(id);
        status.set(String.format(Locale.ROOT, "Learnt '%s' in %.1f min: loss on your held-out bars %.3f → %.3f (%s; best epoch %d of %d)",
                styleName, r.seconds() / 60, r.initialValidationNll(), r.bestValidationNll(), r.stopReason(), r.bestEpoch(),
                r.epochs().size()));
        message.say("Learnt the style '" + styleName + "'; it is chosen in the Generate panel");
        checkName();
        learnt.accept(id);
    }

    private void end() {
        job = null;
        trainer = null;
        training.set(false);
        timeLeft.set("");
    }

    /**
     * Stops what runs: reading a folder stops at once; training stops after the current batch and keeps its
     * best epoch (before the first epoch ends, nothing is written).
     */
    public void cancel() {
        Job<?> j = job;
        if (j == null) return;
        if (phase.get() == Phase.SCANNING) {
            j.cancel();
            return;
        }
        if (phase.get() == Phase.TRAINING) {
            stopRequested = true;
            MelodyTrainer t = trainer;
            if (t != null) t.cancel();
            phase.set(Phase.STOPPING);
            status.set("Stopping after this batch; the best epoch so far is kept…");
        }
    }

    private void checkName() {
        try {
            catalog.newModelDir(MelodyModelCatalog.STYLES, name.get());
            nameProblem.set("");
        } catch (IllegalArgumentException e) {
            nameProblem.set(ErrorMessages.oneLine(e));
        }
    }

    /** Stops a running training at its next batch (the studio is closing). */
    @Override
    public void close() {
        stopRequested = true;
        MelodyTrainer t = trainer;
        if (t != null) t.cancel();
    }

    private static String trimmed(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The trainer's progress, as the job's progress and message and the chart's epochs. On the training thread. */
    private final class Watcher implements MelodyTrainer.Listener {
        private final Progress work;
        private final double budgetSeconds;
        private long startNanos;

        Watcher(Progress work, double budgetSeconds) {
            this.work = work;
            this.budgetSeconds = budgetSeconds;
        }

        @Override
        public void started(double initialValidationNll) {
            startNanos = System.nanoTime();
            runner.onUiThread(() -> startingNll.set(initialValidationNll));
            MelodyTrainer t = trainer;
            if (stopRequested && t != null) t.cancel();
        }

        @Override
        public void batch(int epoch, int done, int total, double trainNll) {
            if (stopRequested) {
                MelodyTrainer t = trainer;
                if (t != null) t.cancel();
            }
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            work.progress(Math.min(elapsed, budgetSeconds), budgetSeconds);
            work.message(String.format(Locale.ROOT, "Epoch %d · %d %% of the epoch · training loss %.3f", epoch,
                    Math.round(100.0 * done / total), trainNll));
            long left = Math.max(0, Math.round(budgetSeconds - elapsed));
            String text = String.format(Locale.ROOT, "at most %d:%02d left", left / 60, left % 60);
            runner.onUiThread(() -> {
                if (training.get()) timeLeft.set(text);
            });
        }

        @Override
        public void epoch(EpochReport report) {
            runner.onUiThread(() -> epochs.add(report));
        }
    }

    /** The epochs' figures as rows (epoch, training loss, validation loss), for tests and the chart's data. */
    public List<double[]> lossRows() {
        List<double[]> rows = new ArrayList<>();
        if (!Double.isNaN(startingNll.get())) rows.add(new double[] {0, Double.NaN, startingNll.get()});
        for (EpochReport e : epochs) rows.add(new double[] {e.epoch(), e.trainNll(), e.validationNll()});
        return rows;
    }
}
