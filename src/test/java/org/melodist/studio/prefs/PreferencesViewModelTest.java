package org.melodist.studio.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.feedback.FeedbackEntry;
import org.melodist.feedback.FeedbackLog;
import org.melodist.generate.PreferenceTrainer;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;
import org.melodist.studio.generate.FeedbackViewModel;
import org.melodist.studio.originality.OriginalityViewModel;
import org.melodist.studio.tasks.SameThreadRunner;

/** The Preferences over the studio's real originality and feedback view models, on real files, without a window. */
class PreferencesViewModelTest {

    @TempDir
    Path dir;
    private final SameThreadRunner runner = new SameThreadRunner();

    private static List<FeedbackEntry> judged(int n) {
        List<FeedbackEntry> out = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            out.add(new FeedbackEntry(480, TimeSignature.FOUR_FOUR, 120.0, List.of(new Note(60, 90, 0, 480)),
                    List.of(new Note(62 + v, 90, 480, 480)), v == 0, new FeedbackEntry.Settings(1.0, 1.0, null), "folk"));
        }
        return out;
    }

    private FeedbackViewModel feedback(FeedbackLog log) {
        return new FeedbackViewModel(log, dir.resolve("models/personal/mine"), TinyMelodyModel::dir, () -> null,
                PreferenceTrainer.Options.defaults().withEpochs(1).withMaxMinutes(0), runner);
    }

    private OriginalityViewModel originality() {
        return new OriginalityViewModel(null, dir.resolve("cache/folders.idx"), runner);
    }

    @Test
    void judgementsAreCountedAndClearedThroughTheStudiosLog() throws Exception {
        FeedbackLog log = new FeedbackLog(dir.resolve("feedback.jsonl"));
        log.append(judged(3));
        FeedbackViewModel fb = feedback(log);
        PreferencesViewModel vm = new PreferencesViewModel(originality(), fb);

        assertEquals("3 judgements are logged in " + log.file(), vm.judgementsTextProperty().get());
        assertTrue(vm.canClearProperty().get());
        fb.record(judged(1));
        assertEquals("4 judgements are logged in " + log.file(), vm.judgementsTextProperty().get(), "follows the panel's judgements");
        assertEquals("Forget all 4 judgements? The personal model stays until you reset it.", vm.clearQuestion());

        vm.clearJudgements();
        assertEquals(0, log.count());
        assertFalse(Files.exists(log.file()));
        assertEquals(0, fb.countProperty().get(), "the Generate panel's count is the same one");
        assertEquals("No judgements are logged in " + log.file(), vm.judgementsTextProperty().get());
        assertFalse(vm.canClearProperty().get(), "nothing left to clear");
    }

    @Test
    void aStudioWithoutJudgementsSaysSoAndCannotClear() {
        PreferencesViewModel vm = new PreferencesViewModel(originality(), null);
        assertEquals("Judgements are not kept in this studio", vm.judgementsTextProperty().get());
        assertFalse(vm.canClearProperty().get());
        vm.clearJudgements();
    }

    @Test
    void foldersEditedHereAreTheOriginalityChecksAndAreRemembered() throws Exception {
        OriginalityViewModel originality = originality();
        PreferencesViewModel vm = new PreferencesViewModel(originality, null);
        assertEquals(PreferencesViewModel.Section.ORIGINALITY, vm.sectionProperty().get(), "the first section");
        Path folder = Files.createDirectories(dir.resolve("my tunes"));
        vm.originality().addFolder(folder);
        assertEquals(List.of(folder.toAbsolutePath().normalize()), originality.folders());

        StudioPreferences prefs = new StudioPreferences(dir.resolve("settings.properties"));
        originality.writeSettings(prefs);
        prefs.save();
        OriginalityViewModel again = originality();
        again.readSettings(new StudioPreferences(dir.resolve("settings.properties")));
        assertEquals(List.of(folder.toAbsolutePath().normalize()), again.folders());
    }
}
