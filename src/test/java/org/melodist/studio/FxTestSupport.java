package org.melodist.studio;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the JavaFX toolkit (headless Monocle in the build) for view-model tests that need its thread. */
public final class FxTestSupport {

    private FxTestSupport() {
    }

    public static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs on the FX thread and returns the result. */
    public static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    public static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    /** Waits (polling the FX thread) until the condition holds. */
    public static void waitFor(String what, double seconds, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (onFx(() -> condition.getAsBoolean())) return;
            Thread.sleep(20);
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
    }
}
