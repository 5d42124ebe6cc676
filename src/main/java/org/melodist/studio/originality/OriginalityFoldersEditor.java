package org.melodist.studio.originality;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The folders of the musician's own tunes that the originality check compares with, besides the training
 * tunes: add and remove them; they are indexed in the background with progress (only new or changed files
 * are read) and remembered. A pane, shown in the studio's Preferences.
 */
public final class OriginalityFoldersEditor {

    private OriginalityFoldersEditor() {
    }

    /** The list of folders with Add folder… and Remove, the indexing progress and its message. */
    public static Region create(OriginalityViewModel vm) {
        ListView<Path> list = new ListView<>(vm.folders());
        list.setId("originality-folders");
        list.setPrefSize(520, 180);
        list.setPlaceholder(new Label("No folders yet: only the training tunes are compared with"));
        Button add = new Button("Add folder…");
        add.setId("originality-add-folder");
        add.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A folder of MIDI tunes to compare with");
            File dir = chooser.showDialog(add.getScene() == null ? null : add.getScene().getWindow());
            if (dir != null) {
                vm.addFolder(dir.toPath());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("originality-remove-folder");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(vm.indexingProperty()));
        remove.setOnAction(e -> vm.removeFolder(list.getSelectionModel().getSelectedItem()));
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.indexingProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.textProperty().bind(vm.messageProperty());
        status.setId("originality-folders-status");
        Label intro = new Label("Generated variations and \"Check originality\" compare with the melody model's training "
                + "tunes and with the MIDI files in these folders (and their subfolders).");
        intro.setWrapText(true);
        VBox bottom = new VBox(6, new HBox(8, add, remove), progress, status);
        BorderPane root = new BorderPane(list, intro, null, bottom, null);
        BorderPane.setMargin(intro, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        return root;
    }
}
