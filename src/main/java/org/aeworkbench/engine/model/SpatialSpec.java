package org.aeworkbench.engine.model;

/**
 * A layer whose width is not a number of units (convolutions, pooling, resampling, reshaping):
 * the code-size override cannot resize it.
 */
public interface SpatialSpec extends LayerSpec {

    @Override
    default LayerSpec withUnits(int units) {
        throw ConvSpecs.notResizable(kind());
    }

    @Override
    default int units() {
        return -1;
    }
}
