package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Records gradients on the calling thread only. DJL's PyTorch collector allows one collector in the whole process (a
 * static flag), although PyTorch's autograd mode is per thread; members of an {@link EnsembleFineTune} train on their
 * own threads at once, so each step records with this instead: autograd on for this thread while open, and the same
 * backward call DJL's collector makes.
 */
final class ThreadGradients implements GradientCollector {

    private final boolean previous;

    ThreadGradients() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    @Override
    public void backward(NDArray target) {
        NDArray seed = target.getManager().ones(target.getShape(), target.getDataType()).toDevice(target.getDevice(), false);
        JniUtils.backward((PtNDArray) target, (PtNDArray) seed, false, false);
    }

    /** Not offered: DJL's version zeroes every gradient in the process, other threads' models' too. */
    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("zero one network's gradients with GradientClipping.zeroGradients");
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
