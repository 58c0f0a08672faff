package org.aeworkbench.ui.run;

/**
 * How often the live probe's codes are taken within an epoch. Encoding a probe sample costs about
 * a sixth of a training step on one sample, so the epoch-end probe alone is cheap next to an epoch
 * of a large training set; extra probes within an epoch are added only while they stay under
 * about 2% of the training work.
 */
public final class ProbeSchedule {

    /** Share of an epoch's training work the extra probes may cost, in probe samples per training sample. */
    static final double BUDGET = 0.12;

    private ProbeSchedule() {
    }

    /**
     * Batches between probes for {@code nTrain} training samples in batches of {@code batchSize}
     * and a probe of {@code probeSize} samples; more than an epoch's batches means the epoch-end
     * probe only.
     */
    public static int batchesBetweenProbes(int nTrain, int batchSize, int probeSize) {
        int batches = Math.max(1, (nTrain + batchSize - 1) / batchSize);
        int extra = (int) (BUDGET * nTrain / Math.max(1, probeSize));
        return extra >= 1 ? Math.max(1, batches / (extra + 1)) : batches + 1;
    }
}
