package org.aeworkbench.analysis.cluster;

/**
 * How DEC fine-tunes. The defaults are those of Xie, Girshick and Farhadi (ICML 2016, section 4.3)
 * and of the reference implementation the IDEC paper (Guo et al., IJCAI 2017) reused: k-means with
 * 20 restarts on the codes for the initial centres, SGD with momentum 0.9 and learning rate 0.01,
 * minibatches of 256, stop once fewer than 0.1% of the samples change cluster between two updates
 * of the target. The target is recomputed at the start of every epoch here (the papers update it
 * every T minibatches; an epoch of 60,000 samples is 235 of them).
 *
 * @param clusters        k
 * @param maxEpochs       passes over the data at most
 * @param batchSize       samples per step
 * @param learningRate    SGD step
 * @param momentum        SGD momentum
 * @param tolerance       stop when at most this share of samples changed cluster since the last target
 * @param kMeansRestarts  k-means++ restarts for the initial centres
 * @param seed            seeds k-means and the minibatch order
 */
public record DecSettings(int clusters, int maxEpochs, int batchSize, double learningRate, double momentum,
                          double tolerance, int kMeansRestarts, long seed) {

    public DecSettings {
        if (clusters < 1 || maxEpochs < 0 || batchSize < 1 || !(learningRate > 0) || kMeansRestarts < 1) {
            throw new IllegalArgumentException("DEC needs at least 1 cluster, 1 sample per batch, 1 k-means restart,"
                    + " a positive learning rate and 0 or more epochs");
        }
    }

    /** The papers' settings for k clusters, at most {@code maxEpochs} epochs. */
    public static DecSettings of(int clusters, int maxEpochs, long seed) {
        return new DecSettings(clusters, maxEpochs, 256, 0.01, 0.9, 0.001, 20, seed);
    }
}
