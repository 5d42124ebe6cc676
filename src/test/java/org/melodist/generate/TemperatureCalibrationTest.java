package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temperature scaling: the fitted temperature minimises the held-out NLL, and folding it gives exactly that NLL. */
class TemperatureCalibrationTest {

    /** Scale tunes like the tiny model's own training tunes, from another seed: held out from it. */
    private static List<EncodedTune> heldOut() {
        Random rng = new Random(23);
        List<EncodedTune> tunes = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tunes.add(TinyMelodyModel.scaleTune(rng, "held-out" + t));
        }
        return tunes;
    }

    @Test
    void anOverConfidentModelGetsTheTemperatureThatUndoesItAndFoldingGivesTheFittedNll() throws IOException {
        List<EncodedTune> tunes = heldOut();
        try (MelodyModel model = MelodyModel.load(TinyMelodyModel.dir())) {
            TemperatureCalibration.Fit own = TemperatureCalibration.fit(model, tunes);
            assertTrue(own.nllAfter() <= own.nllBefore());
            model.net().scaleHead(2f); // logits twice as large: over-confident
            TemperatureCalibration.Fit fit = TemperatureCalibration.fit(model, tunes);
            assertEquals(2 * own.temperature(), fit.temperature(), 0.01 * own.temperature(),
                    "doubling the logits doubles the best temperature");
            assertEquals(own.nllAfter(), fit.nllAfter(), 1e-4, "and the calibrated NLL is the same");
            assertTrue(fit.nllAfter() < fit.nllBefore() - 0.01, "the over-confident model gains: " + fit);
            for (double t : new double[] {0.9, 1.1}) {
                model.net().scaleHead((float) (1 / (t * fit.temperature())));
                double off = MelodyScorer.score(model, tunes).nll();
                model.net().scaleHead((float) (t * fit.temperature()));
                assertTrue(off > fit.nllAfter(), "a temperature 10 % off the fitted one scores worse: " + off + " vs " + fit.nllAfter());
            }
            TemperatureCalibration.fold(model, fit.temperature());
            assertEquals(fit.nllAfter(), MelodyScorer.score(model, tunes).nll(), 1e-4, "the folded model scores what the fit said");
        }
    }

    @Test
    void aFineTuneWithCalibrationKeepsTheFittedTemperatureInItsWeightsConfigAndCard(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("calibrated");
        List<EncodedTune> tunes = heldOut();
        MelodyCorpus corpus = new MelodyCorpus(tunes.subList(0, 6), tunes.subList(6, 8), new GridLosses(), List.of(), "the last two");
        TrainingOptions opt = new TrainingOptions(2, 8, 16, 2, 0f, 4, 32, 0.01f, 1f, 2, 0, 1, 3L, 0f, false, false).withCalibrate(true);
        MelodyTrainer.Result r = new MelodyTrainer(new PrintStream(PrintStream.nullOutputStream())).fineTune(corpus, opt, TinyMelodyModel.dir(), out);
        assertTrue(r.saved());
        try (MelodyModel tuned = MelodyModel.load(out)) {
            Map<?, ?> calibration = (Map<?, ?>) tuned.config().training().get("calibration");
            double temperature = ((Number) calibration.get("temperature")).doubleValue();
            double after = ((Number) calibration.get("validationNllAfter")).doubleValue();
            assertEquals(r.bestValidationNll(), ((Number) calibration.get("validationNllBefore")).doubleValue(), 1e-4,
                    "fitted on the kept epoch's weights");
            assertTrue(after <= r.bestValidationNll());
            assertEquals(after, MelodyScorer.score(tuned, corpus.validation()).nll(), 1e-4, "the saved weights carry the temperature");
            String card = Files.readString(out.resolve(ModelCard.FILE));
            assertTrue(card.contains(String.format(java.util.Locale.ROOT, "**%.3f**", temperature)), card);
        }
    }
}
