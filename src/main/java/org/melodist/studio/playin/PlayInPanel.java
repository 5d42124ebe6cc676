package org.melodist.studio.playin;

import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.melodist.perform.JamTiming;
import org.melodist.perform.MidiInputInfo;
import org.melodist.perform.RecordMode;

/**
 * The play-in strip under the transport: the MIDI input, Record with count-in, overdub/replace and
 * quantize on input, step input, Jam with its settings, Keep going; below it, once there is something in
 * it, the jam's history lane (each exchange can be shown in the roll and accepted into the track) and
 * Keep going's continuation (keep or discard). A display-rate timer drives {@link PlayInViewModel#frame()}.
 */
public final class PlayInPanel extends VBox {

    private final PlayInViewModel vm;

    public PlayInPanel(PlayInViewModel vm) {
        super(4);
        this.vm = vm;
        getStyleClass().add("playin-panel");
        setId("playin-panel");

        ComboBox<MidiInputInfo> device = new ComboBox<>(vm.devices());
        device.setId("playin-input");
        device.setPromptText("No MIDI input");
        device.setTooltip(new Tooltip("The MIDI keyboard to play in from (remembered)"));
        device.valueProperty().bindBidirectional(vm.inputProperty());
        device.setConverter(new StringConverter<>() {
            @Override
            public String toString(MidiInputInfo i) {
                return i == null ? "" : i.label();
            }

            @Override
            public MidiInputInfo fromString(String s) {
                return null;
            }
        });
        device.disableProperty().bind(vm.hasInputsProperty().not());
        device.setPrefWidth(160);
        Label inputStatus = new Label();
        inputStatus.setId("playin-input-status");
        inputStatus.getStyleClass().add("playin-status");
        inputStatus.textProperty().bind(vm.inputStatusProperty());
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(vm.inputStatusProperty());
        inputStatus.setTooltip(statusTip);
        Button refresh = new Button("⟳");
        refresh.setId("playin-refresh");
        refresh.setTooltip(new Tooltip("Look for MIDI inputs again (done every two seconds anyway)"));
        refresh.setOnAction(e -> vm.refreshDevices());

        ToggleButton record = new ToggleButton("● Rec");
        record.setId("playin-record");
        record.getStyleClass().add("record-button");
        record.selectedProperty().bind(vm.stateProperty().isEqualTo(PlayInViewModel.State.RECORDING)
                .or(vm.stateProperty().isEqualTo(PlayInViewModel.State.COUNT_IN)));
        record.setOnAction(e -> vm.toggleRecord());
        record.setTooltip(new Tooltip("Record into the selected track at the playhead, after the count-in"));
        Label countIn = new Label();
        countIn.setId("playin-count-in");
        countIn.getStyleClass().add("count-in");
        countIn.textProperty().bind(Bindings.createStringBinding(() -> vm.countInProperty().get().isEmpty() ? ""
                : "Count-in " + vm.countInProperty().get(), vm.countInProperty()));
        countIn.visibleProperty().bind(vm.countInProperty().isNotEmpty());
        countIn.managedProperty().bind(countIn.visibleProperty());

        ComboBox<Integer> countInBars = new ComboBox<>();
        countInBars.setId("playin-count-in-bars");
        countInBars.getItems().addAll(0, 1, 2);
        countInBars.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n == 0 ? "none" : n == 1 ? "1 bar" : n + " bars";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        countInBars.setValue(vm.countInBarsProperty().get());
        countInBars.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.countInBarsProperty().set(b);
        });
        vm.countInBarsProperty().addListener((o, a, b) -> countInBars.setValue(b.intValue()));

        ComboBox<RecordMode> mode = new ComboBox<>();
        mode.setId("playin-mode");
        mode.getItems().addAll(RecordMode.values());
        mode.valueProperty().bindBidirectional(vm.recordModeProperty());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecordMode m) {
                return m == null ? "" : m == RecordMode.OVERDUB ? "Overdub" : "Replace";
            }

            @Override
            public RecordMode fromString(String s) {
                return null;
            }
        });
        mode.setTooltip(new Tooltip("Overdub adds the take to the track; Replace replaces the notes in the bars recorded"));

        CheckBox quantize = new CheckBox("Quantize");
        quantize.setId("playin-quantize");
        quantize.selectedProperty().bindBidirectional(vm.quantizeProperty());
        quantize.setTooltip(new Tooltip("Move recorded notes towards the piano roll's grid as they come in"));
        Spinner<Integer> strength = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(10, 100,
                (int) Math.round(vm.quantizeStrengthProperty().get() * 100), 10));
        strength.setId("playin-quantize-strength");
        strength.setPrefWidth(76);
        strength.disableProperty().bind(vm.quantizeProperty().not());
        strength.valueProperty().addListener((o, a, b) -> vm.quantizeStrengthProperty().set(b / 100.0));
        vm.quantizeStrengthProperty().addListener((o, a, b) ->
                strength.getValueFactory().setValue((int) Math.round(b.doubleValue() * 100)));
        strength.setTooltip(new Tooltip("Quantize strength in %: 100 snaps onto the grid, 50 goes half way"));

        ToggleButton step = new ToggleButton("Step");
        step.setId("playin-step");
        step.selectedProperty().bindBidirectional(vm.stepInputProperty());
        step.setTooltip(new Tooltip("While stopped, each note (or chord) played goes in at the playhead with the grid's length"));

        ToggleButton jam = new ToggleButton("Jam");
        jam.setId("playin-jam");
        jam.selectedProperty().bind(vm.stateProperty().isEqualTo(PlayInViewModel.State.JAMMING));
        jam.setOnAction(e -> vm.toggleJam());
        jam.setTooltip(new Tooltip("Call and response: play a phrase, the model answers on the next beat"));
        ComboBox<JamTiming.PhraseEnd> phraseEnd = new ComboBox<>();
        phraseEnd.setId("playin-phrase-end");
        phraseEnd.getItems().addAll(JamTiming.PhraseEnd.values());
        phraseEnd.valueProperty().bindBidirectional(vm.phraseEndProperty());
        phraseEnd.setConverter(new StringConverter<>() {
            @Override
            public String toString(JamTiming.PhraseEnd p) {
                return p == null ? "" : p == JamTiming.PhraseEnd.REST ? "after a rest" : "at the bar line";
            }

            @Override
            public JamTiming.PhraseEnd fromString(String s) {
                return null;
            }
        });
        phraseEnd.setTooltip(new Tooltip("When your phrase is over: after a rest (beats below) or at the next bar line"));
        Spinner<Integer> rest = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 4, vm.restBeatsProperty().get()));
        rest.setId("playin-rest-beats");
        rest.setPrefWidth(62);
        rest.valueProperty().addListener((o, a, b) -> vm.restBeatsProperty().set(b));
        vm.restBeatsProperty().addListener((o, a, b) -> rest.getValueFactory().setValue(b.intValue()));
        rest.disableProperty().bind(vm.phraseEndProperty().isEqualTo(JamTiming.PhraseEnd.BAR_LINE));
        rest.setTooltip(new Tooltip("Rest, in beats, that ends your phrase"));
        Spinner<Integer> bars = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 8, vm.answerBarsProperty().get()));
        bars.setId("playin-answer-bars");
        bars.setPrefWidth(62);
        bars.valueProperty().addListener((o, a, b) -> vm.answerBarsProperty().set(b));
        vm.answerBarsProperty().addListener((o, a, b) -> bars.getValueFactory().setValue(b.intValue()));
        bars.setTooltip(new Tooltip("Length of the model's answer in bars (temperature and key lock as in Generate)"));

        ToggleButton keepGoing = new ToggleButton("Keep going");
        keepGoing.setId("playin-keep-going");
        keepGoing.selectedProperty().bindBidirectional(vm.keepGoingProperty());
        keepGoing.setTooltip(new Tooltip("While playing, the model continues the selected track ahead of the playhead, bar by bar"));

        // one row: the record and jam settings sit in drop-downs whose buttons say what is set
        MenuButton recordSettings = new MenuButton();
        recordSettings.setId("playin-record-settings");
        recordSettings.textProperty().bind(Bindings.createStringBinding(() -> recordSummary(),
                vm.countInBarsProperty(), vm.recordModeProperty(), vm.quantizeProperty(), vm.quantizeStrengthProperty()));
        recordSettings.getItems().addAll(row("Count-in", countInBars), row("Takes", mode), row(quantize, strength));
        recordSettings.setTooltip(new Tooltip("Count-in, overdub or replace, quantize on input"));
        MenuButton jamSettings = new MenuButton();
        jamSettings.setId("playin-jam-settings");
        jamSettings.textProperty().bind(Bindings.createStringBinding(() -> jamSummary(),
                vm.phraseEndProperty(), vm.restBeatsProperty(), vm.answerBarsProperty()));
        jamSettings.getItems().addAll(row("Your phrase ends", phraseEnd), row("Rest (beats)", rest), row("Answer (bars)", bars));
        jamSettings.setTooltip(new Tooltip("When your phrase ends and how long the model answers"
                + " (temperature, key lock and Follow chords as in Generate)"));

        FlowPane controls = new FlowPane(Orientation.HORIZONTAL, 6, 4);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getChildren().addAll(device, refresh, inputStatus, sep(), record, countIn, recordSettings, sep(), step,
                sep(), jam, jamSettings, sep(), keepGoing);
        for (var n : controls.getChildren()) {
            if (n instanceof Region r && r != inputStatus) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        // the status is cut first; its tooltip has the whole line
        inputStatus.setMinWidth(0);
        inputStatus.setMaxWidth(130);

        // the history lane and the continuation, shown once there is something in them
        ListView<JamExchange> lane = new ListView<>(vm.history());
        lane.setId("playin-history");
        lane.setOrientation(Orientation.HORIZONTAL);
        lane.setPrefHeight(38);
        lane.setMaxHeight(38);
        HBox.setHgrow(lane, Priority.ALWAYS);
        lane.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(JamExchange x, boolean empty) {
                super.updateItem(x, empty);
                setText(empty || x == null ? null : String.format(Locale.ROOT, "%d · you %d → model %d notes · %.0f ms",
                        x.number(), x.phrase().size(), x.answer().size(), x.readyAfterEndMillis()));
            }
        });
        lane.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedExchangeProperty().set(b));
        Button acceptExchange = new Button("Accept into track");
        acceptExchange.setId("playin-accept-exchange");
        acceptExchange.disableProperty().bind(lane.getSelectionModel().selectedItemProperty().isNull());
        acceptExchange.setOnAction(e -> vm.acceptExchange(lane.getSelectionModel().getSelectedItem()));
        acceptExchange.setTooltip(new Tooltip("Write the chosen exchange (your phrase and the answer) into the track, one undo step"));
        Label laneLabel = new Label("Jam history");
        HBox history = new HBox(6, laneLabel, lane, acceptExchange);
        history.setAlignment(Pos.CENTER_LEFT);
        history.setId("playin-history-row");
        history.visibleProperty().bind(Bindings.isNotEmpty(vm.history()));
        history.managedProperty().bind(history.visibleProperty());

        Label contLabel = new Label();
        contLabel.setId("playin-continuation");
        contLabel.textProperty().bind(Bindings.createStringBinding(() -> "Keep going: "
                + vm.continuationProperty().get().size() + " notes continued", vm.continuationProperty()));
        Button keep = new Button("Keep continuation");
        keep.setId("playin-keep-continuation");
        keep.setOnAction(e -> vm.acceptContinuation());
        Button discard = new Button("Discard");
        discard.setId("playin-discard-continuation");
        discard.setOnAction(e -> vm.discardContinuation());
        HBox cont = new HBox(6, contLabel, keep, discard);
        cont.setAlignment(Pos.CENTER_LEFT);
        cont.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.continuationProperty().get().isEmpty(),
                vm.continuationProperty()));
        cont.managedProperty().bind(cont.visibleProperty());

        getChildren().addAll(controls, history, cont);

        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.frame();
            }
        };
        timer.start();
    }

    private String recordSummary() {
        int bars = vm.countInBarsProperty().get();
        String count = bars == 0 ? "no count-in" : bars + " bar" + (bars == 1 ? "" : "s");
        String mode = vm.recordModeProperty().get() == RecordMode.REPLACE ? "replace" : "overdub";
        String q = vm.quantizeProperty().get()
                ? String.format(Locale.ROOT, " · Q%d%%", Math.round(vm.quantizeStrengthProperty().get() * 100)) : "";
        return count + " · " + mode + q;
    }

    private String jamSummary() {
        String end = vm.phraseEndProperty().get() == JamTiming.PhraseEnd.BAR_LINE ? "bar line"
                : "rest " + vm.restBeatsProperty().get();
        return end + " · " + vm.answerBarsProperty().get() + " bars";
    }

    /** A labelled control inside a drop-down; clicking in it does not close the menu. */
    private static CustomMenuItem row(String label, javafx.scene.Node control) {
        Label l = new Label(label);
        l.setMinWidth(110);
        return row(l, control);
    }

    private static CustomMenuItem row(javafx.scene.Node first, javafx.scene.Node control) {
        HBox box = new HBox(8, first, control);
        box.setAlignment(Pos.CENTER_LEFT);
        CustomMenuItem item = new CustomMenuItem(box, false);
        return item;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    public PlayInViewModel viewModel() {
        return vm;
    }
}
