package org.aeworkbench.analysis.retrieval;

/**
 * How well one method retrieves: means over the queries that have at least one relevant item in
 * the database (a query whose label the database lacks has no precision to measure).
 *
 * @param method                 "autoencoder", "PCA", "PCAH", "LSH", ...
 * @param meanAveragePrecision   mAP over the full ranking ({@link RankingMetrics#averagePrecision})
 * @param precisionAtK           mean share of relevant items among the first k
 * @param k                      the k of precisionAtK (100 unless the database is smaller)
 * @param cutoffs                the list lengths N of the precision-recall curve, increasing
 * @param precision              mean precision at each cutoff
 * @param recall                 mean recall at each cutoff
 * @param queries                number of queries ranked
 * @param queriesWithoutRelevant queries left out of the means because nothing in the database shares their label
 * @param seconds                wall time to rank and score every query
 */
public record RetrievalScores(String method, double meanAveragePrecision, double precisionAtK, int k, int[] cutoffs,
                              double[] precision, double[] recall, int queries, int queriesWithoutRelevant,
                              double seconds) {
}
