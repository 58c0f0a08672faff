package org.aeworkbench.ui.dataset;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.ui.common.Jobs;

/**
 * PCA of the training data, the baseline every view compares the autoencoder with. It is fitted
 * in the background when the data or the code size changes, with at least two components so the
 * scatter always has its plane, and at least the code size so reconstructions compare at the same k.
 * Only the newest request counts: a fit it supersedes is cancelled, and a result that arrives for
 * older data anyway is dropped, so a slow fit never overwrites a newer one. A fit the user cancels
 * leaves the previous one in place.
 */
public final class PcaModel {

    /** Fits on a background thread; stops with an exception when the thread is interrupted. */
    @FunctionalInterface
    interface Fitter {
        Fitted fit(PreparedData data, int k, double validationFraction, long seed);
    }

    /**
     * A fitted PCA and what it was fitted on.
     *
     * @param data the data it belongs to
     * @param pca  fitted on the training split, {@code pca.codeSize()} components
     */
    public record Fitted(PreparedData data, Pca pca) {
    }

    private final ObjectProperty<Fitted> fitted = new SimpleObjectProperty<>();
    private final Jobs jobs;
    private final Fitter fitter;
    private PreparedData pendingData;
    private int pendingK;
    private Task<Fitted> fitting;
    /** Counts requests, so a result that arrives after a newer request is recognised as stale. */
    private long generation;

    public PcaModel(Jobs jobs) {
        this(jobs, PcaModel::fit);
    }

    /** @param fitter tests pass a slow one */
    PcaModel(Jobs jobs, Fitter fitter) {
        this.jobs = jobs;
        this.fitter = fitter;
    }

    public ReadOnlyObjectProperty<Fitted> fittedProperty() {
        return fitted;
    }

    public Fitted fitted() {
        return fitted.get();
    }

    /** Fits (in the background) unless a fit for this data with at least {@code codeSize} components exists or runs. */
    public void ensure(PreparedData data, int codeSize, double validationFraction, long seed) {
        int k = Math.max(2, codeSize);
        Fitted f = fitted.get();
        if (f != null && f.data() == data && f.pca().codeSize() >= k) {
            return;
        }
        if (pendingData == data && pendingK >= k) {
            return;
        }
        long ticket = ++generation;
        if (fitting != null) {
            fitting.cancel();
        }
        pendingData = data;
        pendingK = k;
        fitting = jobs.run("Fitting PCA", () -> fitter.fit(data, k, validationFraction, seed), result -> {
            if (ticket == generation) {
                settle();
                fitted.set(result);
            }
        }, msg -> {
            if (ticket == generation) {
                settle();
            }
        }, () -> {
            if (ticket == generation) {
                settle(); // cancelled by the user: the previous fit stays, and a later request fits again
            }
        });
    }

    private void settle() {
        pendingData = null;
        pendingK = 0;
        fitting = null;
    }

    /** Fits on the calling thread. */
    public static Fitted fit(PreparedData data, int k, double validationFraction, long seed) {
        Dataset train = data.split(validationFraction, seed).train();
        int kk = Math.min(k, Math.min(train.samples(), train.features()));
        return new Fitted(data, Pca.fit(train.values(), train.samples(), train.features(), kk));
    }

    /** The first {@code k} columns of n x width codes. */
    public static float[] firstColumns(float[] codes, int n, int width, int k) {
        float[] out = new float[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(codes, i * width, out, i * k, Math.min(k, width));
        }
        return out;
    }
}
