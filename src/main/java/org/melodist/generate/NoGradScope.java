package org.melodist.generate;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's autograd off for the current thread while open. Autograd mode is per thread in PyTorch
 * and new threads start with it on; with it on, the CPU LSTM takes another kernel whose results differ
 * measurably for small state sizes, so the same call gave different notes on different threads. Every
 * inference forward runs inside this scope, making results independent of the calling thread.
 */
public final class NoGradScope implements AutoCloseable {

    private final boolean pytorch;
    private final boolean previous;

    public NoGradScope() {
        pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
        previous = pytorch && JniUtils.isGradMode();
        if (pytorch) {
            JniUtils.setGradMode(false);
        }
    }

    @Override
    public void close() {
        if (pytorch) {
            JniUtils.setGradMode(previous);
        }
    }
}
