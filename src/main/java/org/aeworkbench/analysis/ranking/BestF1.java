package org.aeworkbench.analysis.ranking;

/**
 * The threshold that maximises F1, and the counts there.
 *
 * @param threshold samples scoring at or above it are flagged
 * @param confusion the counts at that threshold
 */
public record BestF1(double threshold, Confusion confusion) {

    public double f1() {
        return confusion.f1();
    }
}
