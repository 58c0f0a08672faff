package org.aeworkbench.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void adamsFirstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        // With bias correction, m_hat = g and v_hat = g^2 after one step, so the step is lr * g / (|g| + eps).
        Parameter p = new Parameter("w", 2, 2, new float[] {1, 1, 1, 1}, new float[] {0.5f, -2f, 1e-3f, 0f});
        new Adam(0.9f, 0.999f, 1e-8f).step(COMPUTE, List.of(p), 0.1f, 0f);
        assertEquals(0.9f, p.value()[0], 1e-6f);
        assertEquals(1.1f, p.value()[1], 1e-6f);
        assertEquals(1 - 0.1f * 1e-3f / (1e-3f + 1e-8f), p.value()[2], 1e-6f);
        assertEquals(1f, p.value()[3], 0f);
    }

    @Test
    void nesterovAndMomentumFollowTheirUpdateRules() {
        // Two steps with constant gradient g = 1, lr = 0.1, mu = 0.9:
        // momentum: v1 = 1, w1 = -0.1; v2 = 1.9, w2 = -0.29.
        // Nesterov: w1 = -0.1 * (1 + 0.9 * 1) = -0.19; v2 = 1.9, w2 = w1 - 0.1 * (1 + 0.9 * 1.9) = -0.461.
        Parameter m = new Parameter("m", 2, 1, new float[2], new float[] {1, 1});
        Parameter n = new Parameter("n", 2, 1, new float[2], new float[] {1, 1});
        Sgd momentum = new Sgd(0.9f, false);
        Sgd nesterov = new Sgd(0.9f, true);
        for (int i = 0; i < 2; i++) {
            java.util.Arrays.fill(m.grad(), 1f);
            java.util.Arrays.fill(n.grad(), 1f);
            momentum.step(COMPUTE, List.of(m), 0.1f, 0f);
            nesterov.step(COMPUTE, List.of(n), 0.1f, 0f);
        }
        assertEquals(-0.29f, m.value()[0], 1e-6f);
        assertEquals(-0.461f, n.value()[0], 1e-6f);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyOptimiserMinimisesAQuadratic(OptimizerKind kind) {
        // f(w) = sum_i c_i (w_i - 3)^2 with uneven curvature.
        float[] c = {0.5f, 1f, 2f, 4f};
        Parameter p = new Parameter("w", 2, 2);
        OptimizerSpec spec = new OptimizerSpec(kind, kind == OptimizerKind.ADAGRAD ? 0.5 : 0.05, 0, null, settings(kind, 0.999));
        Optimizer opt = spec.build();
        for (int step = 0; step < 2000; step++) {
            for (int i = 0; i < 4; i++) {
                p.grad()[i] = 2 * c[i] * (p.value()[i] - 3);
            }
            opt.step(COMPUTE, List.of(p), spec.learningRateAt(0, 1), 0f);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(3f, p.value()[i], 0.05f, kind + " w[" + i + "]");
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void aStepConsumesTheGradients(OptimizerKind kind) {
        Parameter p = new Parameter("w", 1, 40, new float[40], new float[40]);
        java.util.Arrays.fill(p.grad(), 0.3f);
        new OptimizerSpec(kind, 0.1, 0, null, settings(kind, 0.999)).build().step(COMPUTE, List.of(p), 0.1f, 0f);
        assertTrue(p.value()[0] < 0, kind + " moved against the gradient");
        for (float g : p.grad()) {
            assertEquals(0f, g, 0f, kind + " left a gradient behind");
        }
    }

    @Test
    void weightDecayPullsWeightsButNotBiasesTowardZero() {
        Parameter w = new Parameter("w", 2, 1, new float[] {1, 1}, new float[2]);
        Parameter b = new Parameter("b", 1, 2, new float[] {1, 1}, new float[2]);
        new Sgd(0, false).step(COMPUTE, List.of(w, b), 0.1f, 0.5f);
        assertEquals(0.95f, w.value()[0], 1e-6f);
        assertEquals(1f, b.value()[0], 0f);
    }

    @Test
    void schedulesScaleTheRateAsDocumented() {
        assertEquals(0.25, new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 2).factor(5, 10), 1e-12);
        assertEquals(0.5 * 0.5 * 0.5, new LearningRateSchedule(LearningRateSchedule.Kind.EXPONENTIAL, 0.5, 1).factor(3, 10), 1e-12);
        assertEquals(0.5, new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0, 1).factor(5, 10), 1e-12);
        assertTrue(new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0, 1).factor(0, 10) == 1);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "RMSPROP", "MOMENTUM", "NESTEROV"})
    void aStoppedGradientsStateDecaysToZeroWithoutPassingThroughSubnormals(OptimizerKind kind) {
        // One gradient, then none: the moments decay geometrically. Stored subnormals would make
        // every later step slow (x86 microcode assists), so they must never be stored.
        Parameter p = new Parameter("w", 1, 3, new float[] {0.5f, -0.25f, 0.125f}, new float[] {1e-3f, -2f, 3e-7f});
        StatefulOptimizer opt = (StatefulOptimizer) new OptimizerSpec(kind, 1e-3, 0, null, settings(kind, 0.9)).build();
        int zeroAt = -1;
        for (int step = 0; step < 20_000 && zeroAt < 0; step++) {
            opt.step(COMPUTE, List.of(p), 1e-3f, 0f);
            boolean allZero = true;
            for (float[] s : opt.state(0)) {
                for (float x : s) {
                    assertTrue(x == 0f || Math.abs(x) >= Float.MIN_NORMAL, kind + " stored the subnormal " + x + " at step " + step);
                    allZero &= x == 0f;
                }
            }
            zeroAt = allZero ? step : -1;
        }
        assertTrue(zeroAt > 0, kind + " state never reached zero");
    }

    /** Adam's SIMD lanes and its plain rule agree bit for bit, around the flush threshold and in the tail. */
    @Test
    void adamsLanesEqualItsPlainRuleBitForBitAtTheFlushThreshold() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.aeworkbench.engine.blas.Simd.available());
        int n = 67;
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        float[] w = new float[n];
        float[] g = new float[n];
        float[] m = new float[n];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) r.nextGaussian();
            g[i] = i % 4 == 0 ? 0f : (float) (r.nextGaussian() * Math.pow(2, -r.nextInt(70)));
            m[i] = (float) (r.nextGaussian() * Math.pow(2, -r.nextInt(110)));
            v[i] = (float) Math.pow(2, -r.nextInt(130));
        }
        Adam adam = new Adam(0.9f, 0.999f, 1e-8f);
        adam.t = 1;
        adam.beginStep(1e-3f);
        float[][] lanes = {w.clone(), g.clone(), m.clone(), v.clone()};
        float[][] plain = {w.clone(), g.clone(), m.clone(), v.clone()};
        int done = Adam.Lanes.update(adam, lanes[0], lanes[1], lanes[2], lanes[3], 0, n);
        org.junit.jupiter.api.Assertions.assertTrue(done > 0 && done < n, "whole vectors and a tail: " + done);
        adam.updatePlain(lanes[0], lanes[1], lanes[2], lanes[3], done, n);
        adam.updatePlain(plain[0], plain[1], plain[2], plain[3], 0, n);
        String[] names = {"weights", "gradients", "first moments", "second moments"};
        for (int a = 0; a < 4; a++) {
            org.aeworkbench.engine.blas.LanesFixture.assertSameBits(plain[a], lanes[a], names[a]);
        }
    }

    /** Momentum 0.9, Adam's beta1 0.9, {@code beta2} as Adam's second decay and RMSProp's decay, epsilon 1e-8. */
    private static OptimizerSettings settings(OptimizerKind kind, double beta2) {
        return kind.settings(java.util.Map.of("momentum", 0.9, "beta1", 0.9, "beta2", beta2, "epsilon", 1e-8));
    }
}
