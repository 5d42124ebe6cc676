package org.melodist.studio;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The studio window. */
public final class StudioApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Melodist");
        stage.setScene(new Scene(new StackPane(new Label("Melodist studio: the piano roll arrives with the studio issue.")), 1000, 650));
        stage.show();
    }
}
