package org.aeworkbench.analysis.retrieval;

import java.util.Arrays;
import org.aeworkbench.analysis.SquaredDistances;
import org.aeworkbench.engine.blas.Gemm;

/**
 * Ranks a database of real codes by Euclidean distance to each query. Distances of a block of
 * queries come from one product through the engine's GEMM ({@link SquaredDistances}); each row
 * is then sorted on keys that hold the distance's bits above the item's index, so equal
 * distances keep database order without a comparator.
 */
public final class EuclideanRanker implements Ranker {

    private static final int BLOCK = 256;

    private final Gemm gemm;
    private final float[] database;
    private final float[] databaseNorms;
    private final int nDatabase;
    private final float[] queries;
    private final float[] queryNorms;
    private final int nQueries;
    private final int dims;
    private float[] distances;
    private int blockStart;

    /**
     * @param database n x dims codes, row-major
     * @param queries  m x dims codes, row-major, of the same width
     */
    public EuclideanRanker(Gemm gemm, float[] database, int nDatabase, float[] queries, int nQueries, int dims) {
        if ((long) nDatabase * dims != database.length || (long) nQueries * dims != queries.length) {
            throw new IllegalArgumentException("codes do not match their counts: " + database.length + " database values for "
                    + nDatabase + " x " + dims + ", " + queries.length + " query values for " + nQueries + " x " + dims);
        }
        this.gemm = gemm;
        this.database = database;
        this.nDatabase = nDatabase;
        this.queries = queries;
        this.nQueries = nQueries;
        this.dims = dims;
        this.databaseNorms = SquaredDistances.rowNorms(database, nDatabase, dims);
        this.queryNorms = SquaredDistances.rowNorms(queries, nQueries, dims);
    }

    @Override
    public int databaseSize() {
        return nDatabase;
    }

    @Override
    public int queries() {
        return nQueries;
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public void prepare(int from, int to) {
        int rows = to - from;
        if (rows > BLOCK) {
            throw new IllegalArgumentException("at most " + BLOCK + " queries per block, got " + rows);
        }
        if (distances == null || distances.length < rows * nDatabase) {
            distances = new float[rows * nDatabase];
        }
        SquaredDistances.block(gemm, queries, queryNorms, from, rows, database, databaseNorms, nDatabase, dims, distances);
        blockStart = from;
    }

    @Override
    public void order(int query, int[] order, long[] scratch) {
        int base = (query - blockStart) * nDatabase;
        for (int j = 0; j < nDatabase; j++) {
            // A non-negative float's bits order like its value, so (bits << 32 | j) sorts by distance, then index.
            scratch[j] = (long) Float.floatToRawIntBits(distances[base + j]) << 32 | j;
        }
        Arrays.sort(scratch, 0, nDatabase);
        for (int j = 0; j < nDatabase; j++) {
            order[j] = (int) scratch[j];
        }
    }

    /** Squared distances of one query to every database item (for display). */
    public float[] distancesOf(int query) {
        float[] out = new float[nDatabase];
        SquaredDistances.block(gemm, queries, queryNorms, query, 1, database, databaseNorms, nDatabase, dims, out);
        return out;
    }
}
