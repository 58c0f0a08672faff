package org.aeworkbench.ui.retrieval;

import java.util.List;

/**
 * One query's neighbours by each method.
 *
 * @param query       index among the held-out samples
 * @param row         the query's row in the full data set
 * @param rows        one row of neighbours per method
 * @param radiusCounts database items at each Hamming radius 0..b from the query's bits, for a binary code; else null
 */
public record QueryResult(int query, int row, List<Row> rows, int[] radiusCounts) {

    /**
     * @param method     "autoencoder", "PCA", "raw", "PCAH", "LSH"
     * @param width      code width or bits
     * @param hamming    whether ranked by Hamming distance
     * @param neighbours indices into the training samples, nearest first
     * @param distances  Hamming distance of each neighbour, or null for Euclidean ranking
     * @param precision  share of neighbours with the query's label, NaN without labels
     */
    public record Row(String method, int width, boolean hamming, int[] neighbours, int[] distances, double precision) {
    }
}
