package org.melodist.studio.generate;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import org.melodist.studio.controls.Buttons;
import org.melodist.generate.GenerationOptions;
import org.melodist.song.Key;

/**
 * The Generate strip above the piano roll: continuation length, temperature, variations, key lock and
 * random seed; Generate / Cancel with a progress indicator; the variation cycler with Audition, Accept and
 * Discard. Everything is bound to {@link GenerateViewModel}; the ghost notes are the shell's business.
 */
public final class GeneratePanel extends HBox {

    private static final javafx.css.PseudoClass PROBLEM = javafx.css.PseudoClass.getPseudoClass("problem");

    private final GenerateViewModel vm;

    public GeneratePanel(GenerateViewModel vm) {
        super(6);
        this.vm = vm;
        setId("generate-panel");
        getStyleClass().add("generate-panel");
        setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> bars = intSpinner("generate-bars", 1, GenerationOptions.MAX_BARS, vm.barsProperty().get(), 62);
        bars.getValueFactory().valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.barsProperty().set(n);
        });
        vm.barsProperty().addListener((obs, o, n) -> bars.getValueFactory().setValue(n.intValue()));
        bars.setTooltip(new Tooltip("Length of the continuation in bars"));

        Spinner<Double> temperature = new Spinner<>();
        temperature.setId("generate-temperature");
        SpinnerValueFactory.DoubleSpinnerValueFactory tf =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(GenerateViewModel.MIN_TEMPERATURE, GenerateViewModel.MAX_TEMPERATURE,
                        vm.temperatureProperty().get(), 0.1);
        tf.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.parseDouble(s.trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    return vm.temperatureProperty().get();
                }
            }
        });
        temperature.setValueFactory(tf);
        temperature.setEditable(true);
        temperature.setPrefWidth(80);
        tf.valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.temperatureProperty().set(n);
        });
        vm.temperatureProperty().addListener((obs, o, n) -> tf.setValue(n.doubleValue()));
        temperature.setTooltip(new Tooltip("Temperature: below 1 keeps close to the model's favourite notes, above 1 ventures further"));

        Spinner<Integer> count = intSpinner("generate-variations", 1, GenerationOptions.MAX_VARIATIONS,
                vm.variationCountProperty().get(), 58);
        count.getValueFactory().valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.variationCountProperty().set(n);
        });
        vm.variationCountProperty().addListener((obs, o, n) -> count.getValueFactory().setValue(n.intValue()));
        count.setTooltip(new Tooltip("How many variations one Generate makes"));

        ComboBox<Key> key = keyChoice();
        key.valueProperty().bindBidirectional(vm.keyLockProperty());

        javafx.scene.control.TextField rng = new javafx.scene.control.TextField();
        rng.setId("generate-rng-seed");
        rng.setPrefColumnCount(4);
        TextFormatter<Long> seedFormat = new TextFormatter<>(new javafx.util.converter.LongStringConverter(),
                vm.rngSeedProperty().get(), change -> change.getControlNewText().matches("\\d{0,12}") ? change : null);
        rng.setTextFormatter(seedFormat);
        seedFormat.valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.rngSeedProperty().set(n);
        });
        vm.rngSeedProperty().addListener((obs, o, n) -> seedFormat.setValue(n.longValue()));
        rng.setTooltip(new Tooltip("Random seed: the same seed and settings give the same variations"));
        Button dice = Buttons.command("New", "generate-new-seed", "A new random seed", vm::newRngSeed);

        Button generate = new Button("Generate");
        generate.setId("generate-run");
        generate.getStyleClass().add("accent");
        generate.disableProperty().bind(vm.canGenerateProperty().not());
        generate.visibleProperty().bind(vm.runningProperty().not());
        generate.managedProperty().bind(generate.visibleProperty());
        generate.setTooltip(new Tooltip("Continue the selection, or the bars before the playhead"));
        generate.setOnAction(e -> vm.generate());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("generate-progress");
        spinner.progressProperty().bind(vm.progressProperty());
        spinner.setPrefSize(22, 22);
        spinner.setMaxSize(22, 22);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("generate-cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setTooltip(new Tooltip("Stop generating"));
        cancel.setOnAction(e -> vm.cancel());

        var none = vm.hasVariationsProperty().not();
        Button previous = Buttons.command("◀", "generate-previous", "Previous variation", vm::previous);
        Label which = new Label();
        which.setId("generate-which");
        which.getStyleClass().add("variation-index");
        which.textProperty().bind(Bindings.createStringBinding(() -> vm.variations().isEmpty() ? "–/–"
                : (vm.currentIndexProperty().get() + 1) + "/" + vm.variations().size(), vm.variations(), vm.currentIndexProperty()));
        which.setMinWidth(36);
        which.setAlignment(Pos.CENTER);
        Button next = Buttons.command("▶", "generate-next", "Next variation", vm::next);
        Button audition = Buttons.command("Audition", "generate-audition",
                "Play the song with this variation, from the start of the seed", vm::audition);
        Button accept = new Button("Accept");
        accept.setId("generate-accept");
        accept.getStyleClass().add("success");
        accept.setTooltip(new Tooltip("Write this variation into the track; one Undo takes it back"));
        accept.setOnAction(e -> vm.accept());
        Button discard = Buttons.command("Discard", "generate-discard", "Forget the variations", vm::discard);
        for (Control c : List.of(previous, next, audition, accept, discard)) c.disableProperty().bind(none);

        Label state = new Label();
        state.setId("generate-model-state");
        state.getStyleClass().add("model-state");
        state.textProperty().bind(vm.modelStateProperty());
        state.setMinWidth(0);
        Tooltip stateTip = new Tooltip();
        stateTip.textProperty().bind(vm.modelStateProperty());
        state.setTooltip(stateTip);
        // the state earns its room only when something is wrong or pending; "ready" is implied by Generate
        state.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !vm.modelStateProperty().get().equals("Melody model ready"), vm.modelStateProperty()));
        state.managedProperty().bind(state.visibleProperty());
        HBox.setHgrow(state, Priority.ALWAYS);

        state.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        // a missing or broken model reads as a warning, like the transport's "No audio device"
        state.pseudoClassStateChanged(PROBLEM, !vm.modelAvailableProperty().get());
        vm.modelAvailableProperty().addListener((obs, o, ok) -> state.pseudoClassStateChanged(PROBLEM, !ok));
        Separator beforeCycler = separator();
        // without a model there is nothing to cycle: its room goes to the reason
        for (javafx.scene.Node n : List.of(beforeCycler, previous, which, next, audition, accept, discard)) {
            n.visibleProperty().bind(vm.modelAvailableProperty());
            n.managedProperty().bind(n.visibleProperty());
        }

        List<javafx.scene.Node> nodes = new ArrayList<>(List.of(
                label("Bars"), bars, label("Temp"), temperature, label("Variations"), count, label("Key"), key,
                label("Seed"), rng, dice, generate, spinner, cancel, beforeCycler,
                previous, which, next, audition, accept, discard, separator(), state));
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Region r && n != state) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(nodes);
        // in a narrow window the strip is cut at the right rather than widening the whole window
        setMinWidth(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    public GenerateViewModel viewModel() {
        return vm;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int value, double width) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(width);
        return s;
    }

    /** "Off" or one of the 24 keys. */
    private static ComboBox<Key> keyChoice() {
        List<Key> keys = new ArrayList<>();
        keys.add(null);
        for (Key.Mode mode : Key.Mode.values()) {
            for (int tonic = 0; tonic < 12; tonic++) keys.add(new Key(tonic, mode));
        }
        ComboBox<Key> box = new ComboBox<>(FXCollections.observableArrayList(keys));
        box.setId("generate-key");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Key k) {
                return k == null ? "Off" : k.toString();
            }

            @Override
            public Key fromString(String s) {
                return s == null || s.isBlank() || s.equals("Off") ? null : Key.parse(s);
            }
        });
        box.setPrefWidth(112);
        box.setTooltip(new Tooltip("Key lock: generated notes keep to this key's scale (Off: any pitch)"));
        return box;
    }
}
