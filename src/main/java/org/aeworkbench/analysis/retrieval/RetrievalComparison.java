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

    /**
     * One method's ranker, ready to score or to list neighbours.
     *
     * @param name  "autoencoder", "PCA", "raw", "PCAH", "LSH", "ITQ"
     * @param width code width (bits for binary codes)
     */
    public record Method(String name, int width, Ranker ranker) {
    }

    /** Euclidean rankers for real-valued representations (codes, PCA codes, pixels): training split as database. */
    public static List<Method> realValued(Gemm gemm, List<Features> representations) {
        List<Method> out = new ArrayList<>();
        for (Features f : representations) {
            out.add(new Method(f.method(), f.width(),
                    new EuclideanRanker(gemm, f.train(), f.trainSamples(), f.test(), f.testSamples(), f.width())));
        }
        return out;
    }

    /** Hamming rankers for binary codes. */
    public static List<Method> hashed(List<HashedSplit> codes) {
        List<Method> out = new ArrayList<>();
        for (HashedSplit h : codes) {
            out.add(new Method(h.method(), h.database().bits(), new HammingRanker(h.database(), h.queries())));
        }
        return out;
    }

    /** Every method's mAP, precision@k and precision-recall curve over all queries. */
    public static List<RetrievalScores> score(List<Method> methods, int[] databaseLabels, int[] queryLabels, int k,
                                              int threads) {
        List<RetrievalScores> out = new ArrayList<>();
        for (Method m : methods) {
            out.add(RetrievalEvaluation.evaluate(m.name(), m.ranker(), queryLabels, databaseLabels, k, threads));
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

    /** The first {@code count} database indices ranked for one query (neighbours to show without labels). */
    public static int[] nearest(Ranker ranker, int query, int count) {
        int n = ranker.databaseSize();
        ranker.prepare(query, query + 1);
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
