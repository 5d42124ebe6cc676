package org.melodist.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import org.melodist.studio.fixture.OffendingViewModel;
import org.melodist.studio.tasks.FxBackgroundRunner;

/**
 * Background work in the studio goes through the one injected runner: no ViewModel, view or other studio
 * class makes a thread, an executor, a timer or a JavaFX Task/Service of its own. Only the runner's
 * JavaFX implementation does.
 */
class BackgroundWorkRuleTest {

    static final ArchRule ONLY_THE_RUNNER_MAKES_THREADS = noClasses()
            .that().resideInAPackage("org.melodist.studio..")
            .and().doNotBelongToAnyOf(FxBackgroundRunner.class)
            .should().callConstructorWhere(describe("a Thread, Timer or Executor is created",
                    (JavaCall<?> call) -> call.getTargetOwner().isAssignableTo(Thread.class)
                            || call.getTargetOwner().isAssignableTo(Timer.class)
                            || call.getTargetOwner().isAssignableTo(Executor.class)))
            .orShould().callMethodWhere(describe("an executor is made or a pool is used",
                    (JavaCall<?> call) -> call.getTargetOwner().isEquivalentTo(Executors.class)
                            || call.getTargetOwner().isEquivalentTo(ForkJoinPool.class)
                            || (call.getTargetOwner().isEquivalentTo(CompletableFuture.class) && call.getName().endsWith("Async"))
                            || (call.getTargetOwner().isAssignableTo(Thread.class) && call.getName().equals("start"))))
            .orShould().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
            .because("ViewModels get a BackgroundRunner through their constructor, so their tests run "
                    + "without a toolkit or sleeps (issue #12)");

    @Test
    void onlyTheRunnerMakesThreadsInTheStudio() {
        JavaClasses studio = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.melodist.studio");
        ONLY_THE_RUNNER_MAKES_THREADS.check(studio);
    }

    @Test
    void theRuleCatchesAViewModelThatStartsItsOwnThread() {
        JavaClasses offender = new ClassFileImporter().importClasses(OffendingViewModel.class);
        EvaluationResult result = ONLY_THE_RUNNER_MAKES_THREADS.evaluate(offender);
        assertTrue(result.hasViolation(), "a ViewModel with its own executor is reported");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("Executors.newSingleThreadExecutor"), report);
        assertTrue(report.contains("Thread.<init>"), report);
    }
}
