package org.aeworkbench.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DenseLayerTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesFiniteDifferencesForEveryActivation(Activation f) {
        SplittableRandom random = new SplittableRandom(7);
        DenseLayer layer = new DenseLayer("dense", Shape.vector(6), 5, f);
        layer.initialize(random);
        for (int i = 0; i < layer.bias().size(); i++) {
            layer.bias().value()[i] = (float) (random.nextDouble() - 0.5);
        }
        float[] x = new float[4 * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        var result = new GradientCheck(COMPUTE, 1e-2, true, 1).check(layer, x, 4, random, 1000);
        // ReLU-family kinks can fall inside a step; with these seeds none does.
        assertTrue(result.worst() < 1e-3, f + ": " + result);
    }

    @Test
    void forwardIsTheAffineMapFollowedByTheActivation() {
        DenseLayer layer = new DenseLayer("d", Shape.vector(2), 3, Activation.RELU);
        System.arraycopy(new float[] {1, -2, 0.5f, 3, 1, -1}, 0, layer.weight().value(), 0, 6);
        System.arraycopy(new float[] {0.5f, 0, -4}, 0, layer.bias().value(), 0, 3);
        float[] out = layer.forward(new float[] {2, 1, -1, 0}, 2, Pass.inference(COMPUTE));
        // Row 1: x = (2, 1): z = (2 + 3 + 0.5, -4 + 1, 1 - 1 - 4) = (5.5, -3, -4) -> (5.5, 0, 0)
        // Row 2: x = (-1, 0): z = (-1 + 0.5, 2, -0.5 - 4) -> (0, 2, 0)
        assertArrayEquals(new float[] {5.5f, 0, 0, 0, 2, 0}, java.util.Arrays.copyOf(out, 6), 1e-6f);
    }
}
