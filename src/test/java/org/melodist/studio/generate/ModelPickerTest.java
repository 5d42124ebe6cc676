package org.melodist.studio.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.studio.prefs.StudioPreferences;

/**
 * The Generate panel's model picker with real model folders in a user data folder: the shipped model (a tiny
 * trained one here) and styles copied from it, one left without files, one with damaged weights.
 */
class ModelPickerTest {

    private static MelodyGenerator shippedGenerator;

    @TempDir
    Path userData;
    private GeneratePanelFixture panel;
    private GenerateViewModel gen;

    @BeforeAll
    static void load() throws Exception {
        shippedGenerator = MelodyGenerator.load(TinyMelodyModel.dir());
    }

    @AfterAll
    static void close() {
        shippedGenerator.close();
    }

    @BeforeEach
    void build() {
        panel = new GeneratePanelFixture(userData, shippedGenerator, 120, MelodyModelCatalog.forUser(userData, TinyMelodyModel.dir()));
        gen = panel.gen;
        gen.settings().variationCountProperty().set(2);
    }

    @AfterEach
    void tearDown() {
        panel.close();
    }

    /** A style: a copy of the tiny model's files under the styles folder. */
    private Path style(String name) throws Exception {
        Path d = Files.createDirectories(MelodyModelCatalog.userModelsDir(userData).resolve(MelodyModelCatalog.STYLES).resolve(name));
        try (var files = Files.list(TinyMelodyModel.dir())) {
            for (Path f : files.toList()) Files.copy(f, d.resolve(f.getFileName()));
        }
        return d;
    }

    private MelodyModelCatalog.Entry entry(String id) {
        gen.picker().refresh();
        return gen.picker().models().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aChosenStyleGeneratesIsRememberedAndTheShippedModelStaysFirst() throws Exception {
        Path mine = style("Mine");
        gen.picker().refresh();
        assertEquals(List.of("shipped", "styles/Mine"), gen.picker().models().stream().map(MelodyModelCatalog.Entry::id).toList());
        assertTrue(gen.picker().chosen().isShipped());

        gen.chooseModel(entry("styles/Mine"));
        assertEquals("styles/Mine", gen.picker().chosen().id());
        assertEquals(mine.toAbsolutePath().normalize(), gen.picker().source().dir(), "Generate now uses the style's folder");
        assertTrue(gen.picker().source().isLoaded(), "a chosen style is loaded at once, so a broken one shows");
        assertEquals(GenerateViewModel.ModelState.READY, gen.modelStateProperty().get());
        assertEquals("", gen.picker().noticeProperty().get());

        gen.generate();
        assertEquals(2, gen.variations().size(), gen.messageProperty().get());

        // remembered with the settings, and chosen again by the next studio
        StudioPreferences prefs = new StudioPreferences(userData.resolve("studio.properties"));
        gen.settings().write(prefs);
        GenerateViewModel next = panel.open(MelodyModelCatalog.forUser(userData, TinyMelodyModel.dir()));
        next.settings().read(prefs);
        next.chooseModel(next.settings().modelIdProperty().get());
        assertEquals("styles/Mine", next.picker().chosen().id());
        next.close();
        next.releaseModels();
    }

    @Test
    void aStyleWithoutModelFilesFallsBackToTheShippedModelWithOneLine() throws Exception {
        Path empty = Files.createDirectories(MelodyModelCatalog.userModelsDir(userData).resolve("styles").resolve("Empty"));
        gen.chooseModel(entry("styles/Empty"));
        assertTrue(gen.picker().chosen().isShipped());
        String notice = gen.picker().noticeProperty().get();
        assertEquals("The style 'Empty' cannot be used (no config.json in " + empty.toAbsolutePath().normalize()
                + "); using the shipped folk model", notice);
        assertEquals(notice, gen.messageProperty().get(), "the status bar says it");
        assertEquals("shipped", gen.settings().modelIdProperty().get());
        assertTrue(gen.canGenerate());
    }

    @Test
    void aStyleWhoseWeightsAreDamagedFallsBackWhenItFailsToLoad() throws Exception {
        Path broken = style("Broken");
        try (var files = Files.list(broken)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".params")).toList()) {
                Files.write(f, new byte[] {1, 2, 3}, StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        gen.chooseModel(entry("styles/Broken"));
        assertTrue(gen.picker().chosen().isShipped(), "back on the shipped model");
        String notice = gen.picker().noticeProperty().get();
        assertTrue(notice.startsWith("The style 'Broken' cannot be used (it failed to load: "), notice);
        assertTrue(notice.endsWith("); using the shipped folk model"), notice);
        assertFalse(notice.contains("\n"));
        assertTrue(gen.canGenerate(), "the shipped model still generates");
        gen.generate();
        assertEquals(2, gen.variations().size(), gen.messageProperty().get());

        // a good choice afterwards clears the notice
        style("Good");
        gen.chooseModel(entry("styles/Good"));
        assertEquals("", gen.picker().noticeProperty().get());
    }

    @Test
    void aRememberedStyleThatIsGoneFallsBackAtStartUp() {
        gen.chooseModel("styles/Deleted meanwhile");
        assertTrue(gen.picker().chosen().isShipped());
        assertTrue(gen.picker().noticeProperty().get().startsWith("The model 'Deleted meanwhile' is no longer in "),
                gen.picker().noticeProperty().get());
    }

    @Test
    void renamingKeepsTheChoiceAndDeletingTheChosenStyleGoesBackToTheShippedModel() throws Exception {
        style("Old name");
        gen.chooseModel(entry("styles/Old name"));
        assertTrue(gen.renameModel(gen.picker().chosen(), "New name"));
        assertEquals("styles/New name", gen.picker().chosen().id());
        assertEquals("styles/New name", gen.settings().modelIdProperty().get());
        assertTrue(gen.picker().source().isLoaded(), gen.messageProperty().get());

        assertFalse(gen.renameModel(gen.picker().chosen(), "a/b"));
        assertEquals("Cannot rename 'New name': the name cannot contain '/'", gen.messageProperty().get());
        assertEquals("styles/New name", gen.picker().chosen().id(), "a refused rename keeps the choice");

        MelodyModelCatalog.Entry chosen = gen.picker().chosen();
        MelodyGeneratorSource styleSource = gen.picker().source();
        assertTrue(gen.deleteModel(chosen));
        assertFalse(Files.exists(chosen.dir()));
        assertTrue(gen.picker().chosen().isShipped());
        assertFalse(styleSource.isLoaded(), "the style's generator was closed");
        assertEquals(List.of("shipped"), gen.picker().models().stream().map(MelodyModelCatalog.Entry::id).toList());
    }

    @Test
    void aRegisteredKindOfUserModelJoinsTheSamePicker() throws Exception {
        Path personal = MelodyModelCatalog.userModelsDir(userData).resolve("personal");
        Path d = Files.createDirectories(personal.resolve("From my choices"));
        try (var files = Files.list(TinyMelodyModel.dir())) {
            for (Path f : files.toList()) Files.copy(f, d.resolve(f.getFileName()));
        }
        gen.picker().catalog().register("personal", "Personal", personal);
        gen.modelsChanged("personal/From my choices");
        assertEquals("personal/From my choices", gen.picker().chosen().id());
        assertEquals(gen.picker().chosen(), gen.picker().models().get(1), "listed after the shipped model");
        assertEquals("From my choices · personal", gen.picker().chosen().displayName());
    }
}
