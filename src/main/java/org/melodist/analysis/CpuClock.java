package org.melodist.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread, or of the whole process, for stage timings that mean something on a shared, busy machine (wall time
 * there measures the neighbours too). Falls back to wall time where the JVM cannot measure thread CPU time.
 */
public final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private CpuClock() {
    }

    public static long nanos() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    public static boolean measuresCpu() {
        return SUPPORTED;
    }

    /** CPU time of the whole process (every thread, JIT and GC included) in nanoseconds, or -1 where the JVM does not say. */
    public static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
