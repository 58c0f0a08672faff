package org.aeworkbench.cli.bench;

/**
 * One workload's timing, in the schema shared with bench/pytorch (bench/README.md).
 *
 * @param seconds          median, min and max over the timed runs
 * @param samplesPerSecond samples over the median time (0 where samples do not apply)
 * @param gflops           floating-point operations over the median time, in GFLOP/s
 * @param peakFraction     gflops over the machine's peak
 * @param peakMemoryMb     the JVM's peak heap use so far, in MB
 */
public record WorkloadResult(String name, double secondsMedian, double secondsMin, double secondsMax,
                             double samplesPerSecond, double gflops, double peakFraction, double peakMemoryMb,
                             String note) {
}
