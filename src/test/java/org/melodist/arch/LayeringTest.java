package org.melodist.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of DEVELOPERS.md, checked on the compiled classes. */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.melodist");

    @Test
    void domainAndServicesUseNoUiToolkit() {
        noClasses().that().resideInAnyPackage("org.melodist.song..", "org.melodist.midi..", "org.melodist.generate..",
                        "org.melodist.sound..", "org.melodist.analysis..", "org.melodist.harmony..", "org.melodist.originality..",
                        "org.melodist.transcribe..", "org.melodist.perform..", "org.melodist.feedback..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theSongModelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.melodist.song..")
                .should().dependOnClassesThat().resideInAnyPackage("org.melodist.midi..", "org.melodist.cli..",
                        "org.melodist.studio..", "org.melodist.generate..", "org.melodist.sound..", "org.melodist.analysis..", "org.melodist.harmony..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotReachIntoTheUiOrTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.melodist.studio..", "org.melodist.cli..", "org.melodist")
                .should().dependOnClassesThat().resideInAnyPackage("org.melodist.studio..", "org.melodist.cli..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.melodist.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
