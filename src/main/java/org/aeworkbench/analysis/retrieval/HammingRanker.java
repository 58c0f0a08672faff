package org.aeworkbench.analysis.retrieval;

/**
 * Ranks a database of binary codes by Hamming distance to each query (XOR and popcount), the
 * lookup of semantic hashing (Salakhutdinov and Hinton, "Semantic hashing", International Journal
 * of Approximate Reasoning 50(7), 2009). Distances take only b + 1 values, so a counting sort
 * orders a query's database in linear time, and within a distance items stay in database order.
 */
public final class HammingRanker implements Ranker {

    private final BinaryCodes database;
    private final BinaryCodes queries;

    public HammingRanker(BinaryCodes database, BinaryCodes queries) {
        if (database.bits() != queries.bits()) {
            throw new IllegalArgumentException("the database has " + database.bits() + "-bit codes but the queries "
                    + queries.bits() + "-bit codes");
        }
        this.database = database;
        this.queries = queries;
    }

    @Override
    public int databaseSize() {
        return database.size();
    }

    @Override
    public int queries() {
        return queries.size();
    }

    @Override
    public void prepare(int from, int to) {
        // Nothing to precompute: a distance is one popcount.
    }

    @Override
    public void order(int query, int[] order, long[] scratch) {
        order(queries.words()[query], order, scratch);
    }

    /** {@link #order(int, int[], long[])} for any code, not only the queries'. */
    public void order(long code, int[] order, long[] scratch) {
        int bits = database.bits();
        long[] words = database.words();
        int n = words.length;
        int[] start = new int[bits + 2];
        for (int j = 0; j < n; j++) {
            int d = BinaryCodes.hamming(code, words[j]);
            scratch[j] = d;
            start[d + 1]++;
        }
        for (int d = 1; d <= bits + 1; d++) {
            start[d] += start[d - 1];
        }
        for (int j = 0; j < n; j++) {
            order[start[(int) scratch[j]]++] = j;
        }
    }

    /** The code of query {@code query}. */
    public long queryWord(int query) {
        return queries.words()[query];
    }

    /** How many database items lie at each Hamming radius 0..b from {@code code}. */
    public int[] countsPerRadius(long code) {
        int[] counts = new int[database.bits() + 1];
        for (long w : database.words()) {
            counts[BinaryCodes.hamming(code, w)]++;
        }
        return counts;
    }

    /** Hamming distance of {@code code} to every database item. */
    public int[] distances(long code) {
        long[] words = database.words();
        int[] d = new int[words.length];
        for (int j = 0; j < words.length; j++) {
            d[j] = BinaryCodes.hamming(code, words[j]);
        }
        return d;
    }
}
