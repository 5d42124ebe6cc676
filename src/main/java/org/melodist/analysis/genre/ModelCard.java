package org.melodist.analysis.genre;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Writes MODEL_CARD.md for a trained genre model: data, provenance, settings, measured accuracy, retraining. */
final class ModelCard {

    private ModelCard() {
    }

    static String markdown(TrainingReport report, Path csv, String csvSha256, long modelBytes) {
        CrossValidationResult win = report.winnerResult();
        List<String> genres = win.genres();
        StringBuilder md = new StringBuilder();
        md.append("# Melodist genre model\n\n");
        TrainingReport.SplitFigures split = report.split().orElse(null);
        if (split == null) {
            md.append(String.format(Locale.ROOT, "Shipped model: **%s**, %.1f %% accuracy in stratified %d-fold "
                    + "cross-validation on %d clips (seed %d). Trained %s by `melodist train-genre`.%n%n",
                    report.winner().cliName(), 100 * win.accuracy(), report.folds(), report.rows(), report.seed(),
                    LocalDate.now(ZoneOffset.UTC)));
        } else {
            md.append(String.format(Locale.ROOT, "Shipped model: **%s**, chosen by its accuracy on a held-out split "
                    + "that keeps artists apart: **%.1f %%** (trained on the %d clips of `%s`, tested on the %d of "
                    + "`%s`). In stratified %d-fold cross-validation on %d clips (seed %d), which flatters every "
                    + "model, it scores %.1f %%. Trained %s by `melodist train-genre`.%n%n", report.winner().cliName(),
                    100 * splitResult(report, split).accuracy(), split.trainRows(), split.trainList(),
                    split.testRows(), split.testList(),
                    report.folds(), report.rows(), report.seed(), win.accuracy() * 100,
                    LocalDate.now(ZoneOffset.UTC)));
        }

        md.append("## What it does\n\n");
        md.append("Given the GTZAN-style summary features of a 30-second window of audio (mean and variance of "
                + "chroma, RMS, spectral centroid, bandwidth, roll-off, zero-crossing rate, HPSS harmonic and "
                + "percussive parts, tempo and 20 MFCCs: the columns of `features_30_sec.csv` except `filename`, "
                + "`length` and `label`), it gives a probability for each of the ten genres: "
                + String.join(", ", genres) + ". Longer recordings are cut into successive 30-second windows; the "
                + "recording's estimate is the mean of the windows' probabilities.\n\n");
        md.append("The features must be computed the way librosa computes them (mono, 22,050 Hz, n_fft 2048, "
                + "hop 512, Hann window, centred frames, 128-band Slaney mel, power in dB); Melodist's extractor "
                + "is tested against librosa 0.10.1 reference values for that reason.\n\n");

        md.append("## Data, provenance and licence\n\n");
        md.append(String.format(Locale.ROOT, "- Training table: `%s`, %d rows (SHA-256 `%s`).%n",
                csv.getFileName(), report.rows(), csvSha256));
        md.append("- 1,000 clips of 30 seconds, 100 per genre, from the GTZAN genre collection (Tzanetakis & "
                + "Cook, 2002). The audio is not part of Melodist; only the feature table was used.\n");
        md.append("- Provenance: the public GTZAN feature table distributed with the Kaggle dataset \"GTZAN "
                + "Dataset - Music Genre Classification\", copied from a public repository that redistributes it "
                + "(see `shared/data/README.md`).\n");
        md.append("- Licence: GTZAN is a research collection assembled from recordings whose rights remain with "
                + "their owners; no licence for the audio is stated by its distributors. The model holds only "
                + "statistics learned from summary features, never audio. Treat the model as a research-grade "
                + "aid, not an authority.\n");
        md.append("- Known faults of GTZAN (Sturm, 2012): exact and near duplicates, several excerpts of one "
                + "recording, some mislabellings, artist repetition. Random folds therefore overstate accuracy: "
                + "on an artist-disjoint split the same features reach roughly 50-55 %. Expect lower accuracy on "
                + "music unlike late-1990s/early-2000s GTZAN material, and genres outside the ten are always "
                + "forced into one of them.\n\n");

        md.append("## Protocol and settings\n\n");
        md.append(String.format(Locale.ROOT, "- Stratified %d-fold cross-validation, folds fixed by seed %d "
                + "(every model saw the same folds). In each fold the standardisation (mean, population standard "
                + "deviation per feature) is fitted on the training rows only.%n", report.folds(), report.seed()));
        md.append("- Models compared (settings fixed in advance, not tuned on the folds):\n");
        for (CrossValidationResult r : report.results()) {
            md.append("  - `").append(r.kind().cliName()).append("`: ").append(r.kind().settings()).append('\n');
        }
        md.append(split == null
                ? "- The most accurate model was then fitted on all rows, with the standardisation fitted on all "
                        + "rows.\n"
                : "- Each model was also trained on the held-out split's training clips only and scored on its test "
                        + "clips; the most accurate there was then fitted on all rows, with the standardisation "
                        + "fitted on all rows.\n");
        md.append(String.format(Locale.ROOT, "- Final fit took %.1f s; the serialised model is %,d bytes.%n%n",
                report.fitSeconds(), modelBytes));

        if (split != null) {
            md.append("## Held-out accuracy on a split that keeps artists apart\n\n");
            md.append(split.description().isBlank() ? "" : split.description().strip() + "\n\n");
            md.append(String.format(Locale.ROOT, "Each model trained on the %d clips of `%s` only and tested on the "
                    + "%d clips of `%s`:%n%n", split.trainRows(), split.trainList(), split.testRows(),
                    split.testList()));
            md.append("| model | held-out split | 10-fold CV |\n|---|---|---|\n");
            for (int i = 0; i < report.results().size(); i++) {
                CrossValidationResult r = report.results().get(i);
                md.append(String.format(Locale.ROOT, "| %s%s | %.1f %% | %.1f %% |%n", r.kind().cliName(),
                        r.kind() == report.winner() ? " (shipped)" : "", 100 * split.results().get(i).accuracy(),
                        100 * r.accuracy()));
            }
            md.append("\n### Confusion matrix of the shipped model on the split's test clips (rows: true genre, "
                    + "columns: predicted)\n\n");
            md.append(confusionTable(splitResult(report, split)));
            md.append('\n');
        }
        md.append("## Cross-validation accuracy\n\n");
        md.append("| model | accuracy | fold std. dev. | time for all folds |\n|---|---|---|---|\n");
        for (CrossValidationResult r : report.results()) {
            md.append(String.format(Locale.ROOT, "| %s%s | %.1f %% | %.1f | %.0f s |%n", r.kind().cliName(),
                    r.kind() == report.winner() ? " (shipped)" : "", 100 * r.accuracy(),
                    100 * r.foldAccuracyStdDev(), r.seconds()));
        }
        md.append("\n### Accuracy per genre (recall)\n\n| genre |");
        for (CrossValidationResult r : report.results()) {
            md.append(' ').append(r.kind().cliName()).append(" |");
        }
        md.append("\n|---|");
        report.results().forEach(r -> md.append("---|"));
        md.append('\n');
        for (int g = 0; g < genres.size(); g++) {
            md.append("| ").append(genres.get(g)).append(" |");
            for (CrossValidationResult r : report.results()) {
                md.append(String.format(Locale.ROOT, " %.0f %% |", 100 * r.perClassAccuracy()[g]));
            }
            md.append('\n');
        }
        md.append("\n### Confusion matrix of the shipped model (rows: true genre, columns: predicted)\n\n");
        md.append(confusionTable(win));

        md.append("\n## Files\n\n");
        md.append("- `" + GenreModelStore.MODEL_FILE + "`: the fitted Smile 3.1.1 model with its scaler, Java "
                + "serialisation (read with a class filter that admits only Smile, JDK and Melodist genre "
                + "classes).\n");
        md.append("- `" + GenreModelStore.JSON_FILE + "`: feature names in order, genre labels in order, scaler "
                + "means and scales, SHA-256 of the model file, cross-validation accuracies.\n");
        md.append("- `MODEL_CARD.md`: this file.\n\n");

        md.append("## How to retrain\n\n");
        md.append("```\nmvn -B -o -q package -DskipTests\n");
        md.append(String.format(Locale.ROOT, "java -jar target/melodist.jar train-genre --csv %s --out models/genre"
                + " --folds %d --seed %d%s%n```%n%n", "../shared/data/gtzan-features/features_30_sec.csv",
                report.folds(), report.seed(), split == null ? ""
                        : " --select-by-train " + split.trainList() + " --select-by-test " + split.testList()));
        md.append("The same table, folds and seed reproduce the figures above (tree ensembles are seeded; "
                + "multi-threaded fitting may change the last digit of timings, not the folds).\n");
        return md.toString();
    }

    private static CrossValidationResult splitResult(TrainingReport report, TrainingReport.SplitFigures split) {
        return split.results().stream().filter(r -> r.kind() == report.winner()).findFirst().orElseThrow();
    }

    static String confusionTable(CrossValidationResult r) {
        List<String> genres = r.genres();
        int[][] c = r.confusion();
        StringBuilder md = new StringBuilder("| true \\ predicted |");
        for (String g : genres) {
            md.append(' ').append(g).append(" |");
        }
        md.append("\n|---|");
        genres.forEach(g -> md.append("---|"));
        md.append('\n');
        for (int t = 0; t < genres.size(); t++) {
            md.append("| ").append(genres.get(t)).append(" |");
            for (int p = 0; p < genres.size(); p++) {
                md.append(' ').append(c[t][p]).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
