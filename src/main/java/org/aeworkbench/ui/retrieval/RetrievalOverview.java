package org.aeworkbench.ui.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.analysis.Features;
import org.aeworkbench.analysis.retrieval.BinaryCodes;
import org.aeworkbench.analysis.retrieval.HammingRanker;
import org.aeworkbench.analysis.retrieval.RetrievalComparison;
import org.aeworkbench.analysis.retrieval.RetrievalComparison.HashedSplit;
import org.aeworkbench.analysis.retrieval.RetrievalComparison.Method;
import org.aeworkbench.analysis.retrieval.RetrievalEvaluation;
import org.aeworkbench.analysis.retrieval.RetrievalScores;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.variant.NoisySigmoidCode;
import org.aeworkbench.ui.codes.HeldOutCodes;
import org.aeworkbench.ui.codes.PlaneOfCodes;

/**
 * Retrieval over a trained model's held-out samples as queries and its training samples as the
 * database: a ranker per method and, with labels, each method's scores over every query. For a
 * real code the methods are the codes, PCA codes of the same width and the raw inputs (Euclidean);
 * for a binary code, its bits, PCAH and LSH at the same bit count (Hamming) and the raw inputs.
 *
 * @param codes   the representations
 * @param methods one ranker per method, in the order shown
 * @param hamming the autoencoder's Hamming ranker when the code is binary, else null
 * @param queryBits the held-out samples' bits when the code is binary, else null
 * @param scores  each method's scores, or null without labels
 * @param plane   the held-out codes on a plane ({@link PlaneOfCodes}), n x 2
 */
public record RetrievalOverview(HeldOutCodes codes, List<Method> methods, HammingRanker hamming, BinaryCodes queryBits,
                         List<RetrievalScores> scores, float[] plane) {

    /** Ranks and scores (call off the FX thread). */
    static RetrievalOverview compute(HeldOutCodes codes, Compute compute) {
        List<Method> methods = new ArrayList<>();
        HammingRanker hamming = null;
        BinaryCodes queryBits = null;
        if (codes.binary()) {
            Features f = codes.codes();
            BinaryCodes db = BinaryCodes.above(f.train(), f.trainSamples(), f.width(), NoisySigmoidCode.THRESHOLD);
            queryBits = BinaryCodes.above(f.test(), f.testSamples(), f.width(), NoisySigmoidCode.THRESHOLD);
            List<HashedSplit> hashed = new ArrayList<>();
            hashed.add(new HashedSplit(f.method(), db, queryBits));
            hashed.addAll(RetrievalComparison.baselines(compute.gemm(), codes.train().values(), codes.train().samples(),
                    codes.heldOut().values(), codes.heldOut().samples(), codes.train().features(), f.width(),
                    codes.model().weights().spec().training().seed(), false, compute.threads()));
            methods.addAll(RetrievalComparison.hashed(hashed));
            hamming = (HammingRanker) methods.get(0).ranker();
            methods.addAll(RetrievalComparison.realValued(compute.gemm(), List.of(codes.raw())));
        } else {
            methods.addAll(RetrievalComparison.realValued(compute.gemm(), List.of(codes.codes(), codes.pca(), codes.raw())));
        }
        List<RetrievalScores> scores = codes.labelled()
                ? RetrievalComparison.score(methods, codes.train().labels(), codes.heldOut().labels(),
                        RetrievalEvaluation.DEFAULT_K, compute.threads())
                : null;
        Features f = codes.codes();
        return new RetrievalOverview(codes, List.copyOf(methods), hamming, queryBits, scores,
                PlaneOfCodes.of(f.test(), f.testSamples(), f.width()));
    }

    /**
     * One query's neighbours by every method (call off the FX thread; rankers are not shared
     * between threads, so calls are serialised).
     *
     * @param query index among the held-out samples
     * @param count neighbours per method
     */
    synchronized QueryResult query(int query, int count) {
        List<QueryResult.Row> rows = new ArrayList<>();
        int[] queryLabels = codes.heldOut().labels();
        int[] dbLabels = codes.train().labels();
        for (Method m : methods) {
            int[] nearest = RetrievalComparison.nearest(m.ranker(), query, count);
            double precision = Double.NaN;
            if (codes.labelled()) {
                int hits = 0;
                for (int i : nearest) {
                    if (dbLabels[i] == queryLabels[query]) {
                        hits++;
                    }
                }
                precision = hits / (double) nearest.length;
            }
            int[] hammingDistances = null;
            if (m.ranker() instanceof HammingRanker h) {
                int[] all = h.distances(h.queryWord(query));
                hammingDistances = new int[nearest.length];
                for (int r = 0; r < nearest.length; r++) {
                    hammingDistances[r] = all[nearest[r]];
                }
            }
            rows.add(new QueryResult.Row(m.name(), m.width(), m.ranker() instanceof HammingRanker, nearest, hammingDistances,
                    precision));
        }
        int[] radius = hamming == null ? null : hamming.countsPerRadius(queryBits.words()[query]);
        return new QueryResult(query, codes.heldOutRows()[query], rows, radius);
    }
}
