package org.melodist.studio.style;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.melodist.studio.style.StyleLearningViewModel.Phase;

/**
 * The "Learn a style…" window: the folder and what will be learnt from it, the style's name, the time
 * budget and whether to keep the shipped style; then the progress, the time left, the live loss chart and
 * Cancel. It is not modal: training goes on in the background while the musician composes, and closing the
 * window does not stop it (the status bar shows it; reopening shows where it is).
 */
public final class StyleLearningDialog {

    private final Stage stage = new Stage();

    private StyleLearningDialog(Window owner, StyleLearningViewModel vm) {
        TextField folder = new TextField();
        folder.setId("style-folder");
        folder.setPromptText("a folder of MIDI files in your style (type or paste a path and press Enter, or choose)");
        vm.folderProperty().addListener((obs, o, n) -> folder.setText(n == null ? "" : n.toString()));
        folder.setOnAction(e -> {
            String text = folder.getText().strip();
            if (!text.isEmpty()) vm.chooseFolder(java.nio.file.Path.of(text));
            e.consume(); // Enter here reads the folder; it must not also press Learn
        });
        folder.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.phaseProperty().get().isBusy(), vm.phaseProperty()));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose folder…");
        choose.setId("style-choose-folder");
        choose.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.phaseProperty().get().isBusy(), vm.phaseProperty()));
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A folder of MIDI files in your style");
            if (vm.folderProperty().get() != null && vm.folderProperty().get().getParent() != null
                    && vm.folderProperty().get().getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(vm.folderProperty().get().getParent().toFile());
            }
            File dir = chooser.showDialog(stage);
            if (dir != null) vm.chooseFolder(dir.toPath());
        });

        TextField name = new TextField();
        name.setId("style-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setPrefColumnCount(18);
        Label nameProblem = new Label();
        nameProblem.setId("style-name-problem");
        nameProblem.getStyleClass().add("model-state");
        nameProblem.textProperty().bind(vm.nameProblemProperty());

        Spinner<Double> minutes = new Spinner<>();
        minutes.setId("style-minutes");
        SpinnerValueFactory.DoubleSpinnerValueFactory mf = new SpinnerValueFactory.DoubleSpinnerValueFactory(
                StyleLearningViewModel.MIN_MINUTES, StyleLearningViewModel.MAX_MINUTES, vm.minutesProperty().get(), 1);
        minutes.setValueFactory(mf);
        minutes.setEditable(true);
        minutes.setPrefWidth(90);
        minutes.setMinWidth(90);
        mf.valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.minutesProperty().set(n);
        });
        minutes.setTooltip(new Tooltip("Training stops at the end of this budget and keeps its best epoch"));
        CheckBox keep = new CheckBox("Keep the folk style (rehearse tunes the shipped model writes)");
        keep.setId("style-keep");
        keep.selectedProperty().bindBidirectional(vm.keepShippedStyleProperty());

        Label minutesLabel = new Label("minutes of training");
        minutesLabel.setMinWidth(Region.USE_PREF_SIZE);
        VBox form = new VBox(6, row("Folder", folder, choose), row("Name", name, nameProblem),
                row("Budget", minutes, minutesLabel), row("", keep));

        // what will be learnt: the summary lines, and every file's line in a fold-out list
        VBox summary = new VBox(2);
        summary.setId("style-summary");
        Runnable showSummary = () -> summary.getChildren().setAll(vm.summary().stream().map(line -> {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        }).toList());
        vm.summary().addListener((javafx.collections.ListChangeListener<String>) c -> showSummary.run());
        showSummary.run();
        ListView<String> files = new ListView<>(vm.fileLines());
        files.setId("style-files");
        files.setPrefHeight(120);
        TitledPane filesPane = new TitledPane();
        filesPane.textProperty().bind(Bindings.createStringBinding(() -> "Files (" + vm.fileLines().size() + ")", vm.fileLines()));
        filesPane.setContent(files);
        filesPane.setExpanded(false);
        filesPane.visibleProperty().bind(Bindings.isNotEmpty(vm.fileLines()));
        filesPane.managedProperty().bind(filesPane.visibleProperty());

        ProgressBar progress = new ProgressBar(0);
        progress.setId("style-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label timeLeft = new Label();
        timeLeft.setId("style-time-left");
        timeLeft.textProperty().bind(vm.timeLeftProperty());
        Label status = new Label();
        status.setId("style-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        LossChart chart = new LossChart(vm);

        Button learn = new Button("Learn");
        learn.setId("style-learn");
        learn.getStyleClass().add("accent");
        learn.setDefaultButton(true);
        learn.disableProperty().bind(vm.canStartProperty().not());
        learn.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel learning");
        cancel.setId("style-cancel");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.phaseProperty().get() != Phase.TRAINING && vm.phaseProperty().get() != Phase.SCANNING, vm.phaseProperty()));
        cancel.setTooltip(new Tooltip("Stop after the current batch; the best epoch so far is kept (none before the first epoch ends)"));
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setId("style-close");
        close.setCancelButton(true);
        close.setTooltip(new Tooltip("Close this window; learning goes on in the background"));
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, learn, cancel, gap, close);

        Label intro = new Label("Teach the melody model your style: it continues from the shipped model and learns from "
                + "the most melodic track of each MIDI file in the folder. The new style appears in the Generate panel's "
                + "model list.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(10, intro, form, summary, filesPane, new HBox(8, progress, timeLeft), status, chart.node(), buttons);
        root.setPadding(new Insets(12));
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        root.setPrefSize(700, 760);
        stage.setTitle("Learn a style");
        if (owner != null) stage.initOwner(owner);
        stage.setScene(new Scene(root));
    }

    private static HBox row(String title, javafx.scene.Node... nodes) {
        Label l = new Label(title);
        l.setMinWidth(56);
        HBox box = new HBox(8, l);
        box.getChildren().addAll(nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Opens the window over {@code owner} (or brings it to the front when it is open). */
    public static Stage open(Window owner, StyleLearningViewModel vm) {
        StyleLearningDialog d = new StyleLearningDialog(owner, vm);
        d.stage.show();
        return d.stage;
    }
}
