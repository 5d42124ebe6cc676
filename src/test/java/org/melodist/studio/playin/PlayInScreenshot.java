package org.melodist.studio.playin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.melodist.perform.MidiInputInfo;
import org.melodist.perform.MidiInputs;
import org.melodist.perform.RecordMode;
import org.melodist.sound.GervillRecordingOutput;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.ScreenshotSupport;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.pianoroll.GridDivision;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;
import org.melodist.studio.tasks.FxBackgroundRunner;

/**
 * Uses play-in in the real studio window as a musician would, with a synthetic MIDI keyboard: a device in
 * the input list whose notes this harness plays in real time (messages sent "now", as a keyboard's arrive).
 * Sound goes to Gervill rendering into memory at real-time pace, so the transport plays without a sound
 * card. It records two bars with a count-in, step-inputs four chords, jams two phrases, lets Keep going
 * continue the track, and writes a screenshot of each to {@code assets/screenshots/} (or the folder given).
 * Run under a display (Xvfb): {@code java -cp <test classpath> org.melodist.studio.playin.PlayInScreenshot [dir]}.
 */
public final class PlayInScreenshot {

    private static Path outDir = Path.of("assets/screenshots");
    private static MelodyGeneratorSource melody;
    static final MidiInputInfo KEYS = new MidiInputInfo("Synthetic keyboard", "Melodist", "test harness");

    public static void main(String[] args) {
        if (args.length > 0) outDir = Path.of(args[0]);
        melody = ScreenshotSupport.shippedOrTinyMelody();
        System.out.println("melody model: " + melody.dir());
        Application.launch(Shot.class, args);
    }

    private PlayInScreenshot() {
    }

    /** The synthetic keyboard: listed as a device; what the harness plays goes to the connected receiver. */
    static final class SyntheticKeyboard implements MidiInputs {
        volatile Receiver to;

        @Override
        public List<MidiInputInfo> list() {
            return List.of(KEYS);
        }

        @Override
        public Connection connect(MidiInputInfo device, Receiver receiver) throws MidiUnavailableException {
            if (!device.equals(KEYS)) throw new MidiUnavailableException(device.label() + " is not here");
            to = receiver;
            return new Connection() {
                @Override
                public MidiInputInfo device() {
                    return device;
                }

                @Override
                public void close() {
                    to = null;
                }
            };
        }

        /** A key pressed (velocity > 0) or released at {@code micros} on the studio's clock (-1: now). */
        void key(int pitch, int velocity, long micros) {
            Receiver r = to;
            if (r == null) return;
            try {
                r.send(new ShortMessage(velocity > 0 ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF, 0, pitch, velocity), micros);
            } catch (InvalidMidiDataException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    public static final class Shot extends Application {

        private static final org.melodist.perform.PerformanceClock CLOCK = org.melodist.perform.PerformanceClock.system();
        private final SyntheticKeyboard keyboard = new SyntheticKeyboard();
        /** The moment the current phase's planned times count from, on the studio's clock. */
        private long base;
        private StudioViewModel vm;
        private PlayInViewModel play;
        private Stage stage;

        @Override
        public void start(Stage stage) throws IOException {
            this.stage = stage;
            Path userData = Files.createTempDirectory("melodist-playin-shot");
            vm = StudioComposition.create(userData,
                    sel -> new SequencerPlaybackService(new GervillRecordingOutput(sel.bank(), 44_100f, 600)),
                    melody, GenreModelSource.shipped(), new FxBackgroundRunner(), keyboard,
                    sel -> new GervillRecordingOutput(sel.bank(), 44_100f, 600));
            new StudioWindow(stage, vm);
            stage.show();
            play = vm.playIn();
            vm.files().newSong();
            vm.transport().loadInBackground();
            play.startWatchingDevices();
            waitFor(() -> !vm.transport().soundbankProperty().get().startsWith("loading") && !play.devices().isEmpty(),
                    this::record);
        }

        /** Phase 1: a count-in bar, then two bars played with human timing and velocities, quantized at 75 %. */
        private void record() {
            play.inputProperty().set(KEYS);
            vm.pianoRoll().gridProperty().set(GridDivision.EIGHTH);
            play.countInBarsProperty().set(1);
            play.recordModeProperty().set(RecordMode.OVERDUB);
            play.quantizeProperty().set(true);
            play.quantizeStrengthProperty().set(0.75);
            vm.pianoRoll().playheadProperty().set(0);
            Timeline countIn = new Timeline();
            at(countIn, 0.3, play::toggleRecord);
            at(countIn, 1.5, () -> shoot("studio-record-count-in.png"));
            countIn.play();
            waitForState(PlayInViewModel.State.RECORDING, () -> {
                // D4 F#4 A4 D5 C#5 A4 B4 A4 F#4 D4 in eighths and quarters, a little off the grid, the first a hair early
                Timeline t = new Timeline();
                base = CLOCK.nowMicros();
                double[] beats = {0, 0.5, 1, 2, 2.5, 3, 4, 5, 5.5, 6};
                int[] pitches = {62, 66, 69, 74, 73, 69, 71, 69, 66, 62};
                double[] lengths = {0.45, 0.45, 0.9, 0.45, 0.45, 0.9, 0.9, 0.45, 0.45, 1.8};
                for (int i = 0; i < beats.length; i++) {
                    double jitter = ((i * 37) % 7 - 3) * 0.012;
                    note(t, beats[i] * 0.5 + jitter, lengths[i] * 0.5, pitches[i], 70 + (i * 13) % 45);
                }
                at(t, 3.6, () -> shoot("studio-record.png"));
                at(t, 4.3, play::toggleRecord);
                at(t, 5.0, this::stepInput);
                t.play();
            });
        }

        /** Phase 2: four chords by step input at bar 3, a quarter each. */
        private void stepInput() {
            System.out.println("after record: " + vm.document().undoNameProperty().get() + "; state " + play.state()
                    + ", transport " + vm.transport().stateProperty().get());
            vm.pianoRoll().gridProperty().set(GridDivision.QUARTER);
            vm.pianoRoll().playheadProperty().set(3840);
            play.stepInputProperty().set(true);
            Timeline t = new Timeline();
            int[][] chords = {{50, 54, 57}, {55, 59, 62}, {57, 61, 64}, {50, 54, 57}};
            base = CLOCK.nowMicros();
            for (int c = 0; c < chords.length; c++) {
                for (int p : chords[c]) note(t, 0.2 + c * 0.4 + (p % 3) * 0.01, 0.25, p, 80);
            }
            at(t, 2.0, () -> {
                play.stepInputProperty().set(false);
                System.out.println("after step input: " + vm.document().undoNameProperty().get() + ", playhead "
                        + vm.pianoRoll().playheadProperty().get());
                jam();
            });
            t.play();
        }

        /** Phase 3: jam from bar 5, two phrases of two bars, answers of two bars. */
        private void jam() {
            vm.pianoRoll().playheadProperty().set(4 * 1920);
            play.answerBarsProperty().set(2);
            play.toggleJam();
            waitForState(PlayInViewModel.State.JAMMING, () -> {
                Timeline t = new Timeline();
                base = CLOCK.nowMicros();
                // phrase 1 (bars 5-6), one beat of rest, answer in bars 7-8; phrase 2 from bar 9
                phrase(t, 0.05, new int[] {74, 76, 78, 79, 81, 79, 78, 76}, new double[] {1, 1, 0.5, 0.5, 1, 1, 1, 1});
                phrase(t, 8.05, new int[] {81, 78, 74, 76, 78, 76, 74}, new double[] {0.5, 0.5, 1, 1, 1, 1, 2});
                at(t, 15.5, () -> {
                    play.toggleJam();
                    for (JamExchange x : play.history()) {
                        System.out.printf(Locale.ROOT, "jam exchange %d: phrase %d notes, answer %d notes from tick %d, "
                                        + "compute %.1f ms, ready %.1f ms after the phrase ended%n", x.number(), x.phrase().size(),
                                x.answer().size(), x.answerTick(), x.computeMillis(), x.readyAfterEndMillis());
                        System.out.println("  phrase " + x.phrase());
                    }
                    ((javafx.scene.control.ListView<?>) stage.getScene().lookup("#playin-history")).getSelectionModel().select(0);
                });
                at(t, 16.5, () -> shoot("studio-jam.png"));
                at(t, 17.0, () -> {
                    play.acceptExchange(play.history().get(0));
                    ((javafx.scene.control.ListView<?>) stage.getScene().lookup("#playin-history")).getSelectionModel().clearSelection();
                    System.out.println("after accept: " + vm.document().undoNameProperty().get());
                    keepGoing();
                });
                t.play();
            });
        }

        private void phrase(Timeline t, double from, int[] pitches, double[] beats) {
            double at = from;
            for (int i = 0; i < pitches.length; i++) {
                note(t, at, beats[i] * 0.5 * 0.9, pitches[i], 75 + (i * 11) % 40);
                at += beats[i] * 0.5;
            }
        }

        /** Phase 4: Keep going while the transport plays from bar 5. */
        private void keepGoing() {
            vm.pianoRoll().trackIndexProperty().set(0);
            play.keepGoingProperty().set(true);
            waitFor(() -> true, () -> {
                Timeline t = new Timeline();
                at(t, 1.0, () -> {
                    vm.pianoRoll().playheadProperty().set(6 * 1920);
                    vm.transport().togglePlay();
                });
                at(t, 11.0, () -> shoot("studio-keep-going.png"));
                at(t, 11.5, () -> {
                    vm.transport().togglePlay();
                    System.out.println("keep going continued " + play.continuationProperty().get().size() + " notes");
                    vm.close();
                    Platform.exit();
                });
                t.play();
            });
        }

        /**
         * A key held from {@code at} for {@code length} seconds after {@link #base}: sent about then, stamped with
         * the planned moment, as a keyboard's driver stamps its messages.
         */
        private void note(Timeline t, double at, double length, int pitch, int velocity) {
            long on = base + Math.round(at * 1e6);
            long off = base + Math.round((at + length) * 1e6);
            at(t, at, () -> keyboard.key(pitch, velocity, on));
            at(t, at + length, () -> keyboard.key(pitch, 0, off));
        }

        private static void at(Timeline t, double seconds, Runnable r) {
            t.getKeyFrames().add(new KeyFrame(Duration.seconds(Math.max(0, seconds)), e -> r.run()));
        }

        /** Runs {@code then} the moment the play-in state becomes {@code s} (the take's or jam's time starts then). */
        private void waitForState(PlayInViewModel.State s, Runnable then) {
            javafx.beans.value.ChangeListener<PlayInViewModel.State> l = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends PlayInViewModel.State> o,
                                    PlayInViewModel.State a, PlayInViewModel.State b) {
                    if (b != s) return;
                    play.stateProperty().removeListener(this);
                    then.run();
                }
            };
            play.stateProperty().addListener(l);
        }

        private void waitFor(java.util.function.BooleanSupplier ready, Runnable then) {
            Timeline poll = new Timeline();
            poll.getKeyFrames().add(new KeyFrame(Duration.millis(100), e -> {
                if (ready.getAsBoolean()) {
                    poll.stop();
                    then.run();
                }
            }));
            poll.setCycleCount(Timeline.INDEFINITE);
            poll.play();
        }

        private void shoot(String name) {
            ScreenshotSupport.writeSnapshot(stage.getScene().getRoot(), outDir.resolve(name));
        }
    }

}
