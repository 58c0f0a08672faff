package org.aeworkbench.export;

import static org.aeworkbench.engine.layer.Activation.ELU;
import static org.aeworkbench.engine.layer.Activation.IDENTITY;
import static org.aeworkbench.engine.layer.Activation.LEAKY_RELU;
import static org.aeworkbench.engine.layer.Activation.RELU;
import static org.aeworkbench.engine.layer.Activation.SIGMOID;
import static org.aeworkbench.engine.layer.Activation.SOFTPLUS;
import static org.aeworkbench.engine.layer.Activation.TANH;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.AvgPool2DSpec;
import org.aeworkbench.engine.model.Conv2DSpec;
import org.aeworkbench.engine.model.ConvTranspose2DSpec;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.FlattenSpec;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.MaxPool2DSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.ReshapeSpec;
import org.aeworkbench.engine.model.Upsample2DSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The designs the export tests run, each built for its input with its seed's weights and then
 * every parameter moved by a little seeded noise, so that biases are not zero and a layout error
 * in any tensor shows. The four (reference, VAE, conv-ae, tied) come first; the others
 * cover every layer kind, padding rule and activation the exporters translate.
 */
public final class ExportDesigns {

    public static final Shape MNIST = Shape.image(28, 28, 1);

    private ExportDesigns() {
    }

    /** Name to model, in a fixed order. */
    public static Map<String, Autoencoder> all() {
        Map<String, Autoencoder> m = new LinkedHashMap<>();
        m.put("reference", perturbed(Presets.get("reference", MNIST), MNIST));
        m.put("vae", perturbed(Presets.get("vae-2d", MNIST), MNIST));
        m.put("conv-ae", perturbed(Presets.get("conv-ae", MNIST), MNIST));
        m.put("tied", perturbed(Presets.get("keras-deep", MNIST).withName("tied").with(org.aeworkbench.engine.model.TiedWeightsSpec.ON), MNIST));
        m.putAll(extras());
        return m;
    }

    /**
     * Designs whose variant acts only in training and adds nothing to the network at inference: the
     * adversarial autoencoder (its discriminator) and RBM pretraining (its machines). ONNX exports
     * them; the PyTorch package refuses the first (ExportTrainingVariantsTest).
     */
    public static Map<String, Autoencoder> trainingOnly() {
        Map<String, Autoencoder> m = new LinkedHashMap<>();
        m.put("aae-gaussian", perturbed(Presets.get("aae-gaussian", MNIST), MNIST));
        m.put("hinton-2006-rbm", perturbed(Presets.get("hinton-2006-rbm", MNIST), MNIST));
        return m;
    }

    /** Layer kinds, paddings and activations beyond the four. */
    public static Map<String, Autoencoder> extras() {
        Map<String, Autoencoder> m = new LinkedHashMap<>();
        m.put("conv-vae", perturbed(Presets.get("conv-vae", MNIST), MNIST));
        m.put("k-sparse", perturbed(Presets.get("k-sparse", MNIST), MNIST));
        m.put("sparse-kl", perturbed(Presets.get("sparse-kl", MNIST), MNIST));
        m.put("sparse-l1", perturbed(Presets.get("sparse-l1", MNIST), MNIST));
        m.put("contractive", perturbed(Presets.get("contractive", MNIST), MNIST));
        m.put("denoising", perturbed(Presets.get("denoising", MNIST), MNIST));
        Shape small = Shape.image(9, 9, 2);
        // 9x9x2 -> 5x5x3 (even kernel, "same": one zero above, two below) -> 5x5x3 -> 3x3x3 -> 2x2x4 -> 16 -> 5
        List<LayerSpec> enc = List.of(new Conv2DSpec(3, 4, 2, Padding.SAME, ELU), new AvgPool2DSpec(2, 1, Padding.SAME),
                new MaxPool2DSpec(3, 2, Padding.of(1)), new Conv2DSpec(4, 2, 1, Padding.VALID, LEAKY_RELU),
                new FlattenSpec(), new DenseSpec(5, TANH));
        // 5 -> 12 -> 2x2x3 -> 6x6x4 (kernel 2 < stride 3) -> 12x12x4 -> 13x13x3 -> 13x13x2 -> 9x9x2
        List<LayerSpec> dec = List.of(new DenseSpec(12, SOFTPLUS), new ReshapeSpec(2, 2, 3),
                new ConvTranspose2DSpec(4, 2, 3, Padding.VALID, RELU), new Upsample2DSpec(2),
                new ConvTranspose2DSpec(3, 4, 1, Padding.of(1), RELU), new ConvTranspose2DSpec(2, 3, 1, Padding.SAME, SIGMOID),
                new Conv2DSpec(2, 5, 1, Padding.VALID, IDENTITY));
        m.put("odd-shapes", perturbed(ModelSpec.of("odd-shapes", enc, dec, ReconstructionLoss.MSE), small));
        return m;
    }

    /** The design built with its seed's weights, each value then moved by up to 0.05. */
    public static Autoencoder perturbed(ModelSpec spec, Shape input) {
        Autoencoder model = ModelBuilder.build(spec, input);
        SplittableRandom r = new SplittableRandom(7);
        for (Parameter p : model.parameters()) {
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) ((r.nextDouble() - 0.5) * 0.1);
            }
        }
        return model;
    }

    /** n samples in [0, 1), seeded: the value range of scaled images. */
    public static float[] samples(int n, Shape shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }

    /** Channels-last samples (N, H, W, C) to (N, C, H, W). */
    public static float[] toNchw(float[] x, int n, Shape s) {
        float[] out = new float[x.length];
        int h = s.height();
        int w = s.width();
        int c = s.channels();
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    for (int ch = 0; ch < c; ch++) {
                        out[((b * c + ch) * h + y) * w + xx] = x[((b * h + y) * w + xx) * c + ch];
                    }
                }
            }
        }
        return out;
    }

    /** (N, C, H, W) back to channels-last. */
    public static float[] toNhwc(float[] x, int n, Shape s) {
        float[] out = new float[x.length];
        int h = s.height();
        int w = s.width();
        int c = s.channels();
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    for (int ch = 0; ch < c; ch++) {
                        out[((b * h + y) * w + xx) * c + ch] = x[((b * c + ch) * h + y) * w + xx];
                    }
                }
            }
        }
        return out;
    }

    /** The largest absolute difference. */
    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " values against " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
