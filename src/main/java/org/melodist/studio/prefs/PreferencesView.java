package org.melodist.studio.prefs;

import java.util.EnumMap;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.melodist.studio.originality.OriginalityFoldersEditor;

/**
 * The Preferences window: one tab per {@link PreferencesViewModel.Section}. Opened from Edit ▸ Preferences… (and
 * at the Originality tab from the Generate panel's Folders…); one window, brought to the front when opened again.
 */
public final class PreferencesView {

    private final PreferencesViewModel vm;
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Map<PreferencesViewModel.Section, Tab> tabOf = new EnumMap<>(PreferencesViewModel.Section.class);

    public PreferencesView(Window owner, PreferencesViewModel vm) {
        this.vm = vm;
        tabs.setId("preferences-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addTab(PreferencesViewModel.Section.ORIGINALITY, "preferences-originality", OriginalityFoldersEditor.create(vm.originality()));
        addTab(PreferencesViewModel.Section.LEARNING, "preferences-learning", learning());
        tabs.getSelectionModel().select(tabOf.get(vm.sectionProperty().get()));
        vm.sectionProperty().addListener((obs, o, n) -> tabs.getSelectionModel().select(tabOf.get(n)));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> tabOf.forEach((s, t) -> {
            if (t == n) vm.sectionProperty().set(s);
        }));

        Button close = new Button("Close");
        close.setId("preferences-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(tabs, null, null, buttons, null);
        root.setId("preferences");
        root.setPadding(new Insets(10));
        BorderPane.setMargin(buttons, new Insets(8, 0, 0, 0));
        stage.setTitle("Preferences");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(root, 600, 400);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    /** Shows the window at this section (null: the one shown last), or brings it to the front there. */
    public void show(PreferencesViewModel.Section section) {
        if (section != null) vm.sectionProperty().set(section);
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private void addTab(PreferencesViewModel.Section section, String id, Region content) {
        content.setPadding(new Insets(10, 4, 4, 4));
        Tab tab = new Tab(section.title(), content);
        tab.setId(id);
        tabOf.put(section, tab);
        tabs.getTabs().add(tab);
    }

    private Region learning() {
        Label intro = new Label("Every Accept, Discard and thumbs up/down in the Generate panel logs one judgement per variation; "
                + "Learn from my choices (in the panel's judgements menu) turns them into a personal model, on this machine.");
        intro.setWrapText(true);
        Label count = new Label();
        count.setId("preferences-judgements");
        count.setWrapText(true);
        count.textProperty().bind(vm.judgementsTextProperty());
        Button clear = new Button("Clear judgements…");
        clear.setId("preferences-clear-judgements");
        clear.disableProperty().bind(vm.canClearProperty().not());
        clear.setOnAction(e -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, vm.clearQuestion(), ButtonType.OK, ButtonType.CANCEL);
            ask.initOwner(stage);
            ask.setHeaderText("Clear your judgements");
            if (ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) vm.clearJudgements();
        });
        VBox box = new VBox(10, intro, count, clear);
        if (vm.feedback() != null) {
            Label status = new Label();
            status.setId("preferences-learning-status");
            status.textProperty().bind(vm.feedback().messageProperty());
            box.getChildren().add(status);
        }
        return box;
    }
}
