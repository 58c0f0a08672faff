package org.aeworkbench.analysis;

import java.util.List;
import org.aeworkbench.engine.blas.Gemm;
import org.aeworkbench.engine.layer.Parameter;

/**
 * What the units of a deep dense encoder respond to, as patterns over the input: the product of
 * the weight matrices up to their layer, W_0 W_1 ... W_l (input width x units of layer l), one
 * column per unit. This is the linear reading of deep features of Erhan, Bengio, Courville and
 * Vincent ("Visualizing Higher-Layer Features of a Deep Network", 2009, section 3.3), used for the
 * stacked RBMs of a deep belief net by Lee, Ekanadham and Ng (2008): it ignores the
 * non-linearities between layers, so it shows the direction a unit prefers, not its exact input.
 * For the first layer it is that layer's weights.
 */
public final class LayerFilters {

    private LayerFilters() {
    }

    /**
     * @param weights the dense layers' weights, input side first, each stored (inputs x units)
     * @param layer   0-based layer whose units' filters are wanted
     * @return input width x units of {@code layer}, row-major
     */
    public static float[] inInputSpace(Gemm gemm, List<Parameter> weights, int layer) {
        Parameter first = weights.get(0);
        float[] product = first.value().clone();
        int rows = first.rows();
        for (int i = 1; i <= layer; i++) {
            Parameter w = weights.get(i);
            if (w.rows() != weights.get(i - 1).cols()) {
                throw new IllegalArgumentException(w.name() + " takes " + w.rows() + " inputs but "
                        + weights.get(i - 1).name() + " has " + weights.get(i - 1).cols() + " units");
            }
            float[] next = new float[rows * w.cols()];
            gemm.sgemm(false, false, rows, w.cols(), w.rows(), 1f, product, w.value(), 0f, next);
            product = next;
        }
        return product;
    }
}
