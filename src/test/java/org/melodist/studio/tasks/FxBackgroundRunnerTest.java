package org.melodist.studio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.melodist.studio.FxTestSupport;

/** The app's runner: work on a named lane thread, results and progress on the FX thread, cancel, shutdown. */
class FxBackgroundRunnerTest {

    private final FxBackgroundRunner runner = new FxBackgroundRunner();

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    @Test
    void aJobRunsOnItsLaneAndReportsOnTheFxThread() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Job<String> job = FxTestSupport.onFx(() -> runner.run("test", new Job<String>("Greet", work -> {
            work.message("working");
            work.progress(1, 2);
            return Thread.currentThread().getName();
        }).onRunning(() -> seen.add("running on FX: " + Platform.isFxApplicationThread()))
                .onSucceeded(name -> {
                    seen.add("succeeded on FX: " + Platform.isFxApplicationThread());
                    result.complete(name);
                })));
        assertEquals("melodist-test", result.get(20, TimeUnit.SECONDS));
        assertEquals(List.of("running on FX: true", "succeeded on FX: true"), seen);
        assertEquals(Job.State.SUCCEEDED, FxTestSupport.onFx(job::state));
        assertEquals(0.5, FxTestSupport.onFx(() -> job.progressProperty().get()), 1e-9);
        assertEquals("working", FxTestSupport.onFx(() -> job.messageProperty().get()));
    }

    @Test
    void cancelInterruptsTheWorkAndDropsItsResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<String> ends = new CopyOnWriteArrayList<>();
        Job<String> job = FxTestSupport.onFx(() -> runner.run("test", new Job<String>("Wait", work -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        }).onSucceeded(v -> ends.add("succeeded")).onCancelled(() -> ends.add("cancelled"))));
        assertTrue(started.await(20, TimeUnit.SECONDS));
        FxTestSupport.onFx(job::cancel);
        assertTrue(interrupted.await(20, TimeUnit.SECONDS), "the lane thread is interrupted");
        assertTrue(runner.flush("test", Duration.ofSeconds(20)));
        FxTestSupport.onFx(() -> { }); // the FX thread has handled whatever the lane handed it
        assertEquals(List.of("cancelled"), ends, "the result that came after cancel is dropped");
        assertEquals(Job.State.CANCELLED, FxTestSupport.onFx(job::state));
    }

    @Test
    void shutdownStopsWorkAndRefusesMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        runner.execute("test", () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(20, TimeUnit.SECONDS));
        assertTrue(runner.shutdown(Duration.ofSeconds(20)), "running work is interrupted and stops");
        Job<String> late = FxTestSupport.onFx(() -> runner.run("test", new Job<>("Late", work -> "never")));
        assertEquals(Job.State.CANCELLED, FxTestSupport.onFx(late::state));
        assertFalse(FxTestSupport.onFx(() -> late.value() != null));
    }
}
