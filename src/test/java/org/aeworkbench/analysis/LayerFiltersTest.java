package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;
import org.junit.jupiter.api.Test;

class LayerFiltersTest {

    /** W0 (3 x 2) W1 (2 x 2) by hand: [[1, 2], [0, 1], [-1, 0]] [[1, -1], [2, 0]] = [[5, -1], [2, 0], [-1, 1]]. */
    @Test
    void deeperFiltersAreTheProductOfTheWeightsBelow() {
        Parameter w0 = new Parameter("w0", 3, 2, new float[] {1, 2, 0, 1, -1, 0}, new float[6]);
        Parameter w1 = new Parameter("w1", 2, 2, new float[] {1, -1, 2, 0}, new float[4]);
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            assertArrayEquals(w0.value(), LayerFilters.inInputSpace(compute.gemm(), List.of(w0, w1), 0));
            assertArrayEquals(new float[] {5, -1, 2, 0, -1, 1}, LayerFilters.inInputSpace(compute.gemm(), List.of(w0, w1), 1));
        }
    }
}
