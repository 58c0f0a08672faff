package org.aeworkbench.engine.model;

import org.aeworkbench.engine.conv.Padding;
import org.aeworkbench.engine.conv.WindowGeometry;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.tensor.Shape;

/**
 * What max and average pooling share: a size x size window moved by a stride, channels kept,
 * nothing to learn, nothing to resize. The records only say which layer they build.
 */
public interface PoolingSpec extends SpatialSpec {

    int size();

    int stride();

    Padding padding();

    @Override
    default Shape outputShape(Shape input) {
        WindowGeometry g = WindowGeometry.of(kind(), input, size(), stride(), padding());
        return new Shape(g.outHeight(), g.outWidth(), input.channels());
    }

    @Override
    default long parameterCount(Shape input) {
        return 0;
    }

    /** Upsampling by the stride: the inverse of the pooling's downsampling where sizes divide. */
    @Override
    default LayerSpec mirror(Shape input, Activation activation) {
        return new Upsample2DSpec(stride());
    }
}
