package org.aeworkbench.engine.variant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.model.Autoencoder;

/**
 * Central finite differences of a scalar objective against analytic gradients, for arrays that
 * {@link GradientCheck} does not reach: a weight shared with another layer, a penalty's gradient
 * into the encoder, or every parameter of a whole model. The relative error is the one
 * GradientCheck reports, |a - n| / max(1e-2, |a| + |n|).
 */
public final class FiniteDifference {

    private FiniteDifference() {
    }

    /** One array to probe and its analytic gradient (copied before probing). */
    public record Probe(String name, float[] values, float[] analytic) {
    }

    public static Probe probe(Parameter p) {
        return new Probe(p.name(), p.value(), p.grad().clone());
    }

    public static GradientCheck.Result check(List<Probe> probes, DoubleSupplier objective, double step, int maxPerArray,
                                      SplittableRandom random) {
        double worst = 0;
        String where = "nothing checked";
        for (Probe p : probes) {
            float[] v = p.values();
            int count = Math.min(maxPerArray, v.length);
            for (int s = 0; s < count; s++) {
                int i = count == v.length ? s : random.nextInt(v.length);
                float saved = v[i];
                double d1 = at(v, i, saved, step, objective) - at(v, i, saved, -step, objective);
                double d2 = at(v, i, saved, 2 * step, objective) - at(v, i, saved, -2 * step, objective);
                v[i] = saved;
                // Five-point stencil: truncation error O(step^4), so the step can be large enough
                // to rise well above float rounding.
                double numeric = (8 * d1 - d2) / (12 * step);
                double an = p.analytic()[i];
                double err = Math.abs(an - numeric) / Math.max(1e-2, Math.abs(an) + Math.abs(numeric));
                if (err > worst) {
                    worst = err;
                    where = p.name() + "[" + i + "] analytic " + an + " numeric " + numeric;
                }
            }
        }
        return new GradientCheck.Result(worst, where);
    }

    private static double at(float[] v, int i, float saved, double delta, DoubleSupplier objective) {
        v[i] = (float) (saved + delta);
        return objective.getAsDouble();
    }

    /**
     * Every parameter of a model against the training objective: mean reconstruction loss plus
     * every penalty, with a training pass whose random stream restarts at {@code seed} each time
     * (so noise, sampling and probes are the same draws in every evaluation).
     */
    public static GradientCheck.Result checkModel(Autoencoder model, Compute compute, float[] x, int n, long seed,
                                           double step, int maxPerArray) {
        for (Parameter p : model.parameters()) {
            Arrays.fill(p.grad(), 0f);
        }
        float[] out = model.forward(x, n, new Pass(compute, true, new SplittableRandom(seed)));
        model.lossAndBackward(compute, out, x, n, true);
        List<Probe> probes = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            probes.add(probe(p));
        }
        DoubleSupplier objective = () -> {
            float[] o = model.forward(x, n, new Pass(compute, true, new SplittableRandom(seed)));
            return model.lossAndBackward(compute, o, x, n, false).total();
        };
        return check(probes, objective, step, maxPerArray, new SplittableRandom(seed + 1));
    }

    public static float[] uniform(SplittableRandom random, int n, double lo, double hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + (hi - lo) * random.nextDouble());
        }
        return v;
    }
}
