package org.aeworkbench.analysis.retrieval;

/**
 * Orders a database for each query, nearest first; items at equal distance come in database
 * order, so a ranking (and every measure taken from it) is fully determined by the codes.
 *
 * <p>Queries are ranked block by block: {@link #prepare} runs on the caller's thread and may do
 * the block's heavy product at once; {@link #order} may then run for the block's queries on
 * several threads, each with its own buffers.
 */
public interface Ranker {

    /** Number of database items ranked for every query. */
    int databaseSize();

    /** Number of queries. */
    int queries();

    /** Readies queries [from, to) to be ordered; called before {@link #order} for any of them. */
    void prepare(int from, int to);

    /**
     * Writes the database indices, nearest first, into {@code order} (length {@link #databaseSize()}).
     *
     * @param scratch working space of at least {@link #databaseSize()} longs, owned by the calling thread
     */
    void order(int query, int[] order, long[] scratch);

    /** The largest block {@link #prepare} should be given. */
    default int blockSize() {
        return 256;
    }
}
