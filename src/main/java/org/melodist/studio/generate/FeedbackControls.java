package org.melodist.studio.generate;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;

import org.melodist.Plurals;
import org.melodist.studio.controls.Buttons;

/**
 * The Generate panel's controls for learning from the musician: thumbs up / down on the variation shown, which
 * model wrote it when personal and base are compared, the number of judgements with Clear, Learn from my choices
 * with its progress and Cancel, and Reset of the personal model. Bound to {@link FeedbackViewModel} and
 * {@link GenerateViewModel}; the keys live in the studio's action table.
 */
final class FeedbackControls {

    private FeedbackControls() {
    }

    /** Thumbs up and down, and the label of the model that wrote the variation shown (when comparing). */
    static List<Node> judging(GenerateViewModel gen) {
        Label model = new Label();
        model.setId("generate-variation-model");
        model.getStyleClass().add("variation-model");
        model.textProperty().bind(gen.currentModelLabelProperty());
        model.visibleProperty().bind(gen.currentModelLabelProperty().isNotEmpty());
        model.managedProperty().bind(model.visibleProperty());
        Button up = Buttons.command("▲ Up", "generate-thumbs-up",
                "Thumbs up: I like this variation; it is logged as kept, to learn your taste from (Alt+Up)", gen::thumbUp);
        Button down = Buttons.command("▼ Down", "generate-thumbs-down",
                "Thumbs down: I don't like this variation; it is logged as dropped (Alt+Down)", gen::thumbDown);
        for (Button b : List.of(up, down)) b.disableProperty().bind(gen.hasVariationsProperty().not());
        return List.of(model, up, down);
    }

    /**
     * The judgements' count as a small menu (Learn from my choices, Clear…, Reset personal model), and, only when they
     * apply, the Learn from my choices button (30 judgements and more), its progress and Cancel, and Compare with base
     * (a personal model chosen): compact, so the panel keeps its rows and the piano roll its height.
     */
    static List<Node> learning(FeedbackViewModel fb, GenerateViewModel gen) {
        MenuButton count = new MenuButton();
        count.setId("feedback-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> Plurals.count(fb.countProperty().get(), "judgement"), fb.countProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> fb.describeCount() + " · every Accept, Discard and thumbs up/down is one line per variation in "
                + fb.logFile(), fb.countProperty()));
        count.setTooltip(tip);
        MenuItem learnItem = new MenuItem("Learn from my choices");
        learnItem.setId("feedback-learn-item");
        learnItem.setOnAction(e -> fb.learn());
        learnItem.disableProperty().bind(fb.canLearnProperty().not());
        MenuItem clear = new MenuItem("Clear judgements…");
        clear.setId("feedback-clear");
        clear.setOnAction(e -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, fb.clearQuestion(), ButtonType.OK, ButtonType.CANCEL);
            ask.setHeaderText("Clear your judgements");
            if (ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) fb.clear();
        });
        clear.disableProperty().bind(fb.countProperty().isEqualTo(0).or(fb.learningProperty()));
        MenuItem reset = new MenuItem("Reset personal model");
        reset.setId("feedback-reset");
        reset.setOnAction(e -> fb.resetPersonal());
        reset.disableProperty().bind(fb.personalExistsProperty().not().or(fb.learningProperty()));
        count.getItems().addAll(learnItem, clear, new SeparatorMenuItem(), reset);

        Button learn = Buttons.command("Learn from my choices", "feedback-learn",
                "Learn a personal model from your judgements, in the background; it is then chosen, listed as personal", fb::learn);
        learn.disableProperty().bind(fb.canLearnProperty().not());
        learn.visibleProperty().bind(fb.countProperty().greaterThanOrEqualTo(FeedbackViewModel.LEARN_AFTER).or(fb.learningProperty()));
        learn.managedProperty().bind(learn.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("feedback-progress");
        progress.setPrefWidth(90);
        progress.progressProperty().bind(fb.progressProperty());
        Button cancel = Buttons.command("Cancel", "feedback-cancel", "Stop learning; the previous personal model stays", fb::cancelLearning);
        for (Node n : List.of(progress, cancel)) {
            n.visibleProperty().bind(fb.learningProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        CheckBox compare = new CheckBox("Compare with base");
        compare.setId("generate-compare-base");
        compare.selectedProperty().bindBidirectional(gen.compareWithBaseProperty());
        compare.setTooltip(new Tooltip("Half the variations of each Generate come from the base model, labelled, so you can judge "
                + "the personal model and the base in the same batch"));
        compare.visibleProperty().bind(gen.personalChosenProperty());
        compare.managedProperty().bind(compare.visibleProperty());
        return List.of(count, learn, progress, cancel, compare);
    }
}
