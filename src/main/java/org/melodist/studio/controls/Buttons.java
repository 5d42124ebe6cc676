package org.melodist.studio.controls;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The studio's plain command buttons: a label, an id that tests and stylesheets find, a tooltip, an action. */
public final class Buttons {

    private Buttons() {
    }

    public static Button command(String text, String id, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
