package org.melodist.studio.transport;

import java.io.File;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

import org.melodist.studio.controls.Buttons;
import org.melodist.sound.PlaybackState;

/**
 * The transport bar: return to start, play/pause, loop, tempo, metronome, position and soundbank. While
 * playing, a display-rate timer moves the playhead to where the music is.
 */
public final class TransportView extends HBox {

    private final TransportViewModel vm;

    public TransportView(TransportViewModel vm) {
        super(6);
        this.vm = vm;
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("transport");

        Button toStart = Buttons.command("|◀", "transport-start", "Return to start", vm::returnToStart);

        Button play = new Button("▶");
        play.setId("transport-play");
        play.getStyleClass().add("play-button");
        play.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(PlaybackState.PLAYING)).then("⏸").otherwise("▶"));
        play.disableProperty().bind(vm.canPlayProperty().not());
        play.setTooltip(new Tooltip("Play / pause"));
        play.setOnAction(e -> vm.togglePlay());

        // a disabled button shows no tooltip, so the reason sits beside it
        Label why = new Label();
        why.setId("transport-unavailable");
        why.getStyleClass().add("unavailable-reason");
        why.textProperty().bind(Bindings.createStringBinding(() -> shortReason(vm.unavailableReasonProperty().get()),
                vm.unavailableReasonProperty()));
        why.visibleProperty().bind(vm.canPlayProperty().not());
        why.managedProperty().bind(why.visibleProperty());
        why.setMaxWidth(200);
        why.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip whyTip = new Tooltip();
        whyTip.textProperty().bind(vm.unavailableReasonProperty());
        why.setTooltip(whyTip);

        ToggleButton loop = new ToggleButton("⟳ Loop");
        loop.setId("transport-loop");
        loop.setTooltip(new Tooltip("Loop the region dragged in the ruler"));
        loop.selectedProperty().bindBidirectional(vm.loopProperty());
        loop.setOnAction(e -> {
            // turning loop on with no region yet loops the whole song
            if (loop.isSelected()) {
                loop.setSelected(false);
                vm.toggleLoop();
                loop.setSelected(vm.loopProperty().get());
            }
        });

        Spinner<Double> tempo = new Spinner<>();
        tempo.setId("transport-tempo");
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(20, 300, vm.bpmProperty().get(), 1);
        tempo.setValueFactory(f);
        tempo.setEditable(true);
        tempo.setPrefWidth(80);
        f.valueProperty().addListener((obs, o, n) -> {
            if (n != null && Math.abs(n - vm.bpmProperty().get()) > 1e-9) vm.bpmProperty().set(n);
        });
        vm.bpmProperty().addListener((obs, o, n) -> f.setValue(n.doubleValue()));
        tempo.setTooltip(new Tooltip("Playback tempo in BPM (the song's tempo is kept)"));

        ToggleButton click = new ToggleButton("Metronome");
        click.setId("transport-metronome");
        click.selectedProperty().bindBidirectional(vm.metronomeProperty());

        Label position = new Label();
        position.setId("transport-position");
        position.getStyleClass().add("position");
        position.textProperty().bind(vm.positionProperty());
        position.setMinWidth(150);

        Label bank = new Label();
        bank.getStyleClass().add("soundbank");
        bank.textProperty().bind(Bindings.concat("Sound: ", vm.soundbankProperty()));
        bank.setMaxWidth(220);
        Tooltip bankTip = new Tooltip();
        bankTip.textProperty().bind(vm.soundbankProperty());
        bank.setTooltip(bankTip);
        Button chooseBank = new Button("Soundfont…");
        chooseBank.setId("transport-soundfont");
        chooseBank.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a SoundFont");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SoundFont 2 / DLS", "*.sf2", "*.dls"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) vm.chooseSoundbank(file.toPath());
        });

        Label tempoLabel = new Label("Tempo");
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {toStart, play, loop, tempoLabel, tempo, click,
                position, chooseBank}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // the first to give way in a narrow window: the Soundfont button and its tooltip tell the same
        bank.setMinWidth(0);
        getChildren().addAll(toStart, play, why, loop, tempoLabel, tempo, click, new Separator(javafx.geometry.Orientation.VERTICAL),
                position, new Separator(javafx.geometry.Orientation.VERTICAL), bank, chooseBank);

        AnimationTimer follower = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.followPlayhead();
            }
        };
        vm.stateProperty().addListener((obs, o, n) -> {
            if (n == PlaybackState.PLAYING) follower.start(); else follower.stop();
        });
    }

    /** A few words beside the disabled play button; the tooltip has the whole sentence. */
    static String shortReason(String reason) {
        if (reason == null || reason.isBlank()) return "";
        if (reason.startsWith("Loading")) return reason;
        return reason.toLowerCase(java.util.Locale.ROOT).contains("no audio") ? "No audio device" : "Playback unavailable";
    }

    public TransportViewModel viewModel() {
        return vm;
    }
}
