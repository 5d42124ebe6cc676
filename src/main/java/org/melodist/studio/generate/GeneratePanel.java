package org.melodist.studio.generate;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import org.melodist.studio.controls.Buttons;
import org.melodist.studio.generate.GenerateViewModel.ModelState;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.song.Key;

/**
 * The Generate strip above the piano roll (two rows in a narrow window): continuation length, temperature, top-p, variations, key lock and
 * random seed; Generate / Cancel with a progress indicator; the variation cycler with Audition, Accept and
 * Discard. Everything is bound to {@link GenerateViewModel}; the ghost notes are the shell's business.
 */
public final class GeneratePanel extends FlowPane {

    private static final javafx.css.PseudoClass PROBLEM = javafx.css.PseudoClass.getPseudoClass("problem");

    private final GenerateViewModel vm;

    public GeneratePanel(GenerateViewModel vm) {
        super(Orientation.HORIZONTAL, 6, 4);
        this.vm = vm;
        setId("generate-panel");
        getStyleClass().add("generate-panel");
        setAlignment(Pos.CENTER_LEFT);

        // groups that stay whole: in a narrow window the settings and the variations move to further rows
        // instead of being cut off at the right
        List<Node> all = settingsControls();
        // bars to variations, and key to Generate: two groups, each kept whole (a row each in a narrow window)
        List<Node> sampling = new ArrayList<>(all.subList(0, SAMPLING_CONTROLS));
        List<Node> settings = new ArrayList<>(all.subList(SAMPLING_CONTROLS, all.size()));
        settings.addAll(runControls());
        List<Node> cycler = new ArrayList<>(variationControls());
        if (vm.feedback() != null) cycler.addAll(FeedbackControls.judging(vm));
        cycler.add(separator());
        Label state = modelStateLabel();
        getChildren().addAll(group(modelControls()), group(sampling), group(settings), group(cycler));
        if (vm.feedback() != null) getChildren().add(group(FeedbackControls.learning(vm.feedback(), vm)));
        getChildren().add(state);
        // a long reason is shortened with an ellipsis rather than cut
        state.maxWidthProperty().bind(widthProperty().subtract(12));
        setMinWidth(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /**
     * The originality group: the badge of the variation shown (click: the shared passage beside its source),
     * "Avoid copies", "Check originality" of the selection or track, and the folders compared with. The
     * window supplies what the buttons open.
     */
    public void attachOriginality(org.melodist.studio.originality.VariationBadgesViewModel badges, Runnable compare,
                                  Runnable check, Runnable folders) {
        javafx.scene.control.Hyperlink badge = new javafx.scene.control.Hyperlink();
        badge.setId("originality-badge");
        badge.textProperty().bind(badges.badgeProperty());
        badge.visibleProperty().bind(badges.badgeProperty().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(badges.tooltipProperty());
        badge.setTooltip(tip);
        badge.setOnAction(e -> compare.run());
        javafx.scene.control.CheckBox avoid = new javafx.scene.control.CheckBox("Avoid copies");
        avoid.setId("generate-avoid-copies");
        avoid.selectedProperty().bindBidirectional(badges.avoidCopiesProperty());
        avoid.setTooltip(new javafx.scene.control.Tooltip("Variations that copy a training tune or one of your folders' "
                + "tunes are resampled before they are shown (at every temperature the model borrows less than the "
                + "corpus's composers do; see the melody model card)"));
        javafx.scene.control.Button checkButton = org.melodist.studio.controls.Buttons.command("Check originality",
                "originality-check", "Compare the selection (or the whole track) with the training tunes and your folders", check);
        javafx.scene.control.Button folderButton = org.melodist.studio.controls.Buttons.command("Folders…",
                "originality-folders-button", "Your folders of tunes that the originality check compares with", folders);
        getChildren().add(group(List.of(badge, avoid, checkButton, folderButton)));
    }

    /**
     * The model picker: the shipped model and the user's own (styles, and any other kind registered with the
     * catalog), and a menu to rename or delete the chosen user model. Choosing one that cannot be used falls
     * back to the shipped model with a one-line notice.
     */
    private List<Node> modelControls() {
        ModelPicker picker = vm.picker();
        ComboBox<MelodyModelCatalog.Entry> box = new ComboBox<>(picker.models());
        box.setId("generate-model");
        box.setValue(picker.chosen());
        boolean[] syncing = {false};
        picker.chosenProperty().addListener((obs, o, n) -> {
            syncing[0] = true;
            box.setValue(n);
            syncing[0] = false;
        });
        // re-listing the models (a style learnt or renamed) must not lose the shown choice
        picker.models().addListener((javafx.collections.ListChangeListener<MelodyModelCatalog.Entry>) c -> {
            syncing[0] = true;
            box.setValue(picker.chosen());
            syncing[0] = false;
        });
        box.setOnAction(e -> {
            MelodyModelCatalog.Entry n = box.getValue();
            if (syncing[0] || n == null || n.equals(picker.chosen())) return;
            vm.chooseModel(n);
            // a model that could not be used leaves the shipped one chosen: show that, not the refused one
            if (!picker.chosen().equals(box.getValue())) {
                syncing[0] = true;
                box.setValue(picker.chosen());
                syncing[0] = false;
            }
        });
        box.setOnShowing(e -> picker.refresh());
        box.setPrefWidth(170);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> {
            MelodyModelCatalog.Entry e = picker.chosen();
            return e == null ? "" : "Generate with " + e.displayName() + "\n" + e.dir();
        }, picker.chosenProperty()));
        box.setTooltip(tip);

        javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton("⋯");
        more.setId("generate-model-menu");
        more.setTooltip(new Tooltip("Rename or delete the chosen model"));
        javafx.scene.control.MenuItem rename = new javafx.scene.control.MenuItem("Rename…");
        rename.setId("generate-model-rename");
        rename.setOnAction(e -> renameChosen());
        javafx.scene.control.MenuItem delete = new javafx.scene.control.MenuItem("Delete…");
        delete.setId("generate-model-delete");
        delete.setOnAction(e -> deleteChosen());
        javafx.beans.binding.BooleanBinding shipped = Bindings.createBooleanBinding(
                () -> picker.chosen() == null || picker.chosen().isShipped(), picker.chosenProperty());
        rename.disableProperty().bind(shipped);
        delete.disableProperty().bind(shipped);
        more.getItems().addAll(rename, delete);
        modelMenu = more;
        return List.of(label("Model"), box, more, modelNoticeLabel());
    }

    private javafx.scene.control.MenuButton modelMenu;

    /** Adds an item to the model menu (the window adds "Learn a style…"), before Rename and Delete. */
    public void addModelMenuItem(javafx.scene.control.MenuItem item) {
        int at = modelMenu.getItems().size() - 2;
        modelMenu.getItems().add(at, item);
        if (at == 0) modelMenu.getItems().add(1, new javafx.scene.control.SeparatorMenuItem());
    }

    private void renameChosen() {
        MelodyModelCatalog.Entry e = vm.picker().chosen();
        if (e == null || e.isShipped()) return;
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(e.name());
        d.setTitle("Rename model");
        d.setHeaderText("Rename the " + e.kindLabel().toLowerCase(java.util.Locale.ROOT) + " '" + e.name() + "'");
        d.setContentText("New name:");
        if (getScene() != null) d.initOwner(getScene().getWindow());
        d.showAndWait().ifPresent(name -> vm.renameModel(e, name));
    }

    private void deleteChosen() {
        MelodyModelCatalog.Entry e = vm.picker().chosen();
        if (e == null || e.isShipped()) return;
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Delete the " + e.kindLabel().toLowerCase(java.util.Locale.ROOT) + " '" + e.name() + "' and its folder "
                        + e.dir() + "? This cannot be undone.",
                javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        a.setTitle("Delete model");
        a.setHeaderText(null);
        if (getScene() != null) a.initOwner(getScene().getWindow());
        a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.deleteModel(e));
    }

    /**
     * A short warning beside the picker while the chosen model gave way to the shipped one; its tooltip (and
     * the status bar, when it happened) has the whole reason.
     */
    private Label modelNoticeLabel() {
        Label notice = new Label("⚠ fell back");
        notice.setId("generate-model-notice");
        notice.getStyleClass().add("model-state");
        notice.pseudoClassStateChanged(PROBLEM, true);
        notice.visibleProperty().bind(vm.picker().noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Tooltip t = new Tooltip();
        t.textProperty().bind(vm.picker().noticeProperty());
        notice.setTooltip(t);
        return notice;
    }

    /** How many of {@link #settingsControls()} are the length and sampling ones (labels included): bars to variations. */
    private static final int SAMPLING_CONTROLS = 8;

    /** Bars, temperature, top-p, variations, key lock and random seed, two-way bound to the settings. */
    private List<Node> settingsControls() {
        GenerateSettings settings = vm.settings();
        Spinner<Integer> bars = intSpinner("generate-bars", 1, GenerationOptions.MAX_BARS, settings.barsProperty().get(), 62);
        bars.getValueFactory().valueProperty().addListener((obs, o, n) -> {
            if (n != null) settings.barsProperty().set(n);
        });
        settings.barsProperty().addListener((obs, o, n) -> bars.getValueFactory().setValue(n.intValue()));
        bars.setTooltip(new Tooltip("Length of the continuation in bars"));

        Spinner<Integer> count = intSpinner("generate-variations", 1, GenerationOptions.MAX_VARIATIONS,
                settings.variationCountProperty().get(), 58);
        count.getValueFactory().valueProperty().addListener((obs, o, n) -> {
            if (n != null) settings.variationCountProperty().set(n);
        });
        settings.variationCountProperty().addListener((obs, o, n) -> count.getValueFactory().setValue(n.intValue()));
        count.setTooltip(new Tooltip("How many variations one Generate makes"));

        ComboBox<Key> key = keyChoice();
        key.valueProperty().bindBidirectional(settings.keyLockProperty());

        javafx.scene.control.CheckBox follow = new javafx.scene.control.CheckBox("Follow chords");
        follow.setId("generate-follow-chords");
        follow.selectedProperty().bindBidirectional(settings.followChordsProperty());
        follow.setTooltip(new Tooltip("Notes heard on strong beats keep to the chord lane's chords (harmonise first)"));
        return List.of(label("Bars"), bars, label("Temp"), temperatureSpinner(), label("Top-p"), topPSpinner(), label("Variations"), count,
                label("Key"), key, follow, label("Seed"), rngSeedField(),
                Buttons.command("New", "generate-new-seed", "A new random seed", settings::newRngSeed));
    }

    private Spinner<Double> temperatureSpinner() {
        Spinner<Double> temperature = doubleSpinner("generate-temperature", vm.settings().temperatureProperty(),
                GenerateSettings.MIN_TEMPERATURE, GenerateSettings.MAX_TEMPERATURE, 0.1, "%.1f", 80);
        temperature.setTooltip(new Tooltip("Temperature: below 1 keeps close to the model's favourite notes, above 1 ventures further"));
        return temperature;
    }

    private Spinner<Double> topPSpinner() {
        Spinner<Double> topP = doubleSpinner("generate-top-p", vm.settings().topPProperty(),
                GenerateSettings.MIN_TOP_P, GenerateSettings.MAX_TOP_P, 0.05, "%.2f", 80);
        topP.setTooltip(new Tooltip("Top-p: each note is drawn only from the likeliest choices that together have this probability (1 = all)"));
        return topP;
    }

    /** An editable spinner two-way bound to {@code property}, showing {@code format}. */
    private static Spinner<Double> doubleSpinner(String id, javafx.beans.property.DoubleProperty property, double min, double max, double step,
                                                 String format, double width) {
        Spinner<Double> spinner = new Spinner<>();
        spinner.setId(id);
        SpinnerValueFactory.DoubleSpinnerValueFactory tf = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, property.get(), step);
        tf.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(java.util.Locale.ROOT, format, v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.parseDouble(s.trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    return property.get();
                }
            }
        });
        spinner.setValueFactory(tf);
        spinner.setEditable(true);
        spinner.setPrefWidth(width);
        tf.valueProperty().addListener((obs, o, n) -> {
            if (n != null) property.set(n);
        });
        property.addListener((obs, o, n) -> tf.setValue(n.doubleValue()));
        return spinner;
    }

    private TextField rngSeedField() {
        GenerateSettings settings = vm.settings();
        TextField rng = new TextField();
        rng.setId("generate-rng-seed");
        rng.setPrefColumnCount(4);
        TextFormatter<Long> seedFormat = new TextFormatter<>(new javafx.util.converter.LongStringConverter(),
                settings.rngSeedProperty().get(), change -> change.getControlNewText().matches("\\d{0,12}") ? change : null);
        rng.setTextFormatter(seedFormat);
        seedFormat.valueProperty().addListener((obs, o, n) -> {
            if (n != null) settings.rngSeedProperty().set(n);
        });
        settings.rngSeedProperty().addListener((obs, o, n) -> seedFormat.setValue(n.longValue()));
        rng.setTooltip(new Tooltip("Random seed: the same seed and settings give the same variations"));
        return rng;
    }

    /** Generate, or while it runs a progress indicator and Cancel. */
    private List<Node> runControls() {
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
        return List.of(generate, spinner, cancel);
    }

    /** The variation cycler with Audition, Accept and Discard; hidden without a model, disabled without variations. */
    private List<Node> variationControls() {
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
        for (Control c : List.of(previous, next, audition, accept, discard)) c.disableProperty().bind(vm.hasVariationsProperty().not());

        List<Node> cycler = List.of(separator(), previous, which, next, audition, accept, discard);
        // without a model there is nothing to cycle: its room goes to the reason
        for (Node n : cycler) {
            n.visibleProperty().bind(vm.modelAvailableProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        return cycler;
    }

    /**
     * The model's state at the right end, where the strip has little room left: nothing while the model is
     * ready or simply not loaded yet (Generate says enough), a short word while it loads, and the whole
     * reason when it is missing or broken (the cycler then makes way for it). The tooltip has the full text.
     */
    private Label modelStateLabel() {
        Label state = new Label();
        state.setId("generate-model-state");
        state.getStyleClass().add("model-state");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> vm.modelStateProperty().get() == ModelState.LOADING ? "Loading model…" : vm.modelMessageProperty().get(),
                vm.modelStateProperty(), vm.modelMessageProperty()));
        state.setMinWidth(0);
        Tooltip stateTip = new Tooltip();
        stateTip.textProperty().bind(vm.modelMessageProperty());
        state.setTooltip(stateTip);
        state.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.modelStateProperty().get() != ModelState.READY && vm.modelStateProperty().get() != ModelState.NOT_LOADED,
                vm.modelStateProperty()));
        state.managedProperty().bind(state.visibleProperty());
        state.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        // a missing or broken model reads as a warning, like the transport's "No audio device"
        state.pseudoClassStateChanged(PROBLEM, !vm.modelAvailableProperty().get());
        vm.modelAvailableProperty().addListener((obs, o, ok) -> state.pseudoClassStateChanged(PROBLEM, !ok));
        return state;
    }

    public GenerateViewModel viewModel() {
        return vm;
    }

    private static HBox group(List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox box = new HBox(6);
        box.getChildren().addAll(nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
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
