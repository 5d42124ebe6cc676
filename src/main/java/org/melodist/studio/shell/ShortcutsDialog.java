package org.melodist.studio.shell;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Help ▸ Keyboard shortcuts (F1): the {@link StudioActions} table by section, every key shown whole. */
final class ShortcutsDialog {

    /** Longest line of a description before it wraps. */
    private static final double HELP_WIDTH = 430;

    private ShortcutsDialog() {
    }

    static GridPane table(List<StudioActions.HelpRow> rows) {
        GridPane table = new GridPane();
        table.setId("shortcuts-table");
        table.setHgap(18);
        table.setVgap(4);
        // the key column takes the width its longest entry needs; only descriptions wrap
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints help = new ColumnConstraints();
        help.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().addAll(keys, help);
        int row = 0;
        StudioActions.Section section = null;
        for (StudioActions.HelpRow r : rows) {
            if (r.section() != section) {
                section = r.section();
                Label title = new Label(section.title);
                title.getStyleClass().add("shortcut-section");
                title.setStyle("-fx-font-weight: bold; -fx-padding: " + (row == 0 ? "0" : "8") + " 0 2 0;");
                table.add(title, 0, row++, 2, 1);
            }
            Label k = new Label(r.keys());
            k.getStyleClass().add("shortcut-keys");
            k.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(k, VPos.TOP);
            Label h = new Label(r.help());
            h.setWrapText(true);
            h.setMaxWidth(HELP_WIDTH);
            table.addRow(row++, k, h);
        }
        return table;
    }

    static void show(Window owner, List<StudioActions.HelpRow> rows) {
        ScrollPane scroll = new ScrollPane(table(rows));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // wide enough that few descriptions wrap, tall enough for most of the list, small enough for 1024x700
        scroll.setPrefViewportWidth(760);
        scroll.setPrefViewportHeight(460);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Melodist keyboard and mouse shortcuts");
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setMinWidth(820);
        alert.setResizable(true);
        alert.show();
    }
}
