package org.aeworkbench.analysis;

/**
 * Accuracy of a k-nearest-neighbour classifier on codes: how well a code keeps samples of one
 * class together, the measure Hinton and Salakhutdinov (Science 2006) and van der Maaten et al.
 * (Dimensionality Reduction: A Comparative Review, 2009) use to compare embeddings.
 *
 * <p>The training codes with their labels are the reference set; each test code gets the majority
 * label among its k nearest training codes (Euclidean). A tie between classes goes to the tied
 * class whose member is nearest to the query; ties in distance go to the lower training index.
 */
public final class KnnAccuracy {

    /** The number of neighbours used in the comparison unless the caller says otherwise. */
    public static final int DEFAULT_NEIGHBOURS = 5;

    private static final int QUERIES_PER_TILE = 256;

    private KnnAccuracy() {
    }

    /** Accuracy with k = 5 on every core. */
    public static double of(float[] reference, int[] referenceLabels, int nReference,
                            float[] queries, int[] queryLabels, int nQueries, int dims) {
        return of(reference, referenceLabels, nReference, queries, queryLabels, nQueries, dims,
                DEFAULT_NEIGHBOURS, ParallelTiles.defaultThreads());
    }

    /**
     * Fraction of the queries whose predicted label equals their own.
     *
     * @param reference  nReference codes, dims wide, row-major (the training split)
     * @param queries    nQueries codes, dims wide, row-major (the test split)
     * @param neighbours k
     * @param threads    threads to use; the result does not depend on it
     */
    public static double of(float[] reference, int[] referenceLabels, int nReference,
                            float[] queries, int[] queryLabels, int nQueries, int dims,
                            int neighbours, int threads) {
        Matrices.checkLabels(queryLabels, nQueries, "test labels");
        int[] predicted = predict(reference, referenceLabels, nReference, queries, nQueries, dims, neighbours, threads);
        int correct = 0;
        for (int q = 0; q < nQueries; q++) {
            if (predicted[q] == queryLabels[q]) {
                correct++;
            }
        }
        return (double) correct / nQueries;
    }

    /** The predicted label of every query. */
    public static int[] predict(float[] reference, int[] referenceLabels, int nReference,
                                float[] queries, int nQueries, int dims, int neighbours, int threads) {
        Matrices.checkRows(reference, nReference, dims, "reference (training) codes");
        Matrices.checkRows(queries, nQueries, dims, "query (test) codes");
        Matrices.checkLabels(referenceLabels, nReference, "training labels");
        if (neighbours < 1 || neighbours > nReference) {
            throw new IllegalArgumentException("k for the nearest-neighbour vote must be between 1 and "
                    + nReference + " (the number of training codes), got " + neighbours);
        }
        double[] ref = Matrices.toDouble(reference);
        double[] query = Matrices.toDouble(queries);
        int[] predicted = new int[nQueries];
        int tiles = (nQueries + QUERIES_PER_TILE - 1) / QUERIES_PER_TILE;
        try (ParallelTiles parallel = new ParallelTiles(threads)) {
            parallel.run(tiles, t -> {
                int[] indices = new int[neighbours];
                double[] distances = new double[neighbours];
                for (int q = t * QUERIES_PER_TILE, end = Math.min(nQueries, q + QUERIES_PER_TILE); q < end; q++) {
                    NearestNeighbours.nearest(query, q * dims, ref, nReference, dims, neighbours, -1, indices, distances);
                    predicted[q] = vote(indices, referenceLabels);
                }
            });
        }
        return predicted;
    }

    /** Majority label among the neighbours (nearest first); on a tie, the tied label seen first. */
    static int vote(int[] neighbours, int[] labels) {
        int best = labels[neighbours[0]];
        int bestCount = 0;
        for (int p = 0; p < neighbours.length; p++) {
            int label = labels[neighbours[p]];
            int count = 0;
            for (int neighbour : neighbours) {
                if (labels[neighbour] == label) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = label;
                bestCount = count;
            }
        }
        return best;
    }
}
