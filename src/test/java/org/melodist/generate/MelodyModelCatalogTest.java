package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of models the Generate panel offers, on real folders. */
class MelodyModelCatalogTest {

    @TempDir
    Path userData;

    private Path style(String kind, String name, boolean withConfig) throws Exception {
        Path d = Files.createDirectories(MelodyModelCatalog.userModelsDir(userData).resolve(kind).resolve(name));
        if (withConfig) Files.writeString(d.resolve(MelodyModel.CONFIG_FILE), "{}");
        return d;
    }

    private static List<String> ids(MelodyModelCatalog c) {
        return c.list().stream().map(MelodyModelCatalog.Entry::id).toList();
    }

    @Test
    void listsTheShippedModelFirstThenEachRegisteredKindByNameAndHidesStagingFolders() throws Exception {
        Path shipped = userData.resolve("app").resolve("melody-lstm");
        MelodyModelCatalog c = MelodyModelCatalog.forUser(userData, shipped);
        assertEquals(List.of("shipped"), ids(c), "no user models folder yet");
        style("styles", "jazz", true);
        style("styles", "Chorales", true);
        style("styles", ".pop.training", true); // a run still training
        Files.writeString(MelodyModelCatalog.userModelsDir(userData).resolve("styles").resolve("notes.txt"), "not a model");
        assertEquals(List.of("shipped", "styles/Chorales", "styles/jazz"), ids(c));

        // another kind of user model is one more folder
        Path personal = userData.resolve("models").resolve("personal");
        style("personal", "mine", true);
        c.register("personal", "Personal", personal);
        assertEquals(List.of("shipped", "styles/Chorales", "styles/jazz", "personal/mine"), ids(c));
        MelodyModelCatalog.Entry mine = c.find("personal/mine").orElseThrow();
        assertEquals("mine · personal", mine.displayName());
        assertEquals("personal", mine.kind());
        assertEquals(shipped.toAbsolutePath().normalize(), c.shipped().dir());
        assertTrue(c.find("styles/gone").isEmpty());
    }

    @Test
    void aFolderWithoutModelFilesIsListedButHasAProblem() throws Exception {
        MelodyModelCatalog c = MelodyModelCatalog.forUser(userData, userData.resolve("shipped"));
        style("styles", "empty", false);
        MelodyModelCatalog.Entry e = c.find("styles/empty").orElseThrow();
        assertEquals("no config.json in " + e.dir(), MelodyModelCatalog.problem(e).orElseThrow());
        style("styles", "ok", true);
        assertTrue(MelodyModelCatalog.problem(c.find("styles/ok").orElseThrow()).isEmpty());
    }

    @Test
    void renameAndDeleteMoveWholeFoldersAndRefuseTheShippedModelAndBadNames() throws Exception {
        MelodyModelCatalog c = MelodyModelCatalog.forUser(userData, userData.resolve("shipped"));
        Path jazz = style("styles", "jazz", true);
        style("styles", "pop", true);
        MelodyModelCatalog.Entry e = c.find("styles/jazz").orElseThrow();
        MelodyModelCatalog.Entry renamed = c.rename(e, "  Cool jazz ");
        assertEquals("styles/Cool jazz", renamed.id());
        assertFalse(Files.exists(jazz));
        assertTrue(Files.isRegularFile(renamed.dir().resolve(MelodyModel.CONFIG_FILE)));
        assertEquals(List.of("shipped", "styles/Cool jazz", "styles/pop"), ids(c));

        assertEquals("a model called 'pop' already exists",
                assertThrows(IllegalArgumentException.class, () -> c.rename(renamed, "pop")).getMessage());
        assertEquals("the name cannot contain '/'",
                assertThrows(IllegalArgumentException.class, () -> c.rename(renamed, "a/b")).getMessage());
        assertEquals("the name cannot start with a dot",
                assertThrows(IllegalArgumentException.class, () -> c.rename(renamed, ".hidden")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.rename(c.shipped(), "x"));
        assertThrows(IllegalArgumentException.class, () -> c.delete(c.shipped()));

        c.delete(renamed);
        assertFalse(Files.exists(renamed.dir()));
        assertEquals(List.of("shipped", "styles/pop"), ids(c));
        try (var left = Files.list(renamed.dir().getParent())) {
            assertEquals(List.of("pop"), left.map(p -> p.getFileName().toString()).toList(), "nothing hidden left behind");
        }
    }

    @Test
    void aNewModelsFolderIsCheckedForNameAndClashes() throws Exception {
        MelodyModelCatalog c = MelodyModelCatalog.forUser(userData, userData.resolve("shipped"));
        Path d = c.newModelDir("styles", " Hymns ");
        assertEquals(MelodyModelCatalog.userModelsDir(userData).resolve("styles").resolve("Hymns").toAbsolutePath().normalize(), d);
        assertFalse(Files.exists(d), "only named, not made");
        style("styles", "Hymns", true);
        assertThrows(IllegalArgumentException.class, () -> c.newModelDir("styles", "Hymns"));
        assertEquals("the name is empty", assertThrows(IllegalArgumentException.class, () -> c.newModelDir("styles", "  ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.newModelDir("nope", "x"));
    }
}
