package org.melodist.studio.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help ▸ Keyboard shortcuts: the table of {@link Shortcuts}. */
final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        GridPane table = new GridPane();
        table.setHgap(18);
        table.setVgap(4);
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            table.addRow(row++, keys, new Label(s.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Melodist keyboard and mouse shortcuts");
        alert.getDialogPane().setContent(table);
        alert.show();
    }
}
