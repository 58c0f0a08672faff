package org.aeworkbench.engine.variant;

import java.util.SplittableRandom;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.Pass;

import org.aeworkbench.engine.tensor.Shape;

/**
 * The first stage of a denoising autoencoder (Vincent et al. 2008): in training passes the encoder
 * sees a corrupted copy of the input (see {@link Corruption}) while the loss still compares the
 * output with the clean input; in inference passes it is the identity.
 *
 * <p>It sits before every layer that learns, so its backward pass has nothing to feed: it returns
 * null in training. In inference it is the identity and passes the gradient through.
 */
public final class CorruptionLayer extends ShapePreservingStage {

    private final Noise noise;
    private float[] corrupted;
    private SplittableRandom[] streams;
    private boolean lastTraining;

    public CorruptionLayer(Shape shape, Noise noise) {
        super(shape);
        if (noise.kind() == Noise.Kind.PATCH && shape.isVector()) {
            throw new IllegalArgumentException("patch corruption needs image-shaped samples, not " + shape
                    + ": use masking noise");
        }
        this.noise = noise;
    }

    public Noise noise() {
        return noise;
    }

    @Override
    public String kind() {
        return "Corruption";
    }

    @Override
    public float[] forward(float[] x, int batch, Pass pass) {
        lastTraining = pass.training();
        if (!lastTraining) {
            return x;
        }
        corrupted = Buffers.ensure(corrupted, batch * shape.size());
        streams = Corruption.apply(pass.compute(), noise, shape, x, corrupted, batch, pass.random(), streams);
        return corrupted;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        return needInputGrad && !lastTraining ? gradOutput : null;
    }
}
