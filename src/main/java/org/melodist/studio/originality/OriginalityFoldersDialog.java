package org.melodist.studio.originality;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The folders of the musician's own tunes that the originality check compares with, besides the training
 * tunes: add and remove them; they are indexed in the background with progress (only new or changed files
 * are read) and remembered.
 */
public final class OriginalityFoldersDialog {

    private OriginalityFoldersDialog() {
    }

    public static Stage open(Window owner, OriginalityViewModel vm) {
        ListView<Path> list = new ListView<>(vm.folders());
        list.setId("originality-folders");
        list.setPrefSize(520, 200);
        Stage stage = new Stage();
        Button add = new Button("Add folder…");
        add.setId("originality-add-folder");
        add.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A folder of MIDI tunes to compare with");
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                vm.addFolder(dir.toPath());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("originality-remove-folder");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(vm.indexingProperty()));
        remove.setOnAction(e -> vm.removeFolder(list.getSelectionModel().getSelectedItem()));
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
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
        VBox bottom = new VBox(6, progress, status, new HBox(8, add, remove, close));
        BorderPane root = new BorderPane(list, intro, null, bottom, null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(intro, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        stage.setTitle("Originality: your folders");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root));
        stage.show();
        return stage;
    }
}
