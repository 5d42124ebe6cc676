package org.melodist.studio.analysis;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import org.melodist.studio.controls.Buttons;
import org.melodist.analysis.AudioAnalysis;
import org.melodist.analysis.FrameFeatures;
import org.melodist.analysis.GenreWindows;
import org.melodist.analysis.genre.GenrePrediction;

/**
 * The analysis tab: a drop zone and Open button feeding the queue, the queue with a progress bar per file,
 * the selected file's summary with Export and Use-as-seed, and its charts in a scroll pane. Everything shown
 * comes from {@link AnalysisViewModel}; the charts are rebuilt when the selected result changes, from series
 * already reduced to a few thousand points so a ten-minute file draws as fast as a short one.
 */
public final class AnalysisView extends BorderPane {

    private static final double CHART_HEIGHT = 210;

    private final AnalysisViewModel vm;
    private final VBox charts = new VBox(8);
    private final ScrollPane chartScroll = new ScrollPane(charts);
    private final Label empty = new Label("Drop a recording on the left (or use Open…) to see its waveform, beats, "
            + "spectrum, key and genre.");
    private long lastChartMillis;

    public AnalysisView(AnalysisViewModel vm) {
        this.vm = vm;
        setId("analysis-view");
        getStyleClass().add("analysis-view");
        setLeft(sidePanel());
        empty.getStyleClass().add("placeholder");
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        charts.setId("analysis-charts");
        charts.setPadding(new Insets(8));
        chartScroll.setFitToWidth(true);
        chartScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        StackPane center = new StackPane(chartScroll, empty);
        setCenter(center);
        vm.selectedResultProperty().addListener((obs, o, r) -> showCharts(r));
        vm.failureProperty().addListener((obs, o, f) -> {
            if (f != null && getScene() != null && getScene().getWindow() != null) {
                Notifications.create().owner(getScene().getWindow()).title("Melodist").text(f.message())
                        .hideAfter(Duration.seconds(8)).showError();
            }
        });
        showCharts(vm.selectedResultProperty().get());
    }

    public AnalysisViewModel viewModel() {
        return vm;
    }

    /** Milliseconds the last chart rebuild took on the FX thread (building the charts and their viewers). */
    public long lastChartMillis() {
        return lastChartMillis;
    }

    // ---- the side panel -----------------------------------------------------------------------------

    private Node sidePanel() {
        VBox side = new VBox(10);
        side.getStyleClass().add("analysis-side");
        side.setPadding(new Insets(10));
        side.setPrefWidth(310);
        side.setMinWidth(260);

        Label dropText = new Label("Drop audio files here\nWAV · AIFF · AU · MP3 · OGG · FLAC\n(a .mid opens in Compose)");
        dropText.setWrapText(true);
        dropText.setStyle("-fx-text-alignment: center;");
        StackPane drop = new StackPane(dropText);
        drop.setId("analysis-drop-zone");
        drop.getStyleClass().add("drop-zone");
        drop.setMinHeight(86);
        drop.setOnDragOver(this::dragOver);
        drop.setOnDragExited(e -> drop.getStyleClass().remove("drag-over"));
        drop.setOnDragDropped(this::dropped);

        Button open = Buttons.command("Open…", "analysis-open", "Choose audio files to analyse", this::openDialog);
        Label queueTitle = new Label("Queue");
        queueTitle.getStyleClass().add("panel-title");
        HBox openRow = new HBox(8, queueTitle, spacer(), open);
        openRow.setAlignment(Pos.CENTER_LEFT);

        ListView<AnalysisItem> queue = new ListView<>(vm.items());
        queue.setId("analysis-queue");
        queue.setCellFactory(list -> new ItemCell());
        queue.setPrefHeight(170);
        queue.setMinHeight(90);
        queue.setPlaceholder(new Label("No files yet"));
        queue.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) vm.selectedProperty().set(n);
        });
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (queue.getSelectionModel().getSelectedItem() != n) queue.getSelectionModel().select(n);
        });

        Label summaryTitle = new Label("Summary");
        summaryTitle.getStyleClass().add("panel-title");
        GridPane facts = new GridPane();
        facts.setId("analysis-summary");
        facts.setHgap(10);
        facts.setVgap(4);
        fact(facts, 0, "File", "summary-file", vm.summaryFileProperty());
        fact(facts, 1, "Duration", "summary-duration", vm.summaryDurationProperty());
        fact(facts, 2, "Source", "summary-source", vm.summarySourceProperty());
        fact(facts, 3, "Tempo", "summary-tempo", vm.summaryTempoProperty());
        fact(facts, 4, "Key", "summary-key", vm.summaryKeyProperty());
        fact(facts, 5, "Genre", "summary-genre", vm.summaryGenreProperty());

        Button csv = Buttons.command("Export CSV…", "analysis-export-csv",
                "The frame-wise series (one row per 23 ms frame) as CSV", () -> exportDialog("csv"));
        Button json = Buttons.command("Export JSON…", "analysis-export-json",
                "Everything, as analyze --json --frames writes it", () -> exportDialog("json"));
        Button seed = new Button("Use as seed");
        seed.setId("analysis-seed");
        seed.getStyleClass().add("accent");
        seed.setTooltip(new Tooltip("Give the song in Compose this recording's tempo and key (undoable)"));
        seed.setOnAction(e -> vm.useAsSeed());
        seed.setMaxWidth(Double.MAX_VALUE);
        for (Button b : List.of(csv, json, seed)) b.disableProperty().bind(vm.hasResultBinding().not());
        HBox exports = new HBox(8, csv, json);

        VBox.setVgrow(queue, Priority.ALWAYS);
        side.getChildren().addAll(drop, openRow, queue, summaryTitle, facts, exports, seed);
        this.side = side;
        return side;
    }

    private VBox side;

    /**
     * Adds "Use as melody" under "Use as seed": {@code transcribe} is given the selected recording, whose notes can
     * then become a track or a seed (the window supplies the transcription).
     */
    public void onUseAsMelody(java.util.function.Consumer<java.nio.file.Path> transcribe) {
        Button melody = new Button("Use as melody");
        melody.setId("analysis-use-melody");
        melody.setTooltip(new Tooltip("Transcribe the recording's melody (one voice or instrument) into notes for a track or a seed"));
        melody.setMaxWidth(Double.MAX_VALUE);
        melody.disableProperty().bind(vm.selectedProperty().isNull());
        melody.setOnAction(e -> {
            AnalysisItem item = vm.selectedProperty().get();
            if (item != null) transcribe.accept(item.file());
        });
        side.getChildren().add(melody);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static void fact(GridPane grid, int row, String name, String id,
                             javafx.beans.value.ObservableValue<String> value) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("fact-value");
        v.textProperty().bind(value);
        v.setWrapText(true);
        v.setMaxWidth(220);
        grid.addRow(row, n, v);
    }

    private void dragOver(DragEvent e) {
        if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            Node zone = (Node) e.getSource();
            if (!zone.getStyleClass().contains("drag-over")) zone.getStyleClass().add("drag-over");
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<Path> files = new ArrayList<>();
        if (e.getDragboard().hasFiles()) {
            for (File f : e.getDragboard().getFiles()) files.add(f.toPath());
        }
        ((Node) e.getSource()).getStyleClass().remove("drag-over");
        e.setDropCompleted(!files.isEmpty());
        e.consume();
        // after the drop completes: a MIDI file may ask about unsaved changes, and a modal dialog inside the
        // drop handler would block the drag source
        if (!files.isEmpty()) javafx.application.Platform.runLater(() -> vm.add(files));
    }

    private void openDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Analyse audio files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Audio files", "*.wav", "*.aif", "*.aiff", "*.au", "*.mp3", "*.ogg",
                        "*.flac", "*.WAV", "*.AIF", "*.AIFF", "*.MP3", "*.OGG", "*.FLAC"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path folder = vm.lastFolderProperty().get();
        if (folder != null && Files.isDirectory(folder)) chooser.setInitialDirectory(folder.toFile());
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null && !chosen.isEmpty()) vm.add(chosen.stream().map(File::toPath).toList());
    }

    private void exportDialog(String extension) {
        AnalysisResult r = vm.selectedResultProperty().get();
        if (r == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export features as " + extension.toUpperCase(java.util.Locale.ROOT));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT) + " files", "*." + extension));
        Path folder = vm.lastFolderProperty().get();
        if (folder != null && Files.isDirectory(folder)) chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(r.fileName().replaceFirst("\\.[^.]*$", "") + "-features." + extension);
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) return;
        if (extension.equals("csv")) vm.exportCsv(f.toPath()); else vm.exportJson(f.toPath());
    }

    // ---- charts -------------------------------------------------------------------------------------

    private void showCharts(AnalysisResult r) {
        long t0 = System.nanoTime();
        charts.getChildren().clear();
        empty.setVisible(r == null);
        chartScroll.setVisible(r != null);
        if (r == null) return;
        AudioAnalysis a = r.analysis();
        FrameFeatures f = a.frames();
        double hop = f.hopSeconds();
        charts.getChildren().add(viewer("chart-waveform", AnalysisCharts.waveform(r.envelope(), a.durationSec(), a.beatTimes())));
        // the rest two to a row, so that most of them fit on one screen; an odd one out takes the whole row
        List<Node> rest = new ArrayList<>();
        Map<String, double[]> spectral = new LinkedHashMap<>();
        spectral.put("centroid", f.spectralCentroid());
        spectral.put("rolloff (85 %)", f.rolloff());
        spectral.put("bandwidth", f.spectralBandwidth());
        rest.add(viewer("chart-spectral", AnalysisCharts.overTime("Spectral centroid, rolloff and bandwidth", "Hz", hop, spectral)));
        rest.add(viewer("chart-rms", AnalysisCharts.overTime("RMS", "RMS", hop, Map.of("rms", f.rms()))));
        rest.add(viewer("chart-chroma", AnalysisCharts.heatMap("Chroma", f.chroma(), hop, true)));
        GenreWindows.Result genre = r.genre();
        if (genre != null) rest.add(viewer("chart-genre", AnalysisCharts.genreBars(genre.prediction().combined().probabilities())));
        rest.add(viewer("chart-mfcc", AnalysisCharts.heatMap("MFCC (each coefficient scaled on its own)", f.mfcc(), hop, false, true)));
        if (genre != null && genre.windows().size() > 1) {
            List<Map<String, Double>> windows = new ArrayList<>();
            for (GenrePrediction p : genre.prediction().windows()) windows.add(p.probabilities());
            rest.add(viewer("chart-genre-time", AnalysisCharts.genreOverTime(windows, GenreWindows.WINDOW_SECONDS)));
        }
        for (int i = 0; i < rest.size(); i += 2) {
            HBox row = new HBox(8, rest.subList(i, Math.min(rest.size(), i + 2)).toArray(Node[]::new));
            row.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
            charts.getChildren().add(row);
        }
        if (genre == null) {
            Label none = new Label("No genre: " + r.genreProblem());
            none.getStyleClass().add("placeholder");
            charts.getChildren().add(none);
        }
        chartScroll.setVvalue(0);
        lastChartMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    private static Node viewer(String id, JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setPrefHeight(CHART_HEIGHT);
        v.setMinHeight(CHART_HEIGHT);
        v.setPrefWidth(400);
        v.setMinWidth(200);
        v.setMaxWidth(Double.MAX_VALUE);
        return v;
    }

    // ---- the queue's cells --------------------------------------------------------------------------

    /** A file in the queue: name and state on top, the progress bar or the one-line detail below. */
    private final class ItemCell extends ListCell<AnalysisItem> {
        private final Label name = new Label();
        private final Label state = new Label();
        private final Label detail = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel = new Button("✕");
        private final VBox box;

        ItemCell() {
            name.getStyleClass().add("fact-value");
            state.getStyleClass().add("fact-name");
            detail.getStyleClass().add("fact-name");
            detail.setStyle("-fx-font-size: 11px;");
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefHeight(8);
            cancel.getStyleClass().addAll("flat", "small");
            cancel.setTooltip(new Tooltip("Cancel or remove"));
            HBox top = new HBox(6, name, spacer(), state, cancel);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, top, bar, detail);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(AnalysisItem item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            name.textProperty().unbind();
            state.textProperty().unbind();
            detail.textProperty().unbind();
            bar.progressProperty().unbind();
            bar.visibleProperty().unbind();
            bar.managedProperty().unbind();
            if (isEmpty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.fileName());
            state.textProperty().bind(item.stateProperty().asString().map(s -> s.toLowerCase(java.util.Locale.ROOT)));
            detail.textProperty().bind(item.detailProperty());
            detail.setTooltip(new Tooltip(item.file().toString()));
            bar.progressProperty().bind(item.progressProperty());
            bar.visibleProperty().bind(item.stateProperty().map(s -> !s.isFinished()));
            bar.managedProperty().bind(bar.visibleProperty());
            cancel.setOnAction(e -> vm.remove(item));
            setGraphic(box);
        }
    }
}
