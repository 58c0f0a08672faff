package org.aeworkbench.cli.bench;

import org.aeworkbench.engine.layer.Layer;
import org.aeworkbench.engine.model.Autoencoder;

/**
 * Floating-point operations of one training step per sample, counting the matrix products
 * (which dominate): a dense layer of in x out costs 2 in out forward, 2 in out for its weight
 * gradient and 2 in out for its input gradient, except the first layer, whose input gradient is
 * not needed. The same formula is used by bench/pytorch/common.py.
 */
final class Flops {

    private Flops() {
    }

    static double trainingPerSample(Autoencoder model) {
        double flops = 0;
        boolean first = true;
        for (Layer l : model.layers()) {
            long macs = macsPerSample(l);
            if (macs == 0) {
                continue;
            }
            flops += 2.0 * macs * (first ? 2 : 3);
            first = false;
        }
        return flops;
    }

    static long macsPerSample(Layer l) {
        return l.multiplyAddsPerSample();
    }
}
