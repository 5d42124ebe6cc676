package org.melodist.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.stage.Stage;

import org.melodist.generate.MelodyCorpus;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.song.Note;
import org.melodist.studio.generate.GenerateViewModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;

import static org.melodist.studio.ScreenshotSupport.after;
import static org.melodist.studio.ScreenshotSupport.holdForScreenGrabThenExit;
import static org.melodist.studio.ScreenshotSupport.whenFinished;

/**
 * Shows the README's originality picture in the real studio: a training tune (a Nottingham tune the melody
 * model learnt from) is opened, its first twelve bars selected and continued by the shipped melody model, so
 * that the variation carries its originality badge; then Check originality compares the selection, and the
 * shared passage opens beside its source. The comparison is a window of its own, so the program prints
 * {@code READY} and stays up for {@code -Dscreenshot.hold} seconds (default 8) for
 * {@code import -window root}. Run under a display (Xvfb), from the repository, with ../shared present:
 * {@code java -cp <test classpath> org.melodist.studio.OriginalityScreenshot [tune.mid]}.
 */
public final class OriginalityScreenshot {

    private static Path tune;

    public static void main(String[] args) throws IOException {
        tune = args.length > 0 ? Path.of(args[0]) : firstTrainingTune(Path.of("../shared/data/nottingham/melody"));
        System.out.println("tune: " + tune);
        Application.launch(Shot.class, args);
    }

    private static Path firstTrainingTune(Path dir) throws IOException {
        return MelodyCorpus.midiFiles(dir).stream().filter(f -> !MelodyCorpus.isValidation(f.getFileName().toString()))
                .findFirst().orElseThrow(() -> new IOException("no training tune in " + dir));
    }

    private OriginalityScreenshot() {
    }

    /** The window, the generation, the check and the comparison. */
    public static final class Shot extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            Path userData = Files.createTempDirectory("melodist-screenshot");
            StudioViewModel vm = StudioComposition.create(userData, SequencerPlaybackService::forSoundCard,
                    MelodyGeneratorSource.shipped());
            StudioWindow window = new StudioWindow(stage, vm);
            stage.setWidth(1400);
            stage.setHeight(820);
            stage.show();
            window.openFile(tune);
            window.pianoRoll().scrollToContent();
            long bars4 = 12 * vm.document().current().ticksPerBar();
            List<Note> first = vm.pianoRoll().track().notes().stream().filter(n -> n.start() < bars4).toList();
            vm.pianoRoll().selectOnly(first);
            GenerateViewModel gen = vm.generate();
            gen.settings().barsProperty().set(4);
            gen.settings().variationCountProperty().set(4);
            gen.settings().rngSeedProperty().set(2026);
            whenFinished(gen.runningProperty(), () -> after(2, () -> {
                System.out.println("badge: " + vm.badges().badgeProperty().get());
                ((Button) stage.getScene().lookup("#originality-check")).fire();
                System.out.println("status: " + vm.statusProperty().get());
                after(2, () -> holdForScreenGrabThenExit(vm, 8));
            }));
            // as the app starts: the originality index loads in the background; generate once it is there
            vm.transport().loadInBackground();
            vm.badges().originality().indexProperty().addListener((obs, o, ix) -> {
                if (ix != null && o == null) gen.generate();
            });
            vm.badges().originality().reindex();
        }
    }
}
