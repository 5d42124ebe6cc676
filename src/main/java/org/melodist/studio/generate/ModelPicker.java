package org.melodist.studio.generate;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.melodist.generate.MelodyModelCatalog;
import org.melodist.generate.MelodyModelCatalog.Entry;
import org.melodist.studio.tasks.BackgroundRunner;

/**
 * The Generate panel's model picker: the models of a {@link MelodyModelCatalog} (the shipped model, the
 * musician's styles, and any other kind of user model registered as a folder), the one chosen, and the
 * generator source of the chosen one. A user model that is gone or has no model files is not taken: the
 * picker falls back to the shipped model and {@link #noticeProperty()} says why in one line; a model that
 * fails to load is handed back the same way by {@link GenerateViewModel}.
 *
 * <p>The shipped model's source lives as long as the studio (its owner closes it); a user model's source is
 * made when it is chosen and closed on the generation lane when another is chosen, so that it is never freed
 * under a generation step still running. Used on the UI thread.
 */
public final class ModelPicker implements AutoCloseable {

    private final MelodyModelCatalog catalog;
    private final MelodyGeneratorSource shippedSource;
    private final BackgroundRunner runner;
    private final ObservableList<Entry> models = FXCollections.observableArrayList();
    private final ObservableList<Entry> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ReadOnlyObjectWrapper<Entry> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private MelodyGeneratorSource source;

    /**
     * @param catalog       the models to offer; its shipped entry is served by {@code shippedSource}
     * @param shippedSource the shipped model, loaded when first needed; closed by its owner, not here
     * @param runner        closes a user model's generator after the work queued on the generation lane
     */
    ModelPicker(MelodyModelCatalog catalog, MelodyGeneratorSource shippedSource, BackgroundRunner runner) {
        this.catalog = catalog;
        this.shippedSource = shippedSource;
        this.runner = runner;
        source = shippedSource;
        chosen.set(catalog.shipped());
        models.setAll(catalog.list());
    }

    /** The catalog (to register another kind of user model, or to find where a new style goes). */
    public MelodyModelCatalog catalog() {
        return catalog;
    }

    /** The shipped model first, then the user's models; {@link #refresh()} re-reads the folders. */
    public ObservableList<Entry> models() {
        return modelsView;
    }

    /** The model Generate uses. */
    public ReadOnlyObjectProperty<Entry> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public Entry chosen() {
        return chosen.get();
    }

    /** Why the picker last fell back to the shipped model, as one line; empty once a model is chosen and usable. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The generator of the chosen model. */
    MelodyGeneratorSource source() {
        return source;
    }

    /** Re-reads the models folders (after a style was learnt, renamed or deleted, or a folder registered). */
    public void refresh() {
        List<Entry> now = catalog.list();
        if (!now.equals(models)) models.setAll(now);
        // the entry objects are equal by value: keep the chosen one as listed
        now.stream().filter(e -> e.equals(chosen.get())).findFirst().ifPresent(chosen::set);
    }

    /**
     * Chooses {@code e}: its files are checked, and when they are missing the shipped model is chosen
     * instead. Returns the reason it fell back, or empty when {@code e} is now the chosen model.
     */
    Optional<String> choose(Entry e) {
        if (e == null || e.isShipped()) {
            use(catalog.shipped(), shippedSource);
            notice.set("");
            return Optional.empty();
        }
        Optional<String> problem = MelodyModelCatalog.problem(e);
        if (problem.isPresent()) {
            fallBack(e, problem.get());
            return Optional.of(notice.get());
        }
        if (!e.equals(chosen.get()) || source == shippedSource) use(e, MelodyGeneratorSource.at(e.dir()));
        notice.set("");
        return Optional.empty();
    }

    /** Chooses the model remembered under {@code id}; one that is no longer there falls back to the shipped model. */
    Optional<String> choose(String id) {
        if (id == null || id.isBlank() || MelodyModelCatalog.SHIPPED_ID.equals(id)) return choose((Entry) null);
        Optional<Entry> e = catalog.find(id);
        if (e.isEmpty()) {
            use(catalog.shipped(), shippedSource);
            String name = id.substring(id.indexOf('/') + 1);
            notice.set("The model '" + name + "' is no longer in " + folderOf(id) + "; using the shipped folk model");
            return Optional.of(notice.get());
        }
        return choose(e.get());
    }

    private String folderOf(String id) {
        String kind = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        return catalog.folder(kind).map(f -> f.dir().toString()).orElse("your models folder");
    }

    /** Goes back to the shipped model because {@code e} cannot be used, and says why. */
    void fallBack(Entry e, String why) {
        use(catalog.shipped(), shippedSource);
        notice.set("The " + e.kindLabel().toLowerCase(java.util.Locale.ROOT) + " '" + e.name() + "' cannot be used ("
                + why + "); using the shipped folk model");
    }

    private void use(Entry e, MelodyGeneratorSource next) {
        MelodyGeneratorSource old = source;
        source = next;
        chosen.set(e);
        if (old != shippedSource && old != next) runner.execute(GenerateViewModel.LANE, old::close);
    }

    /** Closes the chosen user model's generator (not the shipped one, which its owner closes). */
    @Override
    public void close() {
        if (source != shippedSource) source.close();
    }
}
