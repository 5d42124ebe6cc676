package org.melodist.studio.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

import org.melodist.ErrorMessages;
import org.melodist.Plurals;
import org.melodist.feedback.FeedbackEntry;
import org.melodist.feedback.FeedbackLearning;
import org.melodist.feedback.FeedbackLog;
import org.melodist.generate.EncodedTune;
import org.melodist.generate.PreferenceTrainer;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.tasks.BackgroundRunner;
import org.melodist.studio.tasks.Job;

/**
 * The musician's judgements and the personal model learnt from them. Every Accept, Discard and thumbs up/down of
 * the Generate panel ends here as lines of the feedback log ({@link FeedbackLog}, appended on the runner, never on
 * the UI thread); the count shows in the panel and can be cleared. After {@link #LEARN_AFTER} judgements "Learn from
 * my choices" learns a personal model in the background with progress and cancel ({@link FeedbackLearning}), into
 * its own folder, which the model picker lists as a personal model; reset deletes it.
 */
public final class FeedbackViewModel {

    private static final System.Logger LOG = System.getLogger(FeedbackViewModel.class.getName());

    /** The runner lane of log writes and learning: one after the other. */
    static final String LANE = "feedback";
    /** Judgements before Learn from my choices is offered. */
    public static final int LEARN_AFTER = 30;
    /** The personal model's folder name inside its kind's folder. */
    public static final String PERSONAL_NAME = "mine";
    /** The learning settings the README's figures were measured with (evaluate-feedback), in a 10-minute budget. */
    public static final PreferenceTrainer.Options STUDIO_OPTIONS = PreferenceTrainer.Options.defaults();

    private final FeedbackLog log;
    private final Path personalDir;
    private final Supplier<Path> baseModel;
    private final Supplier<List<EncodedTune>> rehearsal;
    private final PreferenceTrainer.Options options;
    private final BackgroundRunner runner;

    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final ReadOnlyBooleanWrapper learning = new ReadOnlyBooleanWrapper(this, "learning", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper personalExists = new ReadOnlyBooleanWrapper(this, "personalExists", false);
    private final StatusMessage message = new StatusMessage(this);
    private final BooleanBinding canLearn;
    private Consumer<Path> onLearned = dir -> { };
    private Consumer<Path> onReset = dir -> { };
    private Job<FeedbackLearning.Report> job;

    /**
     * @param log         where judgements go (the user's {@code feedback.jsonl})
     * @param personalDir where the personal model is written (a folder the model picker lists)
     * @param baseModel   the model to start from and stay close to (the shipped one), asked when learning starts
     * @param rehearsal   tunes to rehearse while learning (the folk tunes when at hand), or null for self-written ones;
     *                    asked off the UI thread
     */
    public FeedbackViewModel(FeedbackLog log, Path personalDir, Supplier<Path> baseModel, Supplier<List<EncodedTune>> rehearsal,
                             PreferenceTrainer.Options options, BackgroundRunner runner) {
        this.log = log;
        this.personalDir = personalDir;
        this.baseModel = baseModel;
        this.rehearsal = rehearsal;
        this.options = options;
        this.runner = runner;
        canLearn = count.greaterThanOrEqualTo(LEARN_AFTER).and(learning.not());
        personalExists.set(Files.isDirectory(personalDir));
        runner.execute(LANE, () -> {
            int n = readCount();
            runner.onUiThread(() -> count.set(n));
        });
    }

    /** Called on the UI thread with the personal model's folder once it is written. */
    public void setOnLearned(Consumer<Path> action) {
        onLearned = action;
    }

    /** Called on the UI thread after the personal model was deleted. */
    public void setOnReset(Consumer<Path> action) {
        onReset = action;
    }

    // ---- state ------------------------------------------------------------------------------------

    /** How many judgements the log holds. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty learningProperty() {
        return learning.getReadOnlyProperty();
    }

    /** Progress of the learning run, 0-1 (-1 while it prepares). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True with enough judgements and no learning running. */
    public BooleanBinding canLearnProperty() {
        return canLearn;
    }

    /** True while a personal model is there. */
    public ReadOnlyBooleanProperty personalExistsProperty() {
        return personalExists.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public Path personalDir() {
        return personalDir;
    }

    public Path logFile() {
        return log.file();
    }

    /** "12 judgements · learn after 30", "42 judgements": for the panel. */
    public String describeCount() {
        int n = count.get();
        return n < LEARN_AFTER ? String.format(Locale.ROOT, "%s · Learn from my choices after %d", Plurals.count(n, "judgement"), LEARN_AFTER)
                : Plurals.count(n, "judgement");
    }

    /** The question asked before {@link #clear()}, by the panel's menu and by the Preferences. */
    public String clearQuestion() {
        return "Forget all " + Plurals.count(count.get(), "judgement") + "? The personal model stays until you reset it.";
    }

    // ---- commands -----------------------------------------------------------------------------------

    /** Appends judgements to the log (on the runner) and counts them at once. */
    public void record(List<FeedbackEntry> entries) {
        if (entries.isEmpty()) return;
        count.set(count.get() + entries.size());
        runner.execute(LANE, () -> {
            try {
                log.append(entries);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot write " + log.file(), e);
                runner.onUiThread(() -> message.say("Cannot save the judgement: " + ErrorMessages.oneLine(e)));
            }
        });
    }

    /** Forgets every judgement (the personal model, if any, stays until reset). */
    public void clear() {
        count.set(0);
        runner.execute(LANE, () -> {
            try {
                log.clear();
                runner.onUiThread(() -> message.say("Judgements cleared"));
            } catch (IOException e) {
                runner.onUiThread(() -> {
                    message.say("Cannot clear the judgements: " + ErrorMessages.oneLine(e));
                    count.set(readCount());
                });
            }
        });
    }

    /** Learns the personal model from the log in the background; it replaces the previous one when it is done. */
    public void learn() {
        if (!canLearn.get()) {
            if (!learning.get()) {
                message.say("Learn from my choices needs " + LEARN_AFTER + " judgements; there are " + count.get());
            }
            return;
        }
        Path base = baseModel.get();
        AtomicReference<PreferenceTrainer> trainer = new AtomicReference<>();
        Job<FeedbackLearning.Report> t = new Job<>("Learn from my choices", work -> {
            work.message("Preparing to learn from " + Plurals.count(count.get(), "judgement") + "…");
            work.progress(-1, 1);
            List<EncodedTune> tunes = rehearsal.get();
            PreferenceTrainer.Listener listener = new PreferenceTrainer.Listener() {
                @Override
                public void batch(int done, int total) {
                    work.progress(done, total);
                    if (work.isCancelled() && trainer.get() != null) trainer.get().cancel();
                }
            };
            return FeedbackLearning.learn(log.file(), base, personalDir, options, List.of(), tunes, null,
                    new PrintStream(PrintStream.nullOutputStream()), listener, tr -> {
                        trainer.set(tr);
                        work.message("Learning from your choices…");
                    });
        });
        t.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank()) message.say(n);
        });
        t.onSucceeded(report -> {
            finish();
            if (!report.result().saved()) {
                message.say("Learning stopped before its first pass; the personal model is unchanged");
                return;
            }
            personalExists.set(true);
            onLearned.accept(personalDir);
            message.say(String.format(Locale.ROOT, "Personal model learnt from %s in %.0f s and chosen · proposed temperature %.2f, top-p %.2f",
                    Plurals.count(report.judgements(), "judgement"), report.result().seconds(), report.proposal().temperature(), report.proposal().topP()));
        });
        t.onCancelled(() -> {
            finish();
            message.say("Learning cancelled; the personal model is unchanged");
        });
        t.onFailed(ex -> {
            finish();
            LOG.log(System.Logger.Level.WARNING, "learning from the judgements failed", ex);
            message.say("Learning failed: " + ErrorMessages.oneLine(ex));
        });
        job = t;
        learning.set(true);
        progress.bind(t.progressProperty());
        runner.run(LANE, t);
    }

    /** Stops a running learning run; the previous personal model stays. */
    public void cancelLearning() {
        Job<FeedbackLearning.Report> t = job;
        if (t != null) t.cancel();
    }

    /** Deletes the personal model; the judgements stay, so it can be learnt again. */
    public void resetPersonal() {
        if (learning.get()) {
            message.say("Wait for learning to end (or cancel it) before resetting");
            return;
        }
        runner.execute(LANE, () -> {
            try {
                deleteTree(personalDir);
                runner.onUiThread(() -> {
                    personalExists.set(false);
                    message.say("Personal model reset; generating with the base model");
                    onReset.accept(personalDir);
                });
            } catch (IOException e) {
                runner.onUiThread(() -> message.say("Cannot reset the personal model: " + ErrorMessages.oneLine(e)));
            }
        });
    }

    private void finish() {
        progress.unbind();
        progress.set(0);
        learning.set(false);
        job = null;
    }

    private int readCount() {
        try {
            return log.count();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + log.file(), e);
            return 0;
        }
    }

    /**
     * The shipped model's own training tunes to rehearse while learning, when the shared folk tunes are at hand (a
     * developer's machine); null otherwise, for tunes the shipped model writes itself. Reads files: call off the UI thread.
     */
    public static List<EncodedTune> folkRehearsal() {
        return org.melodist.SharedData.data("nottingham/melody").map(dir -> {
            try {
                return org.melodist.generate.MelodyCorpus.load(dir, org.melodist.generate.MelodyEncoding.DEFAULT, line -> { }).train();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read the folk tunes in " + dir + "; rehearsing self-written tunes", e);
                return null;
            }
        }).orElse(null);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
