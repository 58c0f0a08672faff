package org.aeworkbench.analysis.cluster;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.layer.PenaltyLayer;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.variant.GaussianSampleLayer;

/**
 * A trained model's encoder as a deterministic map x -> code that a loss on the code can be
 * back-propagated through, for fine-tuning the encoder alone (as DEC does once the decoder is
 * dropped). The variants' training-time parts are left out: no corruption and no sampling (the
 * passes are inference passes, so a VAE's code is its posterior mean), and no penalty term (a
 * penalty stage passes the gradient through without adding its own). k-sparse selection stays,
 * since it is part of the map.
 */
final class EncoderPath {

    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final int firstTrainable;
    private final Pass pass;
    private final int codeWidth;

    EncoderPath(Autoencoder model, Compute compute) {
        this.layers = model.encoderLayers();
        List<Parameter> ps = new ArrayList<>();
        int first = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).parameters().isEmpty() && first < 0) {
                first = i;
            }
            ps.addAll(layers.get(i).parameters());
        }
        this.parameters = List.copyOf(ps);
        this.firstTrainable = Math.max(0, first);
        this.pass = Pass.inference(compute);
        this.codeWidth = model.codeSize();
    }

    /** The encoder's trainable parameters, each once. */
    List<Parameter> parameters() {
        return parameters;
    }

    int codeWidth() {
        return codeWidth;
    }

    /** Codes of a batch; the layers keep what their backward pass needs. */
    float[] forward(float[] x, int batch) {
        float[] h = x;
        for (Layer l : layers) {
            h = l.forward(h, batch, pass);
        }
        return h;
    }

    /** Accumulates the parameters' gradients of a loss whose gradient on the codes of the last forward is {@code gradCode}. */
    void backward(float[] gradCode, int batch) {
        float[] g = gradCode;
        for (int i = layers.size() - 1; i >= firstTrainable; i--) {
            Layer l = layers.get(i);
            boolean needInput = i > firstTrainable;
            if (l instanceof GaussianSampleLayer) {
                g = meanOnly(g, batch, l.outputShape().size());
            } else if (l instanceof PenaltyLayer && l.inputShape().size() == l.outputShape().size()) {
                continue; // its forward is the identity; its penalty is not part of this loss
            } else {
                g = l.backward(g, batch, needInput);
            }
        }
    }

    /** In an inference pass a VAE's code is the mean, the first half of its input: its gradient goes there. */
    private static float[] meanOnly(float[] g, int batch, int latent) {
        float[] out = new float[batch * 2 * latent];
        for (int r = 0; r < batch; r++) {
            System.arraycopy(g, r * latent, out, r * 2 * latent, latent);
        }
        return out;
    }
}
