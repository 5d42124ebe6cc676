package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.AppPaths;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.TestSoundbanks;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.tasks.SameThreadRunner;

/**
 * {@code render} without {@code --soundfont} uses the soundbank chosen in the studio: the studio writes its
 * choice into the user's settings store and the command line reads the same store (issue 12's bug).
 */
class RenderWithStudioSoundbankTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetUserData() {
        System.clearProperty(AppPaths.USER_DATA_PROPERTY);
    }

    @Test
    void renderUsesTheSoundbankChosenInTheStudio() throws Exception {
        System.setProperty(AppPaths.USER_DATA_PROPERTY, dir.resolve("user").toString());
        Path bank = TestSoundbanks.writeSineBank(dir);
        Path midi = dir.resolve("two.mid");
        new MidiFileWriter().write(Song.of(480, 120, List.of(new Track("Lead", 0, 0,
                List.of(new Note(69, 100, 0, 480), new Note(72, 100, 480, 480))))), midi);
        String chosen = "soundbank Melodist test sine (" + bank.toAbsolutePath().normalize() + ")";

        CliRun before = render(midi, dir.resolve("before.wav"));
        assertEquals(0, before.code(), before.err());
        assertFalse(before.out().contains(chosen), "nothing chosen yet: " + before.out());

        // the studio wired by its composition root with its user data where StudioApp puts it, choosing the bank through its transport
        // panel; the same-thread runner has done the work when the call returns
        StudioViewModel studio = StudioComposition.create(AppPaths.userDataDir(), SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.shipped(), GenreModelSource.shipped(), new SameThreadRunner());
        try {
            studio.transport().chooseSoundbank(bank);
        } finally {
            studio.close();
        }

        Path viaStudio = dir.resolve("studio-choice.wav");
        CliRun after = render(midi, viaStudio);
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains(chosen), after.out());
        Path explicit = dir.resolve("explicit.wav");
        assertEquals(0, render(midi, explicit, "--soundfont", bank.toString()).code());
        assertArrayEquals(Files.readAllBytes(explicit), Files.readAllBytes(viaStudio), "the same sound as --soundfont");
    }

    /** A short, low-rate render: what is checked is which bank plays, not the audio quality. */
    private static CliRun render(Path midi, Path wav, String... more) {
        List<String> args = new ArrayList<>(List.of("render", midi.toString(), "--out", wav.toString(),
                "--sample-rate", "22050", "--tail", "0.2"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }
}
