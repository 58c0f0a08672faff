package org.aeworkbench.analysis.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.engine.blas.Gemm;

/**
 * Retrieval with each method's codes, scored the same way: the training split is the database,
 * every test sample a query, relevance is a shared label. Real codes are ranked by Euclidean
 * distance; binary codes by Hamming distance against PCAH, LSH and ITQ at the same bit count,
 * each fitted on the database's raw inputs. The window and the {@code retrieve} command both
 * call this, so they compare the same things.
 */
public final class RetrievalComparison {

    private RetrievalComparison() {
    }

    /** Scores real-valued representations (codes, PCA codes, pixels) by Euclidean ranking. */
    public static List<RetrievalScores> realValued(Gemm gemm, List<Features> methods, int[] databaseLabels,
                                                   int[] queryLabels, int k, int threads) {
        List<RetrievalScores> out = new ArrayList<>();
        for (Features f : methods) {
            EuclideanRanker ranker = new EuclideanRanker(gemm, f.train(), f.trainSamples(), f.test(), f.testSamples(), f.width());
            out.add(RetrievalEvaluation.evaluate(f.method(), ranker, queryLabels, databaseLabels, k, threads));
        }
        return out;
    }

    /**
     * The binary codes of the baselines at b bits, fitted on the database's raw inputs.
     *
     * @param database n x d raw database samples
     * @param queries  m x d raw queries
     * @param withItq  also fit ITQ (50 iterations)
     */
    public static List<HashedSplit> baselines(Gemm gemm, float[] database, int n, float[] queries, int m, int d, int bits,
                                              long seed, boolean withItq, int threads) {
        BinaryCodes.checkBits(bits);
        List<HashedSplit> out = new ArrayList<>();
        Pca pca = Pca.fit(database, n, d, bits, false, threads);
        List<Hasher> hashers = new ArrayList<>();
        hashers.add(PcaHashing.of(pca));
        hashers.add(RandomProjectionHashing.fit(gemm, database, n, d, bits, seed));
        if (withItq) {
            hashers.add(IterativeQuantization.fit(pca, database, n, IterativeQuantization.DEFAULT_ITERATIONS, seed));
        }
        for (Hasher h : hashers) {
            out.add(new HashedSplit(h.name(), h.hash(database, n), h.hash(queries, m)));
        }
        return out;
    }

    /** Scores binary codes by Hamming ranking. */
    public static List<RetrievalScores> hashed(List<HashedSplit> methods, int[] databaseLabels, int[] queryLabels, int k,
                                               int threads) {
        List<RetrievalScores> out = new ArrayList<>();
        for (HashedSplit h : methods) {
            out.add(RetrievalEvaluation.evaluate(h.method(), new HammingRanker(h.database(), h.queries()), queryLabels,
                    databaseLabels, k, threads));
        }
        return out;
    }

    /** The first {@code count} database indices ranked for one query (neighbours to show without labels). */
    public static int[] nearest(Ranker ranker, int query, int count) {
        int n = ranker.databaseSize();
        int blockStart = query;
        ranker.prepare(blockStart, blockStart + 1);
        int[] order = new int[n];
        ranker.order(query, order, new long[n]);
        return java.util.Arrays.copyOf(order, Math.min(count, n));
    }

    /**
     * One method's binary codes of the database and of the queries.
     *
     * @param method   "autoencoder", "PCAH", "LSH", "ITQ"
     */
    public record HashedSplit(String method, BinaryCodes database, BinaryCodes queries) {
    }
}
