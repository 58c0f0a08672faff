package org.aeworkbench.api;

import java.io.IOException;
import java.nio.file.Path;
import org.aeworkbench.analysis.ReconstructionError;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.data.Scaling;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.data.TrainedModel;
import org.ejml.data.FMatrixRMaj;

/**
 * A trained model file ({@code .aem}) for use in another JVM program, with EJML matrices at its
 * edges: one sample per row, features in the workbench's order (channels last for images), in the
 * data's own units. The data preparation the model recorded (scaling and its statistics) is applied
 * to every input, and outputs are mapped back to the data's units, so that callers never see it.
 *
 * <pre>{@code
 * try (TrainedAutoencoder ae = TrainedAutoencoder.load(Path.of("model.aem"))) {
 *     FMatrixRMaj codes = ae.encode(x);          // N x codeSize
 *     FMatrixRMaj scores = ae.score(x);          // N x 1: each row's reconstruction error
 * }
 * }</pre>
 *
 * <p>Calls are serialised on the instance (the engine's layers reuse their buffers); for parallel
 * inference load one instance per thread.
 */
public final class TrainedAutoencoder implements AutoCloseable {

    private final Autoencoder model;
    private final Preprocessing preparation;
    private final Compute compute;
    private final String name;

    private TrainedAutoencoder(Autoencoder model, Preprocessing preparation, String name, int threads) {
        this.model = model;
        this.preparation = preparation;
        this.name = name;
        this.compute = Compute.create(Backend.AUTO, threads);
    }

    /** Loads a model file written by the workbench (train --out, File > Export, import pytorch), on all cores. */
    public static TrainedAutoencoder load(Path file) throws IOException {
        return load(file, 0);
    }

    /** As {@link #load(Path)}, computing on {@code threads} threads (0: all cores). */
    public static TrainedAutoencoder load(Path file, int threads) throws IOException {
        TrainedModel loaded = TrainedModel.load(file);
        return new TrainedAutoencoder(loaded.model(), loaded.preparation().preprocessing(), loaded.model().spec().name(),
                threads);
    }

    /** A model already in memory with the preparation its data had (tests, and programs that train themselves). */
    static TrainedAutoencoder of(Autoencoder model, Preprocessing preparation, int threads) {
        return new TrainedAutoencoder(model, preparation, model.spec().name(), threads);
    }

    /** The design's name. */
    public String name() {
        return name;
    }

    /** Features per sample: the columns every input must have. */
    public int inputSize() {
        return model.inputShape().size();
    }

    /** Values per code (a VAE's latent width). */
    public int codeSize() {
        return model.codeSize();
    }

    /** The preparation applied to inputs. */
    public Preprocessing preparation() {
        return preparation;
    }

    /** The codes of the rows of {@code x}: N x codeSize (a VAE's posterior means; no noise). */
    public synchronized FMatrixRMaj encode(FMatrixRMaj x) {
        float[] in = prepared(x, inputSize(), "x");
        return matrix(model.encode(compute, in, x.numRows), x.numRows, codeSize());
    }

    /** The outputs of codes (rows of N x codeSize), in the data's units. */
    public synchronized FMatrixRMaj decode(FMatrixRMaj codes) {
        check(codes, codeSize(), "codes");
        float[] out = model.decode(compute, java.util.Arrays.copyOf(codes.data, codes.numRows * codes.numCols),
                codes.numRows);
        return matrix(unprepared(out, codes.numRows), codes.numRows, inputSize());
    }

    /** The reconstructions of the rows of {@code x}, in the data's units. */
    public synchronized FMatrixRMaj reconstruct(FMatrixRMaj x) {
        float[] in = prepared(x, inputSize(), "x");
        return matrix(unprepared(model.reconstruct(compute, in, x.numRows), x.numRows), x.numRows, inputSize());
    }

    /**
     * Each row's reconstruction error, sum_j (x_j - x'_j)^2 over the prepared features (the
     * workbench's reconstruction error and the anomaly command's recon score): N x 1. Rows the
     * model reconstructs badly score high.
     */
    public synchronized FMatrixRMaj score(FMatrixRMaj x) {
        float[] in = prepared(x, inputSize(), "x");
        float[] out = model.reconstruct(compute, in, x.numRows);
        double[] e = ReconstructionError.perSample(in, out, x.numRows, inputSize());
        FMatrixRMaj s = new FMatrixRMaj(x.numRows, 1);
        for (int i = 0; i < e.length; i++) {
            s.data[i] = (float) e[i];
        }
        return s;
    }

    @Override
    public void close() {
        compute.close();
    }

    private float[] prepared(FMatrixRMaj x, int width, String what) {
        check(x, width, what);
        float[] v = java.util.Arrays.copyOf(x.data, x.numRows * x.numCols);
        if (preparation.scaling() != Scaling.NONE) {
            float[] off = preparation.offset();
            float[] sc = preparation.scale();
            for (int i = 0; i < v.length; i++) {
                int j = i % width;
                v[i] = (v[i] - off[j]) / sc[j];
            }
        }
        return v;
    }

    private float[] unprepared(float[] out, int rows) {
        if (preparation.scaling() == Scaling.NONE) {
            return out;
        }
        int w = inputSize();
        float[] back = new float[out.length];
        for (int r = 0; r < rows; r++) {
            float[] row = preparation.invert(java.util.Arrays.copyOfRange(out, r * w, (r + 1) * w));
            System.arraycopy(row, 0, back, r * w, w);
        }
        return back;
    }

    private void check(FMatrixRMaj m, int width, String what) {
        if (m.numCols != width) {
            throw new IllegalArgumentException(what + " has " + m.numCols + " columns but the model '" + name
                    + "' takes " + width + " per row");
        }
    }

    private static FMatrixRMaj matrix(float[] values, int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        System.arraycopy(values, 0, m.data, 0, rows * cols);
        return m;
    }
}
