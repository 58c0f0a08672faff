package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ContractiveSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.variant.ContractivePenalty.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractivePenaltyTest {

    /**
     * The engine's own GEMM, not the system's BLAS: the trained Jacobian norms below depend on the
     * products' rounding, and OpenBLAS picks its kernels by the processor it finds (on a host that
     * reported itself as Cooper Lake instead of Skylake-X, the tanh-sigmoid ratio came out at 0.67).
     */
    private static final Compute COMPUTE = Compute.create(Backend.JAVA, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    /** A dense encoder with its input tap and penalty, run like the model runs them. */
    private record Encoder(EncoderInputTap tap, List<DenseLayer> dense, ContractivePenalty penalty) {

        static Encoder of(long seed, double weight, Method method, int probes, int in, Activation... layers) {
            SplittableRandom random = new SplittableRandom(seed);
            List<DenseLayer> dense = new ArrayList<>();
            Shape shape = Shape.vector(in);
            int width = in + 1;
            for (Activation f : layers) {
                width = Math.max(2, width - 2);
                DenseLayer d = new DenseLayer("encoder[" + dense.size() + "]", shape, width, f);
                d.initialize(random);
                for (int j = 0; j < width; j++) {
                    d.bias().value()[j] = (float) (random.nextDouble() - 0.5);
                }
                dense.add(d);
                shape = d.outputShape();
            }
            EncoderInputTap tap = new EncoderInputTap(Shape.vector(in));
            return new Encoder(tap, dense, new ContractivePenalty(tap, dense, weight, method, probes));
        }

        List<Layer> stack() {
            List<Layer> all = new ArrayList<>();
            all.add(tap);
            all.addAll(dense);
            all.add(penalty);
            return all;
        }

        float[] forward(float[] x, int batch, long seed) {
            Pass pass = new Pass(COMPUTE, true, new SplittableRandom(seed));
            float[] h = x;
            for (Layer l : stack()) {
                h = l.forward(h, batch, pass);
            }
            return h;
        }

        void backward(float[] g, int batch) {
            List<Layer> all = stack();
            for (int i = all.size() - 1; i >= 1; i--) {
                g = all.get(i).backward(g, batch, i > 1);
            }
        }
    }

    /** ||J||_F^2 per sample by five-point finite differences of the encoder's forward pass, column by column. */
    private static double[][][] jacobians(Encoder e, float[] x, int n) {
        int in = e.dense().get(0).inputShape().size();
        int out = e.dense().get(e.dense().size() - 1).outputShape().size();
        double[][][] jac = new double[n][out][in];
        double step = 1e-2;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < in; i++) {
                float[] xb = Arrays.copyOfRange(x, b * in, (b + 1) * in);
                double[][] at = new double[4][];
                double[] deltas = {step, -step, 2 * step, -2 * step};
                for (int k = 0; k < 4; k++) {
                    float[] xp = xb.clone();
                    xp[i] += (float) deltas[k];
                    float[] h = xp;
                    for (DenseLayer d : e.dense()) {
                        h = d.forward(h, 1, Pass.inference(COMPUTE));
                    }
                    at[k] = new double[out];
                    for (int j = 0; j < out; j++) {
                        at[k][j] = h[j];
                    }
                }
                for (int j = 0; j < out; j++) {
                    jac[b][j][i] = (8 * (at[0][j] - at[1][j]) - (at[2][j] - at[3][j])) / (12 * step);
                }
            }
        }
        return jac;
    }

    private static double frobeniusSquared(double[][] j) {
        double s = 0;
        for (double[] row : j) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    private static double meanFrobeniusSquared(double[][][] jac) {
        double s = 0;
        for (double[][] j : jac) {
            s += frobeniusSquared(j);
        }
        return s / jac.length;
    }

    @Test
    void closedFormIsTheSquaredJacobianNormOfAOneLayerEncoder() {
        Encoder e = Encoder.of(1, 0.5, Method.EXACT_ONE_LAYER, 1, 6, Activation.SIGMOID);
        float[] x = FiniteDifference.uniform(new SplittableRandom(2), 4 * 6, 0, 1);
        e.forward(x, 4, 0);
        double numeric = meanFrobeniusSquared(jacobians(e, x, 4));
        assertEquals(0.5 * numeric, e.penalty().lastPenalty(), 1e-5 * numeric);
        assertEquals(numeric, EncoderJacobian.meanSquaredFrobeniusNorm(COMPUTE, e.dense(), x, 4), 1e-5 * numeric);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "SOFTPLUS", "ELU", "RELU", "IDENTITY"})
    void closedFormGradientMatchesFiniteDifferences(Activation f) {
        // f' jumps at 0 for ReLU and f'' for ELU: a smaller step, and seeds for which no pre-activation lies
        // within a step of the kink. Smooth activations take a larger step, above float rounding.
        double step = f == Activation.RELU || f == Activation.ELU ? 1e-2 : 3e-2;
        GradientCheck.Result result = checkPenaltyGradient(Encoder.of(3, 0.8, Method.EXACT_ONE_LAYER, 1, 7, f), 3, 11, step);
        System.out.println("contractive closed form, " + f + ": " + result);
        assertTrue(result.worst() < 1e-3, f + ": " + result);
    }

    @Test
    void hutchinsonGradientMatchesFiniteDifferencesForFixedProbes() {
        for (Activation[] fs : List.of(new Activation[] {Activation.TANH, Activation.SIGMOID},
                new Activation[] {Activation.SOFTPLUS, Activation.TANH, Activation.IDENTITY})) {
            GradientCheck.Result result = checkPenaltyGradient(Encoder.of(4, 0.6, Method.HUTCHINSON, 2, 6, fs), 3, 12, 3e-2);
            System.out.println("contractive Hutchinson, " + Arrays.toString(fs) + ": " + result);
            assertTrue(result.worst() < 1e-3, Arrays.toString(fs) + ": " + result);
        }
    }

    /**
     * Objective sum(r * code) + penalty; the probes (a fixed seed) are the same in every evaluation. The
     * penalty's float rounding limits how small the step can be (errors shrink as it grows to 3e-2).
     */
    private static GradientCheck.Result checkPenaltyGradient(Encoder e, int batch, long seed, double step) {
        SplittableRandom random = new SplittableRandom(seed);
        int in = e.dense().get(0).inputShape().size();
        float[] x = FiniteDifference.uniform(random, batch * in, -1, 1);
        int outSize = batch * e.penalty().outputShape().size();
        float[] r = FiniteDifference.uniform(random, outSize, -1, 1);
        List<FiniteDifference.Probe> probes = new ArrayList<>();
        for (DenseLayer d : e.dense()) {
            Arrays.fill(d.weight().grad(), 0f);
            Arrays.fill(d.bias().grad(), 0f);
        }
        e.forward(x, batch, seed);
        e.backward(r.clone(), batch);
        for (DenseLayer d : e.dense()) {
            probes.add(FiniteDifference.probe(d.weight()));
            probes.add(FiniteDifference.probe(d.bias()));
        }
        return FiniteDifference.check(probes, () -> {
            float[] code = e.forward(x, batch, seed);
            double s = e.penalty().lastPenalty();
            for (int i = 0; i < outSize; i++) {
                s += r[i] * code[i];
            }
            return s;
        }, step, 1000, random);
    }

    /**
     * The estimator's mean over many probes agrees with the exact value within 4 of its standard deviations,
     * computed from the exact Jacobians: Var(v^T A v) = 2 (||A||_F^2 - sum_i A_ii^2) for Rademacher v, A = J^T J.
     */
    @Test
    void hutchinsonEstimateMatchesTheClosedFormAndTheNumericalJacobian() {
        int probes = 4000;
        int batch = 3;
        for (Activation[] fs : List.of(new Activation[] {Activation.SIGMOID},
                new Activation[] {Activation.TANH, Activation.SIGMOID})) {
            Encoder e = Encoder.of(5, 1.0, Method.HUTCHINSON, probes, 6, fs);
            float[] x = FiniteDifference.uniform(new SplittableRandom(6), batch * 6, 0, 1);
            e.forward(x, batch, 7);
            double estimate = e.penalty().lastPenalty();
            double[][][] jac = jacobians(e, x, batch);
            double exact = meanFrobeniusSquared(jac);
            double variance = 0;
            for (double[][] j : jac) {
                variance += rademacherVariance(j);
            }
            double sd = Math.sqrt(variance / probes) / batch;
            System.out.printf("contractive Hutchinson, %d layer(s), %d probes: estimate %.5f, numerical %.5f, sd %.5f%n",
                    fs.length, probes, estimate, exact, sd);
            assertEquals(exact, estimate, 4 * sd);
            if (fs.length == 1) {
                Encoder exactForm = new Encoder(e.tap(), e.dense(), new ContractivePenalty(e.tap(), e.dense(), 1.0,
                        Method.EXACT_ONE_LAYER, 1));
                exactForm.forward(x, batch, 7);
                assertEquals(exact, exactForm.penalty().lastPenalty(), 1e-5 * exact);
            }
            assertEquals(exact, EncoderJacobian.meanSquaredFrobeniusNorm(COMPUTE, e.dense(), x, batch), 1e-4 * exact);
        }
    }

    private static double rademacherVariance(double[][] j) {
        int in = j[0].length;
        double frob = 0;
        double diag = 0;
        for (int a = 0; a < in; a++) {
            for (int b = 0; b < in; b++) {
                double s = 0;
                for (double[] row : j) {
                    s += row[a] * row[b];
                }
                frob += s * s;
                diag += a == b ? s * s : 0;
            }
        }
        return 2 * (frob - diag);
    }

    @Test
    void contractiveModelsPassWholeModelGradientChecks() {
        float[] x = FiniteDifference.uniform(new SplittableRandom(14), 4 * 6, 0, 1);
        for (List<LayerSpec> encoder : List.of(List.<LayerSpec>of(new DenseSpec(4, Activation.SIGMOID)),
                List.<LayerSpec>of(new DenseSpec(5, Activation.TANH), new DenseSpec(3, Activation.SIGMOID)))) {
            ModelSpec spec = ModelSpec.of("c", encoder, ModelSpec.mirrorDecoder(encoder, 6, Activation.SIGMOID),
                    ReconstructionLoss.BCE).with(new ContractiveSpec(0.7));
            Autoencoder model = ModelBuilder.build(spec, Shape.vector(6));
            var result = FiniteDifference.checkModel(model, COMPUTE, x, 4, 15, 3e-2, 1000);
            System.out.println("contractive model, " + encoder.size() + " encoder layer(s): " + result);
            assertTrue(result.worst() < 1e-3, result.toString());
        }
    }

    /**
     * Rifai et al.'s setting shrunk: the same encoders trained 20 epochs on 600 digits with and without the
     * penalty (lambda = 1). On 100 held-out digits the contractive encoder's mean ||J_f(x)||_F^2 (exact, by the
     * chain rule) is less than half the plain one's with the closed form (one sigmoid layer; measured 1.44 vs
     * 7.84, and 0.09 to 0.15 of it with seeds 7 to 9), and less than two thirds with Hutchinson's estimator
     * (tanh-sigmoid: the plain encoder's norm itself varies from 1.3 to 3.0 with the seed and with rounding in
     * the products, and the ratio from 0.27 to 0.59), while its reconstruction loss stays within 15% of the plain
     * model's (3% to 9% measured): the encoder contracts without giving up the data.
     */
    @Test
    void contractiveEncoderHasASmallerJacobianThanThePlainOne() {
        float[] train = SmallData.mnist(0, 600);
        float[] held = SmallData.mnist(9000, 100);
        for (List<LayerSpec> encoder : List.of(List.<LayerSpec>of(new DenseSpec(64, Activation.SIGMOID)),
                List.<LayerSpec>of(new DenseSpec(64, Activation.TANH), new DenseSpec(16, Activation.SIGMOID)))) {
            ModelSpec plain = ModelSpec.of("plain", encoder, ModelSpec.mirrorDecoder(encoder, 784, Activation.SIGMOID),
                    ReconstructionLoss.BCE).withOptimizer(OptimizerSpec.adam(1e-2))
                    .withTraining(TrainingSpec.defaults().withEpochs(20).withBatchSize(32).withSeed(6));
            double[] p = trainedJacobianNorm(plain, train, held);
            double[] c = trainedJacobianNorm(plain.with(new ContractiveSpec(1.0)), train, held);
            System.out.printf("mean ||J||^2 with %d encoder layer(s): contractive %.3f, plain %.3f;"
                    + " reconstruction %.1f vs %.1f%n", encoder.size(), c[0], p[0], c[1], p[1]);
            double bound = encoder.size() == 1 ? 0.5 : 2.0 / 3;
            assertTrue(c[0] < bound * p[0], c[0] + " vs " + p[0]);
            assertTrue(c[1] < 1.15 * p[1], "reconstruction " + c[1] + " vs " + p[1]);
        }
    }

    /** Mean ||J||^2 on the held-out digits and the last epoch's training reconstruction loss. */
    private static double[] trainedJacobianNorm(ModelSpec spec, float[] train, float[] held) {
        Autoencoder model = ModelBuilder.build(spec, Shape.vector(784));
        var result = new Trainer(model, COMPUTE).fit(train, 600, null, 0, new TrainingControl(), TrainingListener.NONE);
        List<DenseLayer> dense = new ArrayList<>();
        for (Layer l : model.encoderLayers()) {
            if (l instanceof DenseLayer d) {
                dense.add(d);
            }
        }
        return new double[] {EncoderJacobian.meanSquaredFrobeniusNorm(COMPUTE, dense, held, 100),
                result.last().train().reconstruction()};
    }
}
