package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole-network gradients (every layer chained, loss included) against central differences. */
class AutoencoderGradientTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @ParameterizedTest
    @EnumSource(ReconstructionLoss.class)
    void parameterGradientsMatchFiniteDifferences(ReconstructionLoss loss) {
        Shape in = Shape.vector(7);
        ModelSpec spec = ModelSpec.of("g", List.of(new DenseSpec(5, Activation.TANH), new DenseSpec(3, Activation.SOFTPLUS)),
                List.of(new DenseSpec(5, Activation.ELU), new DenseSpec(7, Activation.SIGMOID)), loss);
        Autoencoder model = ModelBuilder.build(spec, in);
        int batch = 4;
        float[] x = TestModels.uniform(batch * 7, 3);
        double worst = worstRelativeError(model, x, batch, 1e-2);
        assertTrue(worst < 1e-3, loss + ": worst relative error " + worst);
    }

    /** Objective: mean per-sample loss plus penalties, as the trainer minimises it. */
    static double objective(Autoencoder model, float[] x, int batch) {
        float[] out = model.forward(x, batch, new Pass(COMPUTE, true, new SplittableRandom(9)));
        return model.lossAndBackward(COMPUTE, out, x, batch, false).total();
    }

    static double worstRelativeError(Autoencoder model, float[] x, int batch, double h) {
        for (Parameter p : model.parameters()) {
            java.util.Arrays.fill(p.grad(), 0f);
        }
        float[] out = model.forward(x, batch, new Pass(COMPUTE, true, new SplittableRandom(9)));
        model.lossAndBackward(COMPUTE, out, x, batch, true);
        double worst = 0;
        for (Parameter p : model.parameters()) {
            float[] analytic = p.grad().clone();
            for (int i = 0; i < p.size(); i++) {
                float saved = p.value()[i];
                p.value()[i] = (float) (saved + h);
                double plus = objective(model, x, batch);
                p.value()[i] = (float) (saved - h);
                double minus = objective(model, x, batch);
                p.value()[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                double err = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
                worst = Math.max(worst, err);
            }
        }
        return worst;
    }
}
