package org.melodist.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.melodist.AtomicFiles;

/**
 * The {@code MODEL_CARD.md} a training run writes beside its weights: where the data came from and what was
 * skipped, the settings, the validation figures per epoch, how the result compares with the starting model,
 * why fine-tuning uses the settings it uses, and the command that reproduces the run.
 */
final class ModelCard {

    static final String FILE = "MODEL_CARD.md";

    /**
     * Why {@link TrainingOptions#fineTuneDefaults()} are what they are: measured on the Bach chorale sopranos
     * against the shipped folk model (README, "Style learning", has the full table and the command).
     */
    static final String FINE_TUNE_CHOICES = """
            Why these settings. Two copies of the starting model are fine-tuned side by side, one thread each (a two-core
            machine trains both in the minutes one takes), and joined into one network whose logits are their mean: on the
            chorales below the joined network's validation NLL was 2-3 % below either member's, more than any setting of one
            network gained. The rate is held for the first 60 % of the run and then falls along a half cosine to 0, with no
            early stop: chorale test -41.9 %, -42.3 % and -41.3 % against the starting model on three seed pairs, folk
            +7.1 %, +7.3 % and +8.6 %, in 10.1 minutes each (with the rate halved after each epoch without a validation gain and early stopping after 4:
            -39.6 %, -38.5 % and -39.6 %, folk +5.6 % to +7.0 %; every halving was followed by a drop in validation loss, and
            the members whose first halving came latest ended lowest). One network with the settings below: -38.7 %, folk
            +6.1 %. Each batch
            holds rows of about one length, and rehearsal rows apart: random batches were 29 % padding, and an epoch took a
            third longer for the same learning (with them: -40.0 %, -39.2 % and -39.2 %, folk +5.4 % to +8.0 %, 19-20 minutes
            of CPU a run against 14.5-17.5). Less rehearsal (0.15)
            scored better on validation but let the folk tunes get 10.1 % worse on one seed pair of three, so the quarter
            stays. Fine-tuning starts from the model's weights and vocabulary and keeps what it knew by
            rehearsal: every epoch also trains on a quarter window of the old style for each window of the new files
            (the starting model's corpus with `--rehearse DIR`, else tunes the starting model writes itself), learnt by
            distillation: toward the frozen starting model's whole next-step distribution on those windows, not toward
            the notes written in them. It learns on rows of 256 steps (a whole chorale; before, 128), so the network
            learns with the context a whole tune is scored with. On the chorales below, with self-rehearsal, the two took the chorale test NLL from 0.419 to 0.408 (-36.9 % to -38.6 % against the
            starting model) and folk forgetting from +12.3 % to +6.2 % (the limit asked is 10 %), best epoch 17 of 21.
            Each alone: rows of 256 steps 0.405 (-39.0 %) but folk +10.7 % (epoch 19); distillation with rows of 128
            and a moving average of the weights (`--average 0.995`) 0.417 (-37.3 %), folk +7.9 %. Less rehearsal
            (`--rehearse-share 0.15`) learns more of the new style but keeps the folk tunes within the 10 % asked on one
            seed only: chorale validation 0.4076 and 0.4126 on seeds 1 and 2 (a quarter: 0.4136 and 0.4120), folk
            +8.7 % and +10.4 % (a quarter: +6.1 % and +8.1 %); 0.10 forgot more (+10.0 %); so the quarter stays. Last, one temperature is fitted on the validation
            share and folded into the output layer (below): a fine-tuned model ends a little over-confident (T 1.06
            here: validation 0.4136 -> 0.4126, test 0.408 -> 0.407, folk +6.2 % -> +6.1 %). It
            learns in batches of 4 rows with Adam at half the from-scratch learning rate (1e-3), held and then
            falling as above, keeping the epoch with the best loss on the user's own validation share, each tune in 3
            random keys per epoch. Notes outside the model's pitch range move with
            their whole tune by octaves (intervals kept) and are counted above. Chosen on the J. S. Bach chorale sopranos (229 training
            files, 76 validation, 77 test) starting from the shipped Nottingham folk model (chorale validation NLL
            0.646, test 0.664; folk validation 0.784). Rehearsal, short runs:

            | run | chorale test NLL | folk validation NLL |
            |---|---|---|
            | no rehearsal, lr 5e-4, 3 epochs x 3 keys | 0.479 (-27.8 %) | 1.029 (+31.2 %) |
            | no rehearsal, lr 2e-3, 2 epochs x 3 keys | 0.476 (-28.2 %) | 1.151 (+46.7 %) |
            | rehearsal 0.5, lr 1e-3, 5 epochs x 1 key | 0.493 (-25.7 %) | 0.816 (+4.1 %) |
            | rehearsal 0.25, lr 1e-3, 5 epochs x 1 key | 0.488 (-26.5 %) | 0.835 (+6.5 %) |

            Without rehearsal the folk tunes got 31-47 % worse for a 1-2 point gain on the chorales; a quarter
            share keeps folk within about 10 % and loses less of the new style than half. Learning speed per CPU
            second (no rehearsal, 3 keys per epoch, chorale validation NLL; CPU seconds of the process per epoch):

            | run | after 1 epoch | after 2 epochs | CPU s per epoch |
            |---|---|---|---|
            | batch 32, lr 1e-3 | 0.4854 | | 25 |
            | batch 16, lr 1e-3 | 0.4812 | | 23 |
            | batch 8, lr 1e-3 | 0.4764 | 0.4677 | 21 |
            | batch 8, lr 2e-3 | 0.4725 | 0.4665 | 20 |
            | batch 8, lr 1e-3, own key + 2 random | 0.4752 | 0.4653 | 22 |
            | batch 4, lr 1e-3 | 0.4711 | 0.4632 | 25 |
            | batch 4 x 256 steps, lr 1e-3 | 0.4756 | 0.4644 | 26 |
            | batch 8, own key only (1 key per epoch) | 0.4879 | 0.4711 | 8 |

            A batch costs CPU in proportion to its steps, so a quarter of the batch gives four times the updates
            for the same CPU, and learns faster; batch 4 gains a little more per epoch but no more per CPU second.
            Own key only over-fits from epoch 4 on (training NLL 0.38, validation rising from 0.464), so other keys
            stay (`--own-key` keeps the own key among them; a small gain in 2 epochs, not measured further). A lower
            rate late helps: from a batch-8 run's epoch-9 checkpoint (validation 0.4406), one epoch at a quarter of
            the rate reached 0.4313 while the constant rate reached 0.4393; the halving after an epoch without gain
            gives that late (epochs 12-16 in the full run), while a half-cosine fall from 2e-3 with the halving on top
            fell too soon and levelled off higher (0.4367 by epoch 12 against 0.4258 by epoch 17). The
            README's *Style learning* section has the full runs (base, fine-tuned and from scratch side by side,
            folk forgetting, CPU and wall time).
            """;

    private ModelCard() {
    }

    static void write(Path dir, MelodyCorpus corpus, TrainingOptions opt, Path init, MelodyTrainer.Result result,
                      MelodyModelConfig config, String command, String rehearsal,
                      TemperatureCalibration.Fit calibration, List<MelodyTrainer.Result> members) throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean fineTuned = init != null;
        sb.append("# Melodist melody model (").append(fineTuned ? "fine-tuned style" : "trained").append(")\n\n");
        sb.append(String.format(Locale.ROOT, "Generated by `melodist train` on %s. Load it with `--model %s` (generate, evaluate).%n%n",
                LocalDate.now(ZoneOffset.UTC), dir.getFileName().toString().replaceFirst("^\\.(.*)\\.training$", "$1")));
        if (command != null) {
            sb.append("Reproduce:\n\n```\n").append(command).append("\n```\n\n");
        }
        sb.append("## Data\n\n");
        for (String line : corpus.summary()) {
            sb.append("- ").append(line).append('\n');
        }
        sb.append("- ").append(corpus.losses().summary()).append('\n');
        sb.append(String.format(Locale.ROOT, "- %d training tunes (%,d steps), %d validation tunes (%,d steps)%n%n",
                corpus.train().size(), corpus.trainSteps(), corpus.validation().size(), corpus.validationSteps()));
        List<MelodyCorpus.FileReport> skipped = corpus.files().stream().filter(f -> !f.taken()).toList();
        if (!skipped.isEmpty()) {
            sb.append("Skipped files:\n\n");
            skipped.stream().limit(50).forEach(f -> sb.append("- ").append(f.file()).append(": ").append(f.detail()).append('\n'));
            if (skipped.size() > 50) {
                sb.append("- ... and ").append(skipped.size() - 50).append(" more\n");
            }
            sb.append('\n');
        }
        sb.append("## Model and settings\n\n");
        sb.append(String.format(Locale.ROOT, "LSTM over a 16th-note grid: embedding %d, hidden %d x %d layers, dropout %.2f, "
                        + "pitches %d-%d (%d tokens).%s%n%n",
                config.embedding(), config.hidden(), config.layers(), config.dropout(), config.minPitch(), config.maxPitch(),
                config.vocabularySize(), fineTuned ? " Sizes and vocabulary are the starting model's: `" + init.toAbsolutePath().normalize() + "`." : ""));
        sb.append(String.format(Locale.ROOT, "Adam, learning rate %.4g (%s), batch %d x %d steps, "
                        + "gradient-norm clip %.1f, patience %d, at most %d epochs%s, %d key(s) per tune per epoch%s, seed %d%s.%n%n",
                opt.learningRate(), opt.lrDecay() ? String.format(Locale.ROOT, "held for the first %.0f %% of the epochs or the time budget, then falling along a half cosine to 0",
                        MelodyTrainer.HOLD * 100)
                        : "halved after an epoch without a validation gain",
                opt.batchSize(), opt.window(), opt.clipNorm(), opt.patience(), opt.epochs(),
                opt.maxMinutes() > 0 ? String.format(Locale.ROOT, " or %.1f minutes", opt.maxMinutes()) : "", opt.keysPerEpoch(),
                opt.ownKey() ? " (its own and random others)" : "", opt.seed(),
                fineTuned && opt.anchor() > 0 ? String.format(Locale.ROOT, ", L2 pull %.4g toward the starting weights", opt.anchor()) : ""));
        if (fineTuned) {
            sb.append("Rehearsal: ").append(rehearsal);
            if (opt.distill() && !"none".equals(rehearsal)) {
                sb.append("; the rehearsal windows are learnt toward the starting model's whole next-step distribution (distillation), not its sampled notes");
            }
            sb.append(".\n\n");
        }
        if (opt.averaging() > 0) {
            sb.append(String.format(Locale.ROOT, "Weight averaging: a moving average of the weights (decay %.4g per update) is what is validated "
                    + "and kept.%n%n", opt.averaging()));
        }
        if (!members.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "Members: %d copies of the starting model were fine-tuned side by side, one thread each, with seeds "
                    + "%d-%d (each its own order of windows, keys and dropout, and its own early stopping), then joined into one network "
                    + "%d times as wide whose logits are the mean of theirs (embeddings stacked, the members' LSTMs side by side, each on "
                    + "its own share of the embedding, heads averaged), so it scores and generates like any model. The sizes above are the "
                    + "joined network's, all members together.%n%n",
                    members.size(), opt.seed(), opt.seed() + members.size() - 1, members.size()));
        }
        if (fineTuned) {
            sb.append(FINE_TUNE_CHOICES).append('\n');
        }
        sb.append("## Figures\n\n");
        sb.append("Per 16th-note step on the validation tunes (").append(corpus.split().isEmpty() ? MelodyCorpus.SPLIT_BY_NAME : corpus.split())
                .append("):\n\n| epoch | train NLL | validation NLL | validation accuracy | seconds | CPU seconds |\n|---|---|---|---|---|---|\n");
        if (fineTuned) {
            sb.append(String.format(Locale.ROOT, "| 0 (starting model) | | %.4f | | | |%n", result.initialValidationNll()));
        }
        for (MelodyTrainer.EpochReport r : result.epochs()) {
            sb.append(String.format(Locale.ROOT, "| %d%s | %.4f | %.4f | %.1f %% | %.0f | %.0f |%n", r.epoch(), r.epoch() == result.bestEpoch() && members.isEmpty() ? " (kept)" : "",
                    r.trainNll(), r.validationNll(), 100 * r.validationAccuracy(), r.seconds(), r.cpuSeconds()));
        }
        if (!members.isEmpty()) {
            sb.append("\nThe rows above are the members' means. Each member kept its own best epoch:\n\n| member | seed | epochs run | kept epoch | validation NLL | minutes | stopped |\n|---|---|---|---|---|---|---|\n");
            for (int k = 0; k < members.size(); k++) {
                MelodyTrainer.Result m = members.get(k);
                sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %s | %.1f | %s |%n", k + 1, opt.seed() + k, m.epochs().size(),
                        m.saved() ? Integer.toString(m.bestEpoch()) : "none", m.saved() ? String.format(Locale.ROOT, "%.4f", m.bestValidationNll()) : "",
                        m.seconds() / 60, m.stopReason()));
            }
            sb.append(String.format(Locale.ROOT, "%nJoined: validation NLL **%.4f**, accuracy %.1f %%", result.bestValidationNll(),
                    100 * result.bestValidationAccuracy()));
        } else {
            sb.append(String.format(Locale.ROOT, "%nKept: epoch %d, validation NLL **%.4f**, accuracy %.1f %%", result.bestEpoch(),
                    result.bestValidationNll(), 100 * result.bestValidationAccuracy()));
        }
        if (fineTuned && Double.isFinite(result.initialValidationNll())) {
            sb.append(String.format(Locale.ROOT, " (starting model %.4f: %.1f %% lower)", result.initialValidationNll(),
                    100 * (1 - result.bestValidationNll() / result.initialValidationNll())));
        }
        sb.append(String.format(Locale.ROOT, ". Stopped: %s; %.1f minutes in all (CPU time of the process: %.1f minutes).%n",
                result.stopReason(), result.seconds() / 60, result.cpuSeconds() / 60));
        if (calibration != null) {
            sb.append(String.format(Locale.ROOT, "%nCalibration: the temperature that gives the validation tunes the lowest NLL, **%.3f**, is folded "
                            + "into the output layer (its weights and bias divided by it; `config.json` has it under `training.calibration`), so "
                            + "scoring and generating use it and a sampling temperature multiplies it: validation NLL %.4f -> **%.4f**.%n",
                    calibration.temperature(), calibration.nllBefore(), calibration.nllAfter()));
        }
        AtomicFiles.replace(dir.resolve(FILE), tmp -> Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8));
    }
}
