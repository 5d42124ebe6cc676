package org.melodist.studio.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.feedback.FeedbackEntry;
import org.melodist.feedback.FeedbackLearning;
import org.melodist.feedback.FeedbackLog;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.PreferenceTrainer;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;
import org.melodist.studio.tasks.SameThreadRunner;

/** Judgements counted and cleared, Learn from my choices offered after 30, learning and reset: no window, a real tiny model. */
class FeedbackViewModelTest {

    @TempDir
    Path dir;
    private final SameThreadRunner runner = new SameThreadRunner();

    private static List<FeedbackEntry> accept(int seedPitch, int kept) {
        List<FeedbackEntry> out = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            int p = seedPitch + 2 + 3 * v;
            out.add(new FeedbackEntry(480, TimeSignature.FOUR_FOUR, 120.0, List.of(new Note(seedPitch, 90, 0, 480), new Note(seedPitch + 2, 90, 480, 480)),
                    List.of(new Note(p, 90, 960, 480), new Note(p + 2, 90, 1440, 480)), v == kept,
                    new FeedbackEntry.Settings(1.0, 1.0, null), "folk"));
        }
        return out;
    }

    private FeedbackViewModel model(FeedbackLog log) {
        PreferenceTrainer.Options opt = PreferenceTrainer.Options.defaults().withEpochs(1).withRehearsalTunes(8).withMaxMinutes(0);
        return new FeedbackViewModel(log, dir.resolve("models/personal/mine"), TinyMelodyModel::dir, () -> null, opt, runner);
    }

    @Test
    void judgementsAreLoggedCountedAndCleared() throws Exception {
        FeedbackLog log = new FeedbackLog(dir.resolve("feedback.jsonl"));
        log.append(accept(60, 0));
        FeedbackViewModel vm = model(log);
        assertEquals(4, vm.countProperty().get(), "the log's judgements are counted at start");
        vm.record(accept(62, 1));
        assertEquals(8, vm.countProperty().get());
        assertEquals(8, log.count());
        assertTrue(vm.describeCount().startsWith("8 judgements"), vm.describeCount());
        assertFalse(vm.canLearnProperty().get(), "not before 30 judgements");
        vm.learn();
        assertTrue(vm.messageProperty().get().contains("needs 30"), vm.messageProperty().get());
        vm.clear();
        assertEquals(0, vm.countProperty().get());
        assertEquals(0, log.count());
        assertFalse(Files.exists(log.file()));
    }

    @Test
    void learnFromMyChoicesWritesAPersonalModelAndResetDeletesIt() throws Exception {
        FeedbackViewModel vm = model(new FeedbackLog(dir.resolve("feedback.jsonl")));
        for (int s = 0; s < 8; s++) vm.record(accept(60 + s, s % 4));
        assertEquals(32, vm.countProperty().get());
        assertTrue(vm.canLearnProperty().get());
        AtomicReference<Path> learned = new AtomicReference<>();
        vm.setOnLearned(learned::set);
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((obs, o, n) -> progress.add(n.doubleValue()));
        vm.learn();
        assertFalse(vm.learningProperty().get());
        assertEquals(vm.personalDir(), learned.get(), vm.messageProperty().get());
        assertTrue(vm.personalExistsProperty().get());
        assertTrue(progress.stream().anyMatch(p -> p > 0 && p <= 1), "progress was shown: " + progress);
        try (MelodyModel m = MelodyModel.load(vm.personalDir())) {
            assertTrue(FeedbackLearning.isPersonal(m.config()));
            assertEquals(32, ((Number) m.config().training().get("judgements")).intValue());
        }
        assertTrue(vm.messageProperty().get().startsWith("Personal model learnt from 32 judgements"), vm.messageProperty().get());

        AtomicReference<Path> reset = new AtomicReference<>();
        vm.setOnReset(reset::set);
        vm.resetPersonal();
        assertFalse(Files.exists(vm.personalDir()));
        assertFalse(vm.personalExistsProperty().get());
        assertEquals(vm.personalDir(), reset.get());
        assertEquals(32, vm.countProperty().get(), "the judgements stay");
    }
}
