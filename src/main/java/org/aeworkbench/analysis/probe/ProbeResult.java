package org.aeworkbench.analysis.probe;

/**
 * A linear probe's test accuracy on one representation.
 *
 * @param method     "autoencoder", "PCA", "raw"
 * @param labelsUsed training samples whose labels the classifier saw
 * @param accuracy   share of test samples classified right
 * @param lambda     the L2 weight chosen on the labelled samples (scikit-learn's 1 / C)
 * @param iterations L-BFGS iterations
 * @param stop       why the optimiser stopped
 * @param seconds    wall time to fit and score
 */
public record ProbeResult(String method, int labelsUsed, double accuracy, double lambda, int iterations, Lbfgs.Stop stop,
                          double seconds) {
}
