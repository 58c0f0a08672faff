package org.aeworkbench.analysis.cluster;

/**
 * A fitted k-means: the centres, each sample's cluster and the objective.
 *
 * @param clusters    k
 * @param dims        width of a sample
 * @param centres     k x dims, row-major
 * @param assignments the nearest centre of each sample (ties to the lower index)
 * @param inertia     summed squared distance of the samples to their centres
 * @param iterations  Lloyd iterations of the kept start
 * @param converged   whether the kept start stopped before its iteration limit
 */
public record KMeansResult(int clusters, int dims, float[] centres, int[] assignments, double inertia, int iterations,
                           boolean converged) {

    /** Samples per cluster. */
    public int[] sizes() {
        int[] s = new int[clusters];
        for (int a : assignments) {
            s[a]++;
        }
        return s;
    }
}
