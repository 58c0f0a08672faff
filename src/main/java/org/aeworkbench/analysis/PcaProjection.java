package org.aeworkbench.analysis;

/**
 * The two linear maps of a fitted PCA, in double, in chunks of rows: encode z = (x - mean) V^T
 * (through netlib's {@code dgemm}) and decode x' = z V + mean, where V holds the k components as
 * rows. Every chunk is independent, so chunks run in parallel without changing a bit of the result.
 */
final class PcaProjection {

    /**
     * Doubles of centred rows a chunk holds at most (256 KB). Each chunk allocates its own, and
     * G1 puts an array of half a region (1 MB with a 4 GB heap) or more straight in the old
     * generation, where 1,024 rows of 784 (6.4 MB) set off collections and marking cycles while a
     * run trains: 10 of them at each run's start for the PCA scatter, 59 as a run ends.
     */
    private static final int CHUNK_DOUBLES = 32_768;

    private PcaProjection() {
    }

    /**
     * @param scale per-component factor applied to the codes (whitening), or null
     * @return n x k codes, row-major
     */
    static float[] encode(float[] x, int n, int d, double[] mean, double[] components, double[] scale) {
        int k = components.length / d;
        float[] codes = new float[n * k];
        forEachChunk(n, d, (first, rows) -> {
            double[] centred = new double[rows * d];
            for (int i = 0; i < rows * d; i++) {
                centred[i] = x[first * d + i] - mean[i % d];
            }
            // Row-major rows x d is column-major d x rows, so "T" gives C (rows x k, column-major) = centred V^T.
            double[] c = new double[rows * k];
            Matrices.BLAS.dgemm("T", "N", rows, k, d, 1.0, centred, 0, d, components, 0, d, 0.0, c, 0, rows);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < k; j++) {
                    double z = c[j * rows + r];
                    codes[(first + r) * k + j] = (float) (scale == null ? z : z * scale[j]);
                }
            }
        });
        return codes;
    }

    /**
     * @param scale per-component factor applied to the codes before decoding (undoing whitening), or null
     * @return n x d reconstructions, row-major
     */
    static float[] decode(float[] codes, int n, int d, double[] mean, double[] components, double[] scale) {
        int k = components.length / d;
        float[] out = new float[n * d];
        forEachChunk(n, d, (first, rows) -> {
            // x' = mean + sum_c z_c v_c, one row at a time; the inner loop is an axpy over contiguous
            // arrays, which the JIT vectorises (short dot products of length k would not be faster).
            double[] row = new double[d];
            for (int r = first; r < first + rows; r++) {
                System.arraycopy(mean, 0, row, 0, d);
                for (int c = 0; c < k; c++) {
                    double z = scale == null ? codes[r * k + c] : codes[r * k + c] * scale[c];
                    int v = c * d;
                    for (int j = 0; j < d; j++) {
                        row[j] += z * components[v + j];
                    }
                }
                for (int j = 0; j < d; j++) {
                    out[r * d + j] = (float) row[j];
                }
            }
        });
        return out;
    }

    private interface Chunk {
        void run(int first, int rows);
    }

    static int rowsPerChunk(int d) {
        return Math.max(1, CHUNK_DOUBLES / d);
    }

    private static void forEachChunk(int n, int d, Chunk chunk) {
        int rowsPerChunk = rowsPerChunk(d);
        int chunks = (n + rowsPerChunk - 1) / rowsPerChunk;
        try (ParallelTiles parallel = new ParallelTiles(Math.min(chunks, ParallelTiles.defaultThreads()))) {
            parallel.run(chunks, t -> {
                int first = t * rowsPerChunk;
                chunk.run(first, Math.min(rowsPerChunk, n - first));
            });
        }
    }
}
