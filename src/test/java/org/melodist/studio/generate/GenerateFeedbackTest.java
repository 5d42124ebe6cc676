package org.melodist.studio.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.DoubleProperty;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.feedback.FeedbackEntry;
import org.melodist.feedback.FeedbackLog;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.generate.PreferenceTrainer;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;
import org.melodist.studio.prefs.StudioPreferences;

/**
 * Accept, Discard and the thumbs write the feedback log as the issue says; Learn from my choices gives a personal
 * model that the picker lists and chooses, that can be compared with the base model in one batch, and reset.
 */
class GenerateFeedbackTest {

    private static MelodyGenerator shippedGenerator;

    @TempDir
    Path userData;
    private GeneratePanelFixture panel;
    private GenerateViewModel gen;
    private FeedbackLog log;

    @BeforeAll
    static void load() throws Exception {
        shippedGenerator = MelodyGenerator.load(TinyMelodyModel.dir());
    }

    @AfterAll
    static void close() {
        shippedGenerator.close();
    }

    @BeforeEach
    void build() {
        MelodyModelCatalog catalog = MelodyModelCatalog.forUser(userData, TinyMelodyModel.dir());
        Path personal = catalog.register(GenerateViewModel.PERSONAL_KIND, "Personal",
                MelodyModelCatalog.userModelsDir(userData).resolve(GenerateViewModel.PERSONAL_KIND)).dir();
        panel = new GeneratePanelFixture(userData, shippedGenerator, 96, catalog);
        gen = panel.gen;
        log = new FeedbackLog(userData.resolve(FeedbackLog.FILE_NAME));
        gen.setFeedback(new FeedbackViewModel(log, personal.resolve(FeedbackViewModel.PERSONAL_NAME), TinyMelodyModel::dir, () -> null,
                PreferenceTrainer.Options.defaults().withEpochs(1).withRehearsalTunes(8).withMaxMinutes(0), panel.runner));
        gen.settings().variationCountProperty().set(4);
    }

    @AfterEach
    void tearDown() {
        panel.close();
    }

    @Test
    void acceptLogsTheKeptVariationAndTheOthersShownAsRejected() throws Exception {
        gen.generate();
        assertEquals(4, gen.variations().size(), gen.messageProperty().get());
        List<List<Note>> shown = List.copyOf(gen.variations());
        long start = gen.continuationRange()[0];
        gen.select(2);
        gen.accept();
        List<FeedbackEntry> lines = log.read().entries();
        assertEquals(4, lines.size());
        assertEquals(4, gen.feedback().countProperty().get());
        for (int i = 0; i < 4; i++) {
            FeedbackEntry e = lines.get(i);
            assertEquals(i == 2, e.accepted(), "only the accepted variation is kept: " + i);
            assertEquals(shown.get(i), e.candidate());
            assertEquals(480, e.ppq());
            assertEquals(TimeSignature.FOUR_FOUR, e.timeSignature());
            assertEquals(96.0, e.tempoBpm());
            assertEquals("folk", e.model());
            assertEquals(gen.settings().temperatureProperty().get(), e.settings().temperature());
            assertTrue(e.seed().stream().allMatch(n -> n.end() <= start), "the seed as it leads into the continuation");
            assertFalse(e.seed().isEmpty());
        }
    }

    @Test
    void thumbsLogOneVariationAloneAndDiscardLogsTheRestAsRejected() throws Exception {
        gen.generate();
        gen.select(1);
        gen.thumbUp();
        gen.thumbUp();
        assertTrue(gen.messageProperty().get().contains("judged already"), gen.messageProperty().get());
        gen.select(3);
        gen.thumbDown();
        assertEquals(2, log.read().entries().size());
        assertTrue(log.read().entries().get(0).accepted());
        assertFalse(log.read().entries().get(1).accepted());
        gen.discard();
        List<FeedbackEntry> lines = log.read().entries();
        assertEquals(4, lines.size(), "each variation once");
        assertEquals(1, lines.stream().filter(FeedbackEntry::accepted).count());
    }

    @Test
    void learnFromMyChoicesChoosesThePersonalModelWhichComparesWithTheBaseAndResets() throws Exception {
        FeedbackViewModel fb = gen.feedback();
        for (int round = 0; round < 8; round++) {
            gen.generate();
            gen.select(round % 4);
            gen.accept();
        }
        assertEquals(32, fb.countProperty().get());
        assertTrue(fb.canLearnProperty().get());
        assertTrue(gen.picker().chosen().isShipped());
        assertFalse(gen.personalChosenProperty().get());

        fb.learn();
        assertTrue(fb.personalExistsProperty().get(), fb.messageProperty().get());
        assertEquals("personal/mine", gen.picker().chosen().id(), "the new personal model is chosen");
        assertEquals("mine · personal", gen.picker().chosen().displayName(), "and marked as such");
        assertTrue(gen.personalChosenProperty().get());

        gen.compareWithBaseProperty().set(true);
        gen.generate();
        assertEquals(4, gen.variations().size(), gen.messageProperty().get());
        assertEquals("personal model", gen.currentModelLabelProperty().get());
        gen.next();
        assertEquals("base model", gen.currentModelLabelProperty().get());
        gen.discard();
        List<FeedbackEntry> lines = log.read().entries();
        List<String> models = lines.subList(lines.size() - 4, lines.size()).stream().map(FeedbackEntry::model).toList();
        assertEquals(List.of("personal/mine", "folk", "personal/mine", "folk"), models, "each judgement names the model that wrote it");

        fb.resetPersonal();
        assertFalse(fb.personalExistsProperty().get());
        assertTrue(gen.picker().chosen().isShipped(), "the shipped model takes over");
        assertEquals(List.of("shipped"), gen.picker().models().stream().map(MelodyModelCatalog.Entry::id).toList());
        assertEquals("", gen.currentModelLabelProperty().get());
    }
    @Test
    void thePersonalModelProposesTheTemperatureWhoseVariationsWereKeptAndTheShippedOneGivesBackTheMusiciansOwn() throws Exception {
        FeedbackViewModel fb = gen.feedback();
        // 0.6 is the setting whose variations were kept
        keepAtDiscardAt(gen.settings().temperatureProperty(), 0.6, 1.4);
        assertTrue(fb.canLearnProperty().get());
        gen.settings().temperatureProperty().set(1.2);

        fb.learn();
        assertEquals("personal/mine", gen.picker().chosen().id(), fb.messageProperty().get());
        assertEquals(0.6, gen.settings().temperatureProperty().get(), 1e-9, "learning chose the personal model at its proposed temperature");
        String said = gen.messageProperty().get();
        assertTrue(said.contains("temperature 0.6") && said.contains("(was 1.2)") && said.contains("change it"), said);
        gen.generate();
        gen.discard();
        List<FeedbackEntry> lines = log.read().entries();
        assertEquals(0.6, lines.get(lines.size() - 1).settings().temperature(), 1e-9, "and it generates at it");

        MelodyModelCatalog.Entry shipped = gen.picker().catalog().shipped();
        MelodyModelCatalog.Entry mine = gen.picker().chosen();
        gen.chooseModel(shipped);
        assertEquals(1.2, gen.settings().temperatureProperty().get(), 1e-9, "the shipped model gives back the musician's own temperature");
        assertTrue(gen.messageProperty().get().contains("back to your 1.2"), gen.messageProperty().get());

        gen.chooseModel(mine);
        assertEquals(0.6, gen.settings().temperatureProperty().get(), 1e-9);
        gen.settings().temperatureProperty().set(0.9);
        gen.chooseModel(shipped);
        assertEquals(0.9, gen.settings().temperatureProperty().get(), 1e-9, "a temperature the musician chose since stays theirs");
        assertFalse(gen.messageProperty().get().contains("back to"), gen.messageProperty().get());
    }

    @Test
    void thePersonalModelAppliesItsProposedTopPAndTheShippedOneGivesBackTheMusiciansOwn() throws Exception {
        FeedbackViewModel fb = gen.feedback();
        // top-p 0.8 is the setting whose variations were kept
        keepAtDiscardAt(gen.settings().topPProperty(), 0.8, 1.0);
        List<FeedbackEntry> judged = log.read().entries();
        assertEquals(0.8, judged.get(0).settings().topP(), 1e-9, "the panel's top-p is what generated and is logged");
        gen.settings().topPProperty().set(0.95);

        fb.learn();
        assertEquals("personal/mine", gen.picker().chosen().id(), fb.messageProperty().get());
        assertEquals(0.8, gen.settings().topPProperty().get(), 1e-9, "the personal model is chosen at its proposed top-p");
        String said = gen.messageProperty().get();
        assertTrue(said.contains("top-p 0.80 (was 0.95)") && said.contains("change them"), said);
        gen.generate();
        gen.discard();
        List<FeedbackEntry> lines = log.read().entries();
        assertEquals(0.8, lines.get(lines.size() - 1).settings().topP(), 1e-9, "and it generates at it (applied, not only named)");

        MelodyModelCatalog.Entry shipped = gen.picker().catalog().shipped();
        MelodyModelCatalog.Entry mine = gen.picker().chosen();
        gen.chooseModel(shipped);
        assertEquals(0.95, gen.settings().topPProperty().get(), 1e-9, "the shipped model gives back the musician's own top-p");
        assertTrue(gen.messageProperty().get().contains("top-p back to your 0.95"), gen.messageProperty().get());

        gen.chooseModel(mine);
        assertEquals(0.8, gen.settings().topPProperty().get(), 1e-9);
        gen.settings().topPProperty().set(0.9);
        gen.chooseModel(shipped);
        assertEquals(0.9, gen.settings().topPProperty().get(), 1e-9, "a top-p the musician chose since stays theirs");
    }

    @Test
    void theMusiciansOwnTopPIsGivenBackAfterARestartWithThePersonalModelStillChosen() throws Exception {
        keepAtDiscardAt(gen.settings().topPProperty(), 0.8, 1.0);
        gen.settings().topPProperty().set(0.95);
        gen.feedback().learn();
        assertEquals(0.8, gen.settings().topPProperty().get(), 1e-9, gen.messageProperty().get());
        StudioPreferences prefs = new StudioPreferences(userData.resolve("studio.properties"));
        gen.settings().write(prefs);
        prefs.save();

        // the next studio: the personal model is chosen again at start-up, at the top-p the musician left it with
        StudioPreferences reread = new StudioPreferences(userData.resolve("studio.properties"));
        MelodyModelCatalog models = MelodyModelCatalog.forUser(userData, TinyMelodyModel.dir());
        models.register(GenerateViewModel.PERSONAL_KIND, "Personal", MelodyModelCatalog.userModelsDir(userData).resolve(GenerateViewModel.PERSONAL_KIND));
        GenerateViewModel next = panel.open(models);
        try {
            next.settings().read(reread);
            next.chooseModel(next.settings().modelIdProperty().get());
            assertEquals("personal/mine", next.picker().chosen().id());
            assertEquals(0.8, next.settings().topPProperty().get(), 1e-9);
            next.chooseModel(next.picker().catalog().shipped());
            assertEquals(0.95, next.settings().topPProperty().get(), 1e-9, "leaving it gives back the top-p from before the proposal");
            assertTrue(next.messageProperty().get().contains("top-p back to your 0.95"), next.messageProperty().get());
        } finally {
            next.close();
            next.releaseModels();
        }
    }

    /** Four Generates at {@code kept} with one variation accepted each, then four at {@code discarded} all discarded. */
    private void keepAtDiscardAt(DoubleProperty setting, double kept, double discarded) throws Exception {
        for (int round = 0; round < 8; round++) {
            setting.set(round < 4 ? kept : discarded);
            gen.generate();
            if (round < 4) {
                gen.select(round);
                gen.accept();
            } else {
                gen.discard();
            }
        }
    }
}
