package org.melodist.generate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The melody models a musician can generate with: the shipped model, then the models in each registered
 * folder of the user's data folder, one model per sub-folder. A kind of user model is one folder: the styles
 * taught with "Learn a style…" live in {@code <user data>/models/styles/}; another kind (a personal model
 * learnt from the musician's choices, say) is added with {@link #register}, and its models then appear in the
 * same list. Hidden sub-folders (a training run's staging folder) are not models yet and are not listed.
 *
 * <p>An entry's {@link Entry#id() id} ({@code "shipped"} or {@code "<kind>/<folder name>"}) is what settings
 * remember. Listing is a directory read; whether a model loads is found out by loading it.
 */
public final class MelodyModelCatalog {

    /** The id of the shipped model. */
    public static final String SHIPPED_ID = "shipped";
    /** The kind (and folder name under {@link #userModelsDir}) of the styles taught from a folder of MIDI files. */
    public static final String STYLES = "styles";
    /** Longest model name accepted for a folder. */
    static final int MAX_NAME = 60;

    /** A registered folder of user models: its kind (the folder's id), how one of its models is called, where. */
    public record Folder(String kind, String label, Path dir) {
        public Folder {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(label);
            dir = dir.toAbsolutePath().normalize();
            if (kind.isBlank() || kind.contains("/")) throw new IllegalArgumentException("bad model kind: " + kind);
        }
    }

    /**
     * One model: its id, its name (the folder's name, or the shipped model's description), the kind's label
     * ("Style"; empty for the shipped model) and its folder.
     */
    public record Entry(String id, String name, String kindLabel, Path dir) {
        public boolean isShipped() {
            return SHIPPED_ID.equals(id);
        }

        /** The kind's id ({@code "styles"}), empty for the shipped model. */
        public String kind() {
            int slash = id.indexOf('/');
            return slash < 0 ? "" : id.substring(0, slash);
        }

        /** "Folk (shipped)", "Chorales · style": for a picker. */
        public String displayName() {
            return isShipped() ? name : name + " · " + kindLabel.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return displayName();
        }
    }

    private final Entry shipped;
    private final List<Folder> folders = new CopyOnWriteArrayList<>();

    /** A catalog of the shipped model in {@code shippedDir} and, until folders are registered, nothing else. */
    public MelodyModelCatalog(Path shippedDir) {
        shipped = new Entry(SHIPPED_ID, "Folk (shipped)", "", shippedDir.toAbsolutePath().normalize());
    }

    /** The user's models folder: {@code <user data>/models}. */
    public static Path userModelsDir(Path userDataDir) {
        return userDataDir.resolve("models");
    }

    /** The shipped model in {@code shippedDir} and the user's styles ({@code <user data>/models/styles}). */
    public static MelodyModelCatalog forUser(Path userDataDir, Path shippedDir) {
        MelodyModelCatalog catalog = new MelodyModelCatalog(shippedDir);
        catalog.register(STYLES, "Style", userModelsDir(userDataDir).resolve(STYLES));
        return catalog;
    }

    /**
     * Adds a kind of user model: every visible sub-folder of {@code dir} is one model, listed with
     * {@code label}. Registering a kind again moves it to the new folder. Returns the folder.
     */
    public Folder register(String kind, String label, Path dir) {
        Folder f = new Folder(kind, label, dir);
        folders.removeIf(old -> old.kind().equals(kind));
        folders.add(f);
        return f;
    }

    /** The registered folder of {@code kind}. */
    public Optional<Folder> folder(String kind) {
        return folders.stream().filter(f -> f.kind().equals(kind)).findFirst();
    }

    public List<Folder> folders() {
        return List.copyOf(folders);
    }

    public Entry shipped() {
        return shipped;
    }

    /** The shipped model first, then each registered kind's models by name. Folders that cannot be read list nothing. */
    public List<Entry> list() {
        List<Entry> all = new ArrayList<>();
        all.add(shipped);
        for (Folder f : folders) all.addAll(entries(f));
        return all;
    }

    private static List<Entry> entries(Folder f) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(f.dir())) return out;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(f.dir(), Files::isDirectory)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (!name.startsWith(".")) out.add(new Entry(f.kind() + "/" + name, name, f.label(), d.toAbsolutePath().normalize()));
            }
        } catch (IOException e) {
            System.getLogger(MelodyModelCatalog.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot list the models in " + f.dir() + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing((Entry e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(Entry::name));
        return out;
    }

    /** The model with this id, if it is (still) there. */
    public Optional<Entry> find(String id) {
        if (id == null) return Optional.empty();
        return list().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Why the model cannot be used before loading it, as one line; empty when its files look right. */
    public static Optional<String> problem(Entry e) {
        if (!Files.isDirectory(e.dir())) return Optional.of("its folder " + e.dir() + " is gone");
        if (!MelodyModels.isModelDir(e.dir())) return Optional.of("no " + MelodyModel.CONFIG_FILE + " in " + e.dir());
        return Optional.empty();
    }

    /**
     * A model name as a folder name: trimmed, 1-60 characters, not starting with a dot, none of {@code / \ : * ? " < > |}
     * or control characters.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new IllegalArgumentException("the name is empty");
        if (n.length() > MAX_NAME) throw new IllegalArgumentException("the name is longer than " + MAX_NAME + " characters");
        if (n.startsWith(".")) throw new IllegalArgumentException("the name cannot start with a dot");
        for (char c : n.toCharArray()) {
            if (c < 32 || "/\\:*?\"<>|".indexOf(c) >= 0) {
                throw new IllegalArgumentException("the name cannot contain " + (c < 32 ? "control characters" : "'" + c + "'"));
            }
        }
        return n;
    }

    /**
     * Where a new model of {@code kind} called {@code name} goes (not created).
     *
     * @throws IllegalArgumentException when the name is not usable, the kind is not registered or the name is taken
     */
    public Path newModelDir(String kind, String name) {
        Folder f = folder(kind).orElseThrow(() -> new IllegalArgumentException("no folder for models of kind " + kind));
        Path d = f.dir().resolve(checkName(name));
        if (Files.exists(d)) throw new IllegalArgumentException("a model called '" + name.strip() + "' already exists");
        return d;
    }

    /** Renames a user model's folder (one rename); returns the renamed entry. The shipped model cannot be renamed. */
    public Entry rename(Entry e, String newName) throws IOException {
        if (e.isShipped()) throw new IllegalArgumentException("the shipped model cannot be renamed");
        String n = checkName(newName);
        if (n.equals(e.name())) return e;
        Path target = e.dir().resolveSibling(n);
        // a case-only rename on a case-insensitive file system finds "itself" there
        if (Files.exists(target) && !Files.isSameFile(e.dir(), target)) {
            throw new IllegalArgumentException("a model called '" + n + "' already exists");
        }
        Files.move(e.dir(), target, StandardCopyOption.ATOMIC_MOVE);
        return new Entry(e.kind() + "/" + n, n, e.kindLabel(), target.toAbsolutePath().normalize());
    }

    /**
     * Deletes a user model: its folder is first renamed to a hidden name (so it leaves the list at once, whole),
     * then removed. The shipped model cannot be deleted.
     */
    public void delete(Entry e) throws IOException {
        if (e.isShipped()) throw new IllegalArgumentException("the shipped model cannot be deleted");
        if (!Files.exists(e.dir())) return;
        Path hidden = e.dir().resolveSibling("." + e.name() + ".deleted");
        deleteTree(hidden);
        Files.move(e.dir(), hidden, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(hidden);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
