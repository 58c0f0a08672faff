package org.aeworkbench.analysis.retrieval;

/** A fitted map from real vectors to binary codes: the baselines semantic hashing is measured against. */
public interface Hasher {

    /** Short name for tables: "PCAH", "LSH", "ITQ". */
    String name();

    /** Code length b. */
    int bits();

    /** Codes of n samples (n x d, row-major, of the width the hasher was fitted on). */
    BinaryCodes hash(float[] x, int n);
}
