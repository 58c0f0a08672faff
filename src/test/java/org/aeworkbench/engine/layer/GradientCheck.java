package org.aeworkbench.engine.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;

/**
 * Finite-difference check of a layer's backward pass. The scalar checked is
 * {@code L = sum(r * forward(x)) + penalty}, with a fixed random r, so that backward(r) must return
 * dL/dx and accumulate dL/dtheta. Forward passes that draw random numbers get the same stream every
 * time (a fresh {@link SplittableRandom} with a fixed seed), so the function is deterministic.
 *
 * <p>Central differences in float need a step near 1e-2 to rise above rounding; layers are checked
 * at inputs away from their kinks (ReLU at 0, k-sparse ties) by the tests that use this.
 */
public final class GradientCheck {

    /** Worst relative error found and where. */
    public record Result(double worst, String where) {
        @Override
        public String toString() {
            return String.format("worst relative error %.3g at %s", worst, where);
        }
    }

    private final Compute compute;
    private final double step;
    private final boolean training;
    private final long seed;

    public GradientCheck(Compute compute, double step, boolean training, long seed) {
        this.compute = compute;
        this.step = step;
        this.training = training;
        this.seed = seed;
    }

    public Result check(Layer layer, float[] x, int batch, SplittableRandom random, int maxProbesPerArray) {
        int outSize = layer.outputShape().size() * batch;
        float[] r = new float[outSize];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (random.nextDouble() * 2 - 1);
        }
        // Analytic gradients.
        for (Parameter p : layer.parameters()) {
            java.util.Arrays.fill(p.grad(), 0f);
        }
        layer.forward(x, batch, pass());
        float[] gradOut = r.clone();
        float[] gx = layer.backward(gradOut, batch, true);
        float[] analyticX = gx == null ? null : gx.clone();

        List<String> names = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        List<float[]> analytic = new ArrayList<>();
        if (analyticX != null) {
            names.add("input");
            values.add(x);
            analytic.add(analyticX);
        }
        for (Parameter p : layer.parameters()) {
            names.add(p.name());
            values.add(p.value());
            analytic.add(p.grad().clone());
        }
        double worst = 0;
        String where = "nothing checked";
        for (int a = 0; a < values.size(); a++) {
            float[] v = values.get(a);
            int probes = Math.min(maxProbesPerArray, v.length);
            for (int s = 0; s < probes; s++) {
                int i = probes == v.length ? s : random.nextInt(v.length);
                float saved = v[i];
                v[i] = (float) (saved + step);
                double plus = objective(layer, x, batch, r);
                v[i] = (float) (saved - step);
                double minus = objective(layer, x, batch, r);
                v[i] = saved;
                double numeric = (plus - minus) / (2 * step);
                double an = analytic.get(a)[i];
                double err = Math.abs(an - numeric) / Math.max(1e-2, Math.abs(an) + Math.abs(numeric));
                if (err > worst) {
                    worst = err;
                    where = names.get(a) + "[" + i + "] analytic " + an + " numeric " + numeric;
                }
            }
        }
        return new Result(worst, where);
    }

    private Pass pass() {
        return new Pass(compute, training, new SplittableRandom(seed));
    }

    private double objective(Layer layer, float[] x, int batch, float[] r) {
        float[] out = layer.forward(x, batch, pass());
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += (double) r[i] * out[i];
        }
        if (layer instanceof PenaltyLayer p) {
            sum += p.lastPenalty();
        }
        return sum;
    }
}
