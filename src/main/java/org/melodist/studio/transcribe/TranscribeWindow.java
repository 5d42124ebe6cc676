package org.melodist.studio.transcribe;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.melodist.song.PitchNames;
import org.melodist.studio.transcribe.TranscribeViewModel.Phase;
import org.melodist.transcribe.TranscribedNote;

/**
 * The "Transcribe" window: open or drop a recording, or sing (with a level meter and the pitch being sung);
 * the notes heard as a strip of bars (time across, pitch up); then "Use as new track" or "Use as seed".
 * Not modal: the musician can move the playhead in Compose before using the notes.
 */
public final class TranscribeWindow {

    /** The recordings the file chooser and drops accept (what the analysis decoder reads). */
    static final List<String> AUDIO = List.of("wav", "wave", "aif", "aiff", "aifc", "au", "mp3", "ogg", "oga", "flac");

    private final Stage stage = new Stage();
    private final TranscribeViewModel vm;
    private final Canvas strip = new Canvas(620, 200);

    private TranscribeWindow(Window owner, TranscribeViewModel vm) {
        this.vm = vm;
        Label source = new Label();
        source.setId("transcribe-source");
        source.textProperty().bind(Bindings.createStringBinding(
                () -> vm.sourceProperty().get().isEmpty() ? "No recording yet" : "From " + vm.sourceProperty().get(), vm.sourceProperty()));
        source.setStyle("-fx-font-weight: bold;");

        Button open = new Button("Open recording…");
        open.setId("transcribe-open");
        open.disableProperty().bind(busy());
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A recording of one melody (singing, humming, one instrument)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audio files",
                    AUDIO.stream().map(x -> "*." + x).toList()));
            File f = chooser.showOpenDialog(stage);
            if (f != null) vm.transcribeFile(f.toPath());
        });
        Button sing = new Button("● Sing");
        sing.setId("transcribe-sing");
        sing.getStyleClass().add("danger");
        sing.disableProperty().bind(vm.inputAvailableProperty().not().or(busy()));
        sing.setOnAction(e -> vm.sing());
        Tooltip singTip = new Tooltip();
        singTip.textProperty().bind(Bindings.createStringBinding(() -> vm.inputAvailableProperty().get()
                ? "Record from the microphone: the notes appear as you sing" : vm.inputProblemProperty().get(),
                vm.inputAvailableProperty(), vm.inputProblemProperty()));
        sing.setTooltip(singTip);
        // a disabled button shows no tooltip: the reason is also written beside it
        Label noInput = new Label();
        noInput.setId("transcribe-no-input");
        noInput.getStyleClass().add("model-state");
        noInput.textProperty().bind(vm.inputProblemProperty());
        noInput.visibleProperty().bind(vm.inputAvailableProperty().not());
        noInput.managedProperty().bind(noInput.visibleProperty());
        Button stop = new Button("■ Stop");
        stop.setId("transcribe-stop");
        stop.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.RECORDING));
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> vm.stop());

        ProgressBar level = new ProgressBar(0);
        level.setId("transcribe-level");
        level.setPrefWidth(160);
        level.progressProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(1, (vm.levelDbProperty().get() + 60) / 60)), vm.levelDbProperty()));
        Label pitch = new Label();
        pitch.setId("transcribe-live-pitch");
        pitch.setMinWidth(90);
        pitch.setStyle("-fx-font-size: 16px; -fx-font-family: monospace;");
        pitch.textProperty().bind(vm.livePitchProperty());
        Label seconds = new Label();
        seconds.textProperty().bind(Bindings.createStringBinding(() -> vm.phaseProperty().get() == Phase.RECORDING
                ? String.format(Locale.ROOT, "%.1f s", vm.recordedSecondsProperty().get()) : "", vm.recordedSecondsProperty(), vm.phaseProperty()));
        HBox live = new HBox(8, new Label("Level"), level, new Label("Pitch"), pitch, seconds);
        live.setAlignment(Pos.CENTER_LEFT);
        live.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.RECORDING));
        live.managedProperty().bind(live.visibleProperty());

        Pane stripPane = new Pane(strip);
        stripPane.setId("transcribe-notes");
        stripPane.setMinHeight(160);
        strip.widthProperty().bind(stripPane.widthProperty());
        strip.heightProperty().bind(stripPane.heightProperty());
        strip.widthProperty().addListener(o -> draw());
        strip.heightProperty().addListener(o -> draw());
        vm.notes().addListener((javafx.collections.ListChangeListener<TranscribedNote>) c -> draw());
        vm.liveMidiProperty().addListener(o -> draw());
        VBox.setVgrow(stripPane, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("transcribe-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);

        Button asTrack = new Button("Use as new track");
        asTrack.setId("transcribe-use-track");
        asTrack.getStyleClass().add("accent");
        asTrack.disableProperty().bind(vm.hasNotesProperty().not().or(busy()));
        asTrack.setTooltip(new Tooltip("Add the notes as a new track from the playhead (one Undo takes it back)"));
        asTrack.setOnAction(e -> vm.useAsNewTrack());
        Button asSeed = new Button("Use as seed");
        asSeed.setId("transcribe-use-seed");
        asSeed.disableProperty().bind(vm.hasNotesProperty().not().or(busy()));
        asSeed.setTooltip(new Tooltip("Put the notes into the edited track at the playhead, selected, so that Generate continues them"));
        asSeed.setOnAction(e -> vm.useAsSeed());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        HBox top = new HBox(8, open, sing, stop, noInput);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, top, live, source, stripPane, summary, new HBox(8, asTrack, asSeed, gap, close));
        root.setPadding(new Insets(12));
        root.setPrefSize(660, 400);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(f -> isAudio(f.toPath()))) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var f = e.getDragboard().getFiles().stream().map(File::toPath).filter(TranscribeWindow::isAudio).findFirst();
            f.ifPresent(vm::transcribeFile);
            e.setDropCompleted(f.isPresent());
            e.consume();
        });
        stage.setTitle("Transcribe a recording");
        if (owner != null) stage.initOwner(owner);
        stage.setScene(new Scene(root));
        draw();
    }

    private javafx.beans.binding.BooleanBinding busy() {
        return Bindings.createBooleanBinding(() -> vm.phaseProperty().get().isBusy(), vm.phaseProperty());
    }

    /** True for the file types a recording can be (by extension). */
    public static boolean isAudio(Path p) {
        String n = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && AUDIO.contains(n.substring(dot + 1));
    }

    /** The notes as bars: time across, one row per semitone, the pitch names on the bars; the sung pitch as a line. */
    private void draw() {
        GraphicsContext g = strip.getGraphicsContext2D();
        double w = strip.getWidth();
        double h = strip.getHeight();
        g.setFill(Color.web("#1b1c20"));
        g.fillRect(0, 0, w, h);
        List<TranscribedNote> ns = List.copyOf(vm.notes());
        double live = vm.liveMidiProperty().get();
        if (ns.isEmpty() && Double.isNaN(live)) {
            g.setFill(Color.web("#8b8f98"));
            g.fillText(vm.phaseProperty().get() == Phase.RECORDING ? "Listening…" : "The notes heard appear here", 12, h / 2);
            return;
        }
        int lo = ns.stream().mapToInt(TranscribedNote::pitch).min().orElse((int) Math.round(live));
        int hi = ns.stream().mapToInt(TranscribedNote::pitch).max().orElse((int) Math.round(live));
        if (!Double.isNaN(live)) {
            lo = Math.min(lo, (int) Math.floor(live));
            hi = Math.max(hi, (int) Math.ceil(live));
        }
        lo -= 2;
        hi += 2;
        double end = ns.stream().mapToDouble(TranscribedNote::endSec).max().orElse(1);
        if (vm.phaseProperty().get() == Phase.RECORDING) end = Math.max(end, vm.recordedSecondsProperty().get());
        double row = h / (hi - lo + 1);
        double xs = (w - 10) / Math.max(0.5, end);
        g.setStroke(Color.web("#2c2f36"));
        for (int p = lo; p <= hi; p++) {
            double y = h - (p - lo + 1) * row;
            if (Math.floorMod(p, 12) == 0) {
                g.strokeLine(0, y + row, w, y + row);
                g.setFill(Color.web("#6b7079"));
                g.fillText(PitchNames.name(p), 2, y + row - 2);
            }
        }
        for (TranscribedNote n : ns) {
            double x = 5 + n.startSec() * xs;
            double y = h - (n.pitch() - lo + 1) * row;
            double width = Math.max(2, (n.endSec() - n.startSec()) * xs);
            g.setFill(Color.web("#4fa3ff").deriveColor(0, 1, 1, 0.45 + 0.55 * n.confidence()));
            g.fillRoundRect(x, y + 1, width, Math.max(3, row - 2), 4, 4);
            if (width > 24 && row > 9) {
                g.setFill(Color.web("#0d1117"));
                g.fillText(PitchNames.name(n.pitch()), x + 3, y + row - 3);
            }
        }
        if (!Double.isNaN(live)) {
            double y = h - (live - lo + 0.5) * row;
            g.setStroke(Color.web("#ffb84d"));
            g.setLineWidth(2);
            g.strokeLine(w - 40, y, w - 4, y);
            g.setLineWidth(1);
        }
    }

    /** Opens the window (or brings it to the front). */
    public static Stage open(Window owner, TranscribeViewModel vm) {
        TranscribeWindow t = new TranscribeWindow(owner, vm);
        t.stage.show();
        return t.stage;
    }
}
