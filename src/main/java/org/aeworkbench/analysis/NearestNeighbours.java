package org.aeworkbench.analysis;

/**
 * Brute-force k nearest neighbours by Euclidean distance, computed in double. Ties in distance
 * go to the lower index, so the neighbour lists are fully determined by the data.
 */
final class NearestNeighbours {

    private NearestNeighbours() {
    }

    /**
     * Writes the indices of the k reference rows nearest to {@code query}, nearest first, into
     * {@code indices}; {@code distances} is scratch of length k (squared distances on return).
     *
     * @param exclude a reference row to leave out (the query itself), or -1
     */
    static void nearest(double[] query, int queryOffset, double[] reference, int nReference, int dims,
                        int k, int exclude, int[] indices, double[] distances) {
        int found = 0;
        for (int r = 0; r < nReference; r++) {
            if (r == exclude) {
                continue;
            }
            double d2 = 0;
            int base = r * dims;
            for (int j = 0; j < dims; j++) {
                double diff = query[queryOffset + j] - reference[base + j];
                d2 += diff * diff;
            }
            // Rows arrive in index order, so a later row with an equal distance never displaces one already kept.
            if (found == k && d2 >= distances[k - 1]) {
                continue;
            }
            int slot = found < k ? found++ : k - 1;
            while (slot > 0 && distances[slot - 1] > d2) {
                distances[slot] = distances[slot - 1];
                indices[slot] = indices[slot - 1];
                slot--;
            }
            distances[slot] = d2;
            indices[slot] = r;
        }
        if (found < k) {
            throw new IllegalArgumentException("need at least " + k + " reference points for " + k
                    + " neighbours, got " + found);
        }
    }
}
