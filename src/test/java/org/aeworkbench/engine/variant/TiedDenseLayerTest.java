package org.aeworkbench.engine.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.layer.DenseLayer;
import org.aeworkbench.engine.layer.GradientCheck;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.TiedWeightsSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TiedDenseLayerTest {

    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 2);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    @Test
    void forwardUsesTheTransposeOfTheEncoderWeight() {
        DenseLayer enc = new DenseLayer("e", Shape.vector(3), 2, Activation.IDENTITY);
        // W (3 x 2) = [[1, 2], [3, 4], [5, 6]]
        System.arraycopy(new float[] {1, 2, 3, 4, 5, 6}, 0, enc.weight().value(), 0, 6);
        TiedDenseLayer dec = new TiedDenseLayer("d", enc, Activation.IDENTITY);
        System.arraycopy(new float[] {0.5f, 0, -1}, 0, dec.bias().value(), 0, 3);
        float[] out = dec.forward(new float[] {1, -1}, 1, Pass.inference(COMPUTE));
        // h W^T + c with h = (1, -1): (1 - 2, 3 - 4, 5 - 6) + (0.5, 0, -1)
        assertArrayEquals(new float[] {-0.5f, -1, -2}, Arrays.copyOf(out, 3), 1e-6f);
        assertEquals(List.of(dec.bias()), dec.parameters());
    }

    @Test
    void backwardMatchesFiniteDifferencesIncludingTheSharedWeight() {
        SplittableRandom random = new SplittableRandom(11);
        DenseLayer enc = new DenseLayer("enc", Shape.vector(7), 4, Activation.TANH);
        enc.initialize(random);
        TiedDenseLayer dec = new TiedDenseLayer("dec", enc, Activation.SIGMOID);
        for (int i = 0; i < 7; i++) {
            dec.bias().value()[i] = (float) (random.nextDouble() - 0.5);
        }
        int batch = 3;
        float[] h = FiniteDifference.uniform(random, batch * 4, -1, 1);
        GradientCheck.Result own = new GradientCheck(COMPUTE, 1e-2, true, 1).check(dec, h, batch, random, 1000);

        // The weight it borrows: L = sum(r * out), dL/dW accumulated into the encoder's gradient.
        float[] r = FiniteDifference.uniform(random, batch * 7, -1, 1);
        Arrays.fill(enc.weight().grad(), 0f);
        dec.forward(h, batch, Pass.inference(COMPUTE));
        dec.backward(r.clone(), batch, true);
        GradientCheck.Result shared = FiniteDifference.check(List.of(FiniteDifference.probe(enc.weight())), () -> {
            float[] out = dec.forward(h, batch, Pass.inference(COMPUTE));
            double s = 0;
            for (int i = 0; i < r.length; i++) {
                s += r[i] * out[i];
            }
            return s;
        }, 1e-2, 1000, random);
        System.out.println("tied dense: input and bias " + own + "; shared weight " + shared);
        assertTrue(own.worst() < 1e-3, own.toString());
        assertTrue(shared.worst() < 1e-3, shared.toString());
    }

    @Test
    void tiedModelSharesEncoderWeightsAndPassesAWholeModelGradientCheck() {
        List<LayerSpec> encoder = List.of(new DenseSpec(5, Activation.TANH), new DenseSpec(3, Activation.TANH));
        Shape in = Shape.vector(8);
        ModelSpec spec = ModelSpec.of("tied", encoder, ModelSpec.mirrorDecoder(encoder, 8, Activation.SIGMOID),
                ReconstructionLoss.BCE).with(TiedWeightsSpec.ON);
        Autoencoder model = ModelBuilder.build(spec, in);
        // encoder weights and biases, plus one bias per decoder layer
        assertEquals(8 * 5 + 5 + 5 * 3 + 3 + 5 + 8, model.parameterCount());
        TiedDenseLayer last = (TiedDenseLayer) model.layers().get(model.layers().size() - 1);
        assertSame(model.layers().get(0), last.encoder());

        float[] x = FiniteDifference.uniform(new SplittableRandom(3), 4 * 8, 0, 1);
        GradientCheck.Result result = FiniteDifference.checkModel(model, COMPUTE, x, 4, 5, 3e-2, 1000);
        System.out.println("tied model: " + result);
        assertTrue(result.worst() < 1e-3, result.toString());
    }
}
