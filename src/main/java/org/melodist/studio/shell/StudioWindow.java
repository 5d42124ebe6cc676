package org.melodist.studio.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;

import org.melodist.studio.analysis.AnalysisView;
import org.melodist.studio.chords.ChordLaneView;
import org.melodist.studio.document.DocumentViewModel;
import org.melodist.studio.document.RecoveryStore;
import org.melodist.studio.generate.GeneratePanel;
import org.melodist.studio.pianoroll.PianoRollView;
import org.melodist.studio.tracks.TrackListView;
import org.melodist.studio.transport.TransportView;

/**
 * The studio's main window: menu bar, Compose and Analysis tabs, status bar; the file dialogs and
 * questions (unsaved changes, restore after a crash) that need a window. State lives in
 * {@link StudioViewModel}; this class only builds nodes and routes user actions to it.
 */
public final class StudioWindow {

    public static final String STYLESHEET = "/org/melodist/studio/studio.css";

    private final StudioViewModel vm;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final PianoRollView pianoRoll;
    private final ChordLaneView chordLane;
    private final TabPane tabs = new TabPane();
    private final Menu recentMenu = new Menu("Open Recent");
    private final StatusBar statusBar = new StatusBar();
    private final HBox composeBar = new HBox(8);
    private final GeneratePanel generatePanel;
    private org.melodist.studio.playin.PlayInPanel playInPanel;
    private final StudioActions actions;
    private final Tab composeTab;
    private org.melodist.studio.prefs.PreferencesView preferences;

    public StudioWindow(Stage stage, StudioViewModel vm) {
        // the app stylesheet builds on the theme's -color-* variables, so the theme comes first
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        this.stage = stage;
        this.vm = vm;
        pianoRoll = new PianoRollView(vm.pianoRoll());
        chordLane = new ChordLaneView(vm.chords(), pianoRoll.geometry(), vm.pianoRoll()::song);
        pianoRoll.addLaneUnderRuler(ChordLaneView.harmoniseButton(vm.chords()), chordLane, ChordLaneView.HEIGHT);
        pianoRoll.addRepaintListener(chordLane::repaint);
        chordLane.setPlayhead(vm.pianoRoll().playheadProperty()::get);
        // the wheel over the lane scrolls and zooms the roll (and so the lane) as over the notes
        chordLane.addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            pianoRoll.notesArea().fireEvent(e.copyFor(pianoRoll.notesArea(), pianoRoll.notesArea()));
            e.consume();
        });
        actions = new StudioActions(vm, new StudioActions.WindowCommands(this::newSong, this::openDialog, this::save,
                this::saveAs, this::exportWav, this::quit, this::showShortcuts, this::about, this::learnStyle,
                this::transcribeWindow, this::singSeed, this::preferences));
        root.setTop(actions.menuBar(recentMenu));
        root.setCenter(tabs);
        root.setBottom(statusBar);
        root.getStyleClass().add("studio-root");

        BorderPane compose = new BorderPane();
        SplitPane split = new SplitPane(new TrackListView(vm.tracks()), pianoRoll);
        split.setDividerPositions(0.17);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        compose.setCenter(split);
        TransportView transport = new TransportView(vm.transport());
        HBox.setHgrow(transport, javafx.scene.layout.Priority.ALWAYS);
        composeBar.getChildren().addAll(transport, dragHandle());
        composeBar.setAlignment(Pos.CENTER_LEFT);
        composeBar.getStyleClass().add("compose-bar");
        pianoRoll.setAuditioner(vm.transport()::audition);
        composeBar.setId("compose-bar");
        generatePanel = new GeneratePanel(vm.generate());
        org.melodist.studio.originality.VariationBadgesViewModel badges = vm.badges();
        generatePanel.attachOriginality(badges,
                () -> showComparison(badges.resultProperty().get(), badges.comparison()),
                () -> badges.originality().checkSelectionOrTrack(vm.pianoRoll())
                        .ifPresent(r -> showComparison(r, badges.originality().lastComparison())),
                () -> preferences(org.melodist.studio.prefs.PreferencesViewModel.Section.ORIGINALITY));
        javafx.scene.control.MenuItem learnStyle = new javafx.scene.control.MenuItem("Learn a style…");
        learnStyle.setId("generate-model-learn");
        learnStyle.setOnAction(e -> learnStyle());
        generatePanel.addModelMenuItem(learnStyle);
        VBox top = new VBox(composeBar);
        if (vm.playIn() != null) {
            playInPanel = new org.melodist.studio.playin.PlayInPanel(vm.playIn());
            top.getChildren().add(playInPanel);
            var playIn = vm.playIn();
            javafx.beans.value.ChangeListener<java.util.List<org.melodist.song.Note>> live = (obs, o, n) -> {
                pianoRoll.setLiveNotes(playIn.liveNotesProperty().get(), playIn.modelNotesProperty().get());
                // the first notes played in may lie outside the view: bring them in once
                if (o.isEmpty() && !n.isEmpty()) pianoRoll.reveal(n);
            };
            playIn.liveNotesProperty().addListener(live);
            playIn.modelNotesProperty().addListener(live);
            playIn.selectedExchangeProperty().addListener((obs, o, n) -> {
                if (n != null) pianoRoll.reveal(n.notes());
            });
        }
        top.getChildren().add(generatePanel);
        compose.setTop(top);
        // the variation under audition is drawn faintly after its seed
        vm.generate().currentNotesProperty().addListener((obs, o, n) -> {
            pianoRoll.setGhostVariation(n);
            // fresh variations may lie beyond the edge: bring them into view once, not on every cycle
            if (o.isEmpty() && !n.isEmpty()) pianoRoll.reveal(n);
        });
        actions.addKeyHints(compose);
        composeTab = new Tab("Compose", compose);
        composeTab.setId("compose-tab");
        // a .mid given to the analysis tab opens in Compose (asking about unsaved changes first)
        vm.openRequests().handleWith(midi -> {
            tabs.getSelectionModel().select(composeTab);
            openFile(midi);
        });
        AnalysisView analysisView = new AnalysisView(vm.analysis());
        analysisView.onUseAsMelody(p -> {
            transcribeWindow();
            vm.transcribe().transcribeFile(p);
        });
        Tab analysisTab = new Tab("Analysis", analysisView);
        analysisTab.setId("analysis-tab");
        tabs.getTabs().addAll(composeTab, analysisTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        statusBar.textProperty().bind(vm.statusProperty());
        statusBar.progressProperty().bind(vm.progressProperty());
        Label docInfo = new Label();
        docInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            var song = vm.document().current();
            int notes = song.tracks().stream().mapToInt(t -> t.notes().size()).sum();
            var key = song.key();
            return notes + " notes · " + song.tracks().size() + " tracks · "
                    + Math.round(song.tempoMap().initialBpm()) + " BPM · " + song.timeSignature()
                    + (key == null ? "" : " · " + key);
        }, vm.document().songProperty()));
        Label selInfo = new Label();
        selInfo.textProperty().bind(Bindings.createStringBinding(
                () -> vm.pianoRoll().selection().isEmpty() ? "" : vm.pianoRoll().selection().size() + " selected",
                vm.pianoRoll().selectionProperty()));
        javafx.scene.control.Button cancelJob = new javafx.scene.control.Button("Cancel");
        cancelJob.setId("cancel-job");
        cancelJob.visibleProperty().bind(vm.jobProperty().isNotNull());
        cancelJob.managedProperty().bind(cancelJob.visibleProperty());
        cancelJob.setOnAction(e -> vm.cancelJob());
        statusBar.getRightItems().addAll(cancelJob, selInfo, new Label("  "), docInfo);

        // a size remembered on a bigger monitor must still fit this one
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(screen.getWidth(), vm.prefs().getDouble("window.width", 1280)),
                Math.min(screen.getHeight(), vm.prefs().getDouble("window.height", 800)));
        scene.getStylesheets().add(StudioWindow.class.getResource(STYLESHEET).toExternalForm());
        actions.installKeys(scene, () -> tabs.getSelectionModel().getSelectedItem() == composeTab, pianoRoll.notesArea(), chordLane);
        scene.setOnDragOver(this::dragOver);
        scene.setOnDragDropped(this::dropped);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.concat("Melodist — ", vm.document().titleProperty()));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        vm.prefs().get("window.x").ifPresent(x -> stage.setX(vm.prefs().getDouble("window.x", 0)));
        vm.prefs().get("window.y").ifPresent(y -> stage.setY(vm.prefs().getDouble("window.y", 0)));
        stage.setMaximized(vm.prefs().getBoolean("window.maximized", false));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard("closing")) {
                e.consume();
                return;
            }
            shutdown();
        });
        vm.files().recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
        rebuildRecentMenu();
    }

    public Stage stage() {
        return stage;
    }

    public PianoRollView pianoRoll() {
        return pianoRoll;
    }

    /** The chord lane between the ruler and the notes. */
    public ChordLaneView chordLane() {
        return chordLane;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The transport row above the piano roll; the Generate strip ({@link #generatePanel()}) sits below it. */
    public HBox composeBar() {
        return composeBar;
    }

    public StudioViewModel viewModel() {
        return vm;
    }

    /** The play-in strip (MIDI input, Record, step input, Jam, Keep going); null in a studio made without it. */
    public org.melodist.studio.playin.PlayInPanel playInPanel() {
        return playInPanel;
    }

    public GeneratePanel generatePanel() {
        return generatePanel;
    }

    /** The table of the studio's commands that the menus, keys, tooltips and F1 list are built from. */
    StudioActions actions() {
        return actions;
    }

    /**
     * Fills the window at start-up: offers to restore work lost in a crash, otherwise reopens the most
     * recent file, or the demo tune on the very first start.
     */
    public void openInitialSong(boolean askAboutRecovery) {
        openInitialSong(askAboutRecovery, Optional.empty());
    }

    /**
     * Opens what the studio starts with: unsaved work from a crash if the musician wants it back, else the
     * file the studio was launched with (a .mid double-clicked in a file manager, or {@code melodist song.mid}),
     * else the demo tune on the very first start, else the most recent song.
     */
    public void openInitialSong(boolean askAboutRecovery, Optional<Path> launchedWith) {
        RecoveryStore recovery = vm.files().recovery();
        if (askAboutRecovery && recovery.exists() && askRestore(recovery)) {
            if (vm.files().restoreRecovery()) {
                pianoRoll.scrollToContent();
                return;
            }
        }
        boolean first = !vm.prefs().getBoolean("started", false);
        vm.prefs().putBoolean("started", true);
        vm.prefs().save();
        Optional<Path> start = launchedWith.isPresent() ? launchedWith
                : first ? DemoSong.locate() : vm.files().recentFiles().stream().findFirst();
        if (start.isEmpty() && first) vm.statusProperty().set("Demo tune not found (" + DemoSong.RELATIVE + ")");
        start.ifPresent(vm.files()::open);
        pianoRoll.scrollToContent();
    }

    // ---- menus --------------------------------------------------------------------------------------

    private void quit() {
        if (confirmDiscard("quitting")) {
            shutdown();
            stage.close();
        }
    }

    /** Edit ▸ Preferences…: the Preferences window at the section shown last. */
    private void preferences() {
        preferences(null);
    }

    /** The Preferences window at this section (null: the one shown last), made on first use. */
    private void preferences(org.melodist.studio.prefs.PreferencesViewModel.Section section) {
        if (preferences == null) {
            preferences = new org.melodist.studio.prefs.PreferencesView(stage,
                    new org.melodist.studio.prefs.PreferencesViewModel(vm.badges().originality(), vm.generate().feedback()));
        }
        preferences.show(section);
    }

    private void showShortcuts() {
        ShortcutsDialog.show(stage, actions.helpRows());
    }

    /** "Learn a style…": one window, kept while training goes on in the background, brought to the front when asked again. */
    private void learnStyle() {
        if (styleWindow == null) {
            styleWindow = org.melodist.studio.style.StyleLearningDialog.open(stage, vm.style());
        } else {
            styleWindow.show();
            styleWindow.toFront();
        }
    }

    private Stage styleWindow;

    /** The "Transcribe" window, one for the session, brought to the front when asked again. */
    private void transcribeWindow() {
        if (transcribeStage == null) {
            transcribeStage = org.melodist.studio.transcribe.TranscribeWindow.open(stage, vm.transcribe());
        } else {
            transcribeStage.show();
            transcribeStage.toFront();
        }
    }

    private Stage transcribeStage;

    /** "Sing a seed…": the Transcribe window, recording at once when there is an input (else it says why). */
    private void singSeed() {
        transcribeWindow();
        vm.transcribe().sing();
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : vm.files().recentFiles()) {
            MenuItem mi = new MenuItem(String.valueOf(p.getFileName()));
            mi.setOnAction(e -> openFile(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---- file commands ------------------------------------------------------------------------------

    private void newSong() {
        if (!confirmDiscard("starting a new song")) return;
        vm.files().newSong();
        pianoRoll.scrollToContent();
    }

    private void openDialog() {
        if (!confirmDiscard("opening another song")) return;
        FileChooser chooser = chooser("Open MIDI file");
        File f = chooser.showOpenDialog(stage);
        if (f != null) openChecked(f.toPath());
    }

    /** Opens a file after asking about unsaved changes (recent files, drops). */
    public void openFile(Path file) {
        if (!confirmDiscard("opening another song")) return;
        openChecked(file);
    }

    private void openChecked(Path file) {
        if (vm.files().open(file)) {
            pianoRoll.scrollToContent();
        } else {
            notifyError(vm.statusProperty().get());
        }
    }

    private boolean save() {
        if (vm.document().file() == null) return saveAs();
        boolean ok = vm.files().save();
        if (!ok) notifyError(vm.statusProperty().get());
        return ok;
    }

    private boolean saveAs() {
        FileChooser chooser = chooser("Save MIDI file");
        Path current = vm.document().file();
        chooser.setInitialFileName(current == null ? "melody.mid" : String.valueOf(current.getFileName()));
        File f = chooser.showSaveDialog(stage);
        if (f == null) return false;
        boolean ok = vm.files().saveAs(f.toPath());
        if (!ok) notifyError(vm.statusProperty().get());
        return ok;
    }

    private void exportWav() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export WAV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV audio", "*.wav"));
        Path folder = vm.files().lastFolderProperty().get();
        if (folder != null && Files.isDirectory(folder)) chooser.setInitialDirectory(folder.toFile());
        Path current = vm.document().file();
        String base = current == null ? "melody" : String.valueOf(current.getFileName()).replaceFirst("\\.[^.]*$", "");
        chooser.setInitialFileName(base + ".wav");
        File f = chooser.showSaveDialog(stage);
        if (f != null) vm.exportWav(f.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("MIDI files", "*.mid", "*.midi"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path folder = vm.files().lastFolderProperty().get();
        if (folder != null && Files.isDirectory(folder)) chooser.setInitialDirectory(folder.toFile());
        return chooser;
    }

    /** True when it is fine to replace the song: it is saved, the user saved it now, or chose to discard. */
    private boolean confirmDiscard(String what) {
        if (!vm.document().isDirty()) return true;
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Save the changes to " + vm.document().titleProperty().get().replaceFirst("^\\*", "") + " before " + what + "?",
                saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("You have unsaved changes");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) return false;
        if (answer.get() == saveButton) return save();
        vm.files().clearRecovery();
        return true;
    }

    private boolean askRestore(RecoveryStore recovery) {
        String when = "";
        try {
            when = " from " + DateFormat.getDateTimeInstance().format(new Date(Files.getLastModifiedTime(recovery.file()).toMillis()));
        } catch (IOException ignored) {
            // the time is only a courtesy
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Melodist did not close normally. Restore the unsaved work" + when + "?",
                new ButtonType("Restore", ButtonBar.ButtonData.YES), new ButtonType("Discard", ButtonBar.ButtonData.NO));
        alert.setTitle("Restore unsaved work");
        alert.setHeaderText("Unsaved work was found");
        Optional<ButtonType> answer = alert.showAndWait();
        boolean restore = answer.isPresent() && answer.get().getButtonData() == ButtonBar.ButtonData.YES;
        if (!restore) vm.files().clearRecovery();
        return restore;
    }

    /** An error as a notification in the corner of the window: one line, no stack trace, no modal dialog. */
    void notifyError(String message) {
        Notifications.create().owner(stage).title("Melodist").text(message).hideAfter(Duration.seconds(8)).showError();
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                "Melodist — sketch a melody, let the model continue it, play and analyse it.\nFree software under the GNU GPL v3.",
                ButtonType.CLOSE);
        alert.initOwner(stage);
        alert.setTitle("About Melodist");
        alert.setHeaderText("Melodist");
        alert.show();
    }

    // ---- drag and drop ------------------------------------------------------------------------------

    private void dragOver(DragEvent e) {
        Dragboard db = e.getDragboard();
        if (e.getGestureSource() == null && db.hasFiles()
                && db.getFiles().stream().anyMatch(f -> DocumentViewModel.isMidiFile(f.toPath()) || recordingOnCompose(f.toPath()))) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        Dragboard db = e.getDragboard();
        Optional<Path> midi = db.hasFiles()
                ? db.getFiles().stream().map(File::toPath).filter(DocumentViewModel::isMidiFile).findFirst()
                : Optional.empty();
        Optional<Path> recording = db.hasFiles() && midi.isEmpty()
                ? db.getFiles().stream().map(File::toPath).filter(this::recordingOnCompose).findFirst()
                : Optional.empty();
        e.setDropCompleted(midi.isPresent() || recording.isPresent());
        e.consume();
        // a recording dropped on Compose is transcribed: its notes can then become a track or a seed
        recording.ifPresent(p -> {
            transcribeWindow();
            vm.transcribe().transcribeFile(p);
        });
        // ask after the drop completes: a modal dialog inside the drop handler would block the source
        midi.ifPresent(p -> javafx.application.Platform.runLater(() -> openFile(p)));
    }

    /** A recording (by its extension) dropped while Compose shows; on the analysis tab a drop is analysed instead. */
    private boolean recordingOnCompose(Path p) {
        return tabs.getSelectionModel().getSelectedItem() == composeTab
                && org.melodist.studio.transcribe.TranscribeWindow.isAudio(p);
    }

    /** A handle that drags the current song out of the window as a .mid file. */
    private Node dragHandle() {
        Label handle = new Label("⇲ Drag MIDI");
        handle.setId("midi-drag-handle");
        handle.getStyleClass().add("drag-handle");
        handle.setMinWidth(Region.USE_PREF_SIZE);
        handle.setTooltip(new Tooltip("Drag the song into a DAW or file manager as a .mid file"));
        handle.setOnDragDetected(e -> {
            try {
                Path out = vm.files().exportForDrag();
                Dragboard db = handle.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.putFiles(List.of(out.toFile()));
                db.setContent(content);
                vm.statusProperty().set("Dragging " + out.getFileName());
            } catch (IOException ex) {
                vm.statusProperty().set("Cannot prepare the MIDI file for dragging: " + ex.getMessage());
            }
            e.consume();
        });
        HBox box = new HBox(8, handle);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ---- closing ------------------------------------------------------------------------------------

    /** Remembers the window and settings; removes the recovery file (the user has saved or discarded). */
    private void shutdown() {
        vm.prefs().putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            vm.prefs().putDouble("window.width", stage.getWidth());
            vm.prefs().putDouble("window.height", stage.getHeight());
            vm.prefs().putDouble("window.x", stage.getX());
            vm.prefs().putDouble("window.y", stage.getY());
        }
        vm.rememberSettings();
        vm.files().clearRecovery();
        vm.files().flushAutosave();
        vm.close();
    }

    /** The shared passage beside its source, with the transport playing either (nothing when none is shared). */
    private void showComparison(org.melodist.originality.OriginalityResult result,
                                org.melodist.originality.PassageComparison comparison) {
        if (result == null || comparison == null) {
            return;
        }
        org.melodist.studio.originality.PassageCompareDialog.open(stage, result, comparison,
                vm.transport().bpmProperty().get(), (song, tick) -> vm.transport().playPreview(song, tick));
    }
}
