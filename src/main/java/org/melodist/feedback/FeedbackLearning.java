package org.melodist.feedback;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.melodist.AtomicFiles;
import org.melodist.generate.Continuation;
import org.melodist.generate.EncodedTune;
import org.melodist.generate.MelodyEncoding;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModelConfig;
import org.melodist.generate.MelodyScorer;
import org.melodist.generate.PreferenceTrainer;

/**
 * Learns a personal melody model from a feedback log: reads it (bad lines are reported and skipped), pairs kept and
 * dropped continuations of the same seed, learns with {@link PreferenceTrainer} against the starting model, proposes the
 * sampling settings the musician keeps, and writes a model folder whose {@code config.json} marks it personal
 * ({@link #KIND}) and whose {@code MODEL_CARD.md} has the figures, including the held-out folk NLL drift when the folk
 * tunes are at hand.
 */
public final class FeedbackLearning {

    /** {@code training.kind} of a personal model's config. */
    public static final String KIND = "personal";

    /** What a run did. {@code heldOutNllBefore/After} are NaN when no held-out tunes were given. */
    public record Report(int judgements, int accepted, List<String> problems, int skipped, PreferencePairs pairing,
                         SamplingPreferences.Proposal proposal, PreferenceTrainer.Result result, double heldOutNllBefore,
                         double heldOutNllAfter, int heldOutTunes) {

        public double heldOutDrift() {
            return heldOutNllAfter / heldOutNllBefore - 1;
        }
    }

    private FeedbackLearning() {
    }

    /** True when the model folder's config marks it as learned from a musician's judgements. */
    public static boolean isPersonal(MelodyModelConfig config) {
        return KIND.equals(config.training().get("kind"));
    }

    /** The sampling settings a personal model proposes (learnt from the settings whose variations the musician kept). */
    public record ProposedSettings(double temperature, double topP) {
    }

    /**
     * The settings a personal model's config proposes; empty when the model is not personal, records none, or its log held
     * too few judgements per setting to propose any ({@code proposedFromJudgements} false).
     */
    public static java.util.Optional<ProposedSettings> proposedSettings(MelodyModelConfig config) {
        Map<String, Object> t = config.training();
        if (!isPersonal(config) || Boolean.FALSE.equals(t.get("proposedFromJudgements"))
                || !(t.get("proposedTemperature") instanceof Number temperature)) {
            return java.util.Optional.empty();
        }
        double topP = t.get("proposedTopP") instanceof Number p ? p.doubleValue() : 1.0;
        return java.util.Optional.of(new ProposedSettings(temperature.doubleValue(), topP));
    }

    /**
     * Learns from the judgements in {@code log} starting from the model in {@code base}, writes {@code out}.
     * {@code heldOut} (may be empty) are tunes scored before and after, for the drift figure; {@code rehearsal} are tunes to
     * rehearse (the starting model's training tunes), or null for melodies the starting model writes itself.
     */
    public static Report learn(Path log, Path base, Path out, PreferenceTrainer.Options options, List<EncodedTune> heldOut,
                               List<EncodedTune> rehearsal, String command, PrintStream ps, PreferenceTrainer.Listener listener,
                               java.util.function.Consumer<PreferenceTrainer> started) throws IOException {
        if (!Files.isRegularFile(log)) {
            throw new java.nio.file.NoSuchFileException(log.toString(), null, "feedback log not found");
        }
        FeedbackLog.Read read = new FeedbackLog(log).read();
        read.problems().forEach(ps::println);
        List<FeedbackEntry> entries = read.entries();
        MelodyEncoding enc = MelodyModel.readConfig(base).encoding();
        Map<FeedbackEntry, Continuation> encoded = new IdentityHashMap<>();
        List<FeedbackEntry> usable = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < entries.size(); i++) {
            FeedbackEntry e = entries.get(i);
            try {
                encoded.put(e, Continuation.encode(enc, e.seed(), e.candidate(), e.ppq(), e.timeSignature()));
                usable.add(e);
            } catch (IllegalArgumentException ex) {
                skipped++;
                ps.println(log.getFileName() + " line " + read.lines().get(i) + ": " + ex.getMessage() + "; not learnt from");
            }
        }
        int accepted = (int) usable.stream().filter(FeedbackEntry::accepted).count();
        PreferencePairs pairing = PreferencePairs.of(usable);
        SamplingPreferences.Proposal proposal = SamplingPreferences.propose(usable);
        ps.printf(Locale.ROOT, "%s: %d judgements (%d kept, %d dropped) on %d seeds%s; %d pairs, %d judged alone%n", log,
                usable.size(), accepted, usable.size() - accepted, pairing.seeds(),
                read.problems().size() + skipped > 0 ? ", " + (read.problems().size() + skipped) + " lines skipped" : "",
                pairing.pairs().size(), pairing.singles().size());
        ps.println("proposed sampling settings: " + proposal.describe());
        if (usable.isEmpty()) {
            throw new IllegalArgumentException(log + ": no judgements to learn from");
        }
        List<PreferenceTrainer.Pair> pairs = new ArrayList<>();
        for (PreferencePairs.Pair p : pairing.pairs()) {
            pairs.add(new PreferenceTrainer.Pair(encoded.get(p.chosen()), encoded.get(p.rejected())));
        }
        List<PreferenceTrainer.Single> singles = new ArrayList<>();
        for (FeedbackEntry e : pairing.singles()) {
            singles.add(new PreferenceTrainer.Single(encoded.get(e), e.accepted()));
        }
        double before = Double.NaN;
        if (!heldOut.isEmpty()) {
            try (MelodyModel m = MelodyModel.load(base)) {
                before = MelodyScorer.score(m, heldOut).nll();
            }
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("kind", KIND);
        training.put("baseModel", base.toAbsolutePath().normalize().toString());
        training.put("feedbackLog", log.toAbsolutePath().normalize().toString());
        training.put("judgements", usable.size());
        training.put("acceptedJudgements", accepted);
        training.put("proposedTemperature", proposal.temperature());
        training.put("proposedTopP", proposal.topP());
        training.put("proposedFromJudgements", proposal.fromLog());
        training.put("learnedOn", LocalDate.now(ZoneOffset.UTC).toString());
        training.put("rehearsal", rehearsal == null ? "tunes the starting model wrote itself" : rehearsal.size() + " given tunes");
        PreferenceTrainer trainer = new PreferenceTrainer(ps, listener);
        started.accept(trainer);
        double nllBefore = before;
        double[] after = {Double.NaN};
        int usableCount = usable.size();
        PreferenceTrainer.Result result = trainer.learn(base, pairs, singles, options, rehearsal, out, training, (staging, r) -> {
            if (!heldOut.isEmpty()) {
                try (MelodyModel m = MelodyModel.load(staging)) {
                    after[0] = MelodyScorer.score(m, heldOut).nll();
                }
            }
            writeCard(staging, base, log, command, rehearsal == null ? options.rehearsalTunes() + " melodies the starting model wrote itself"
                    : "windows of " + rehearsal.size() + " of its training tunes", options, usableCount, accepted, pairing, proposal, r, nllBefore, after[0], heldOut.size());
        });
        if (!heldOut.isEmpty() && result.saved()) {
            ps.printf(Locale.ROOT, "held-out folk NLL: starting model %.4f, personal model %.4f (%+.1f %%) on %d tunes%n",
                    nllBefore, after[0], 100 * (after[0] / nllBefore - 1), heldOut.size());
        }
        return new Report(usable.size(), accepted, read.problems(), skipped, pairing, proposal, result, nllBefore, after[0], heldOut.size());
    }

    private static void writeCard(Path dir, Path base, Path log, String command, String rehearsalText, PreferenceTrainer.Options o, int judgements,
                                  int accepted, PreferencePairs pairing, SamplingPreferences.Proposal proposal,
                                  PreferenceTrainer.Result r, double before, double after, int heldOutTunes) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Melodist melody model (personal: learnt from a musician's choices)\n\n");
        sb.append(String.format(Locale.ROOT, "Generated by `melodist learn-feedback` on %s from `%s`, starting from `%s`. "
                + "Load it with `--model DIR` (generate, evaluate) or pick it in the studio.%n%n", LocalDate.now(ZoneOffset.UTC), log, base));
        if (command != null) {
            sb.append("Reproduce:\n\n```\n").append(command).append("\n```\n\n");
        }
        sb.append("## Data\n\n");
        sb.append(String.format(Locale.ROOT, "- %d judgements (%d kept, %d dropped) on %d seeds, from the studio's feedback log%n",
                judgements, accepted, judgements - accepted, pairing.seeds()));
        sb.append(String.format(Locale.ROOT, "- %d preference pairs (a kept and a dropped continuation of the same seed), %d continuations judged alone%n%n",
                pairing.pairs().size(), pairing.singles().size()));
        sb.append("## Method and settings\n\n");
        sb.append(String.format(Locale.ROOT, "DPO against the starting model as the frozen reference (beta %.3g) on the pairs; for continuations "
                        + "judged alone, the one-sided form (a dropped one is pushed below the reference, a kept one above, weight %.2f); "
                        + "plus %.2f x the NLL of %s, which holds the model near it; "
                        + "plus %.2f x the kept continuations' own NLL. Adam lr %.3g after a one-pass warm-up, %d judgements per batch, %d passes at most, "
                        + "%.1f minutes at most, gradient-norm clip %.1f, seed %d. Drift guard: a pass is kept only while the NLL of held-out rehearsal "
                        + "tunes stays within %.0f %% of the starting model's.%n%n",
                o.beta(), o.singleWeight(), o.rehearsalWeight(), rehearsalText, o.keptWeight(), o.learningRate(), o.itemsPerBatch(), o.epochs(),
                o.maxMinutes(), o.clipNorm(), o.seed(), 100 * o.maxDrift()));
        if (o.endSteps() > 0) {
            sb.append(String.format(Locale.ROOT, "The model is told how many steps are left to the end of the continuation it writes (up to %d): an "
                    + "input added at zero, so it starts as the base model, and trained on the judged continuations only (rehearsal and the "
                    + "held-out NLL below are whole tunes, without it).%n%n", o.endSteps()));
        }
        sb.append("Proposed sampling settings: ").append(proposal.describe()).append(".\n\n");
        sb.append("## Figures\n\n| pass | loss | pairs ranked right | mean reward margin | held-out rehearsal NLL | seconds |\n|---|---|---|---|---|---|\n");
        sb.append(String.format(Locale.ROOT, "| 0 (starting model) | | %s | 0 | %.4f | |%n", pct(r.pairAccuracyBefore()), r.rehearsalNllBefore()));
        for (PreferenceTrainer.EpochReport e : r.epochs()) {
            sb.append(String.format(Locale.ROOT, "| %d%s | %.4f | %s | %+.3f | %.4f | %.1f |%n", e.epoch(), e.epoch() == r.keptPass() ? " (kept)" : "", e.loss(), pct(e.pairAccuracy()),
                    e.meanRewardMargin(), e.rehearsalNll(), e.seconds()));
        }
        if (heldOutTunes > 0) {
            sb.append(String.format(Locale.ROOT, "%nHeld-out folk NLL (%d Nottingham validation tunes): starting model %.4f, this model %.4f (%+.1f %%).%n",
                    heldOutTunes, before, after, 100 * (after / before - 1)));
        } else {
            sb.append("\nHeld-out folk NLL: not measured (the folk tunes were not at hand); the held-out rehearsal NLL above tracks the drift.\n");
        }
        sb.append(String.format(Locale.ROOT, "%nStopped: %s; %.1f s in all. Acceptance by simulated musicians: README, *Learning from your choices*.%n",
                r.stopReason(), r.seconds()));
        AtomicFiles.replace(dir.resolve("MODEL_CARD.md"), tmp -> Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
