package org.aeworkbench.cli.bench;

import java.util.Arrays;

/** Runs a task after warm-up and keeps the median, min and max wall time. */
final class Timing {

    record Stats(double median, double min, double max) {
    }

    private Timing() {
    }

    static Stats measure(int warmups, int runs, Runnable task) {
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        double[] s = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        double median = runs % 2 == 1 ? s[runs / 2] : (s[runs / 2 - 1] + s[runs / 2]) / 2;
        return new Stats(median, s[0], s[runs - 1]);
    }

    /** Peak heap in MB across all memory pools since the JVM started. */
    static double peakHeapMb() {
        double bytes = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1 << 20);
    }
}
