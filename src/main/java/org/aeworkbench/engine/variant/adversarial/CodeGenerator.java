package org.aeworkbench.engine.variant.adversarial;

import java.util.List;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;

/**
 * The encoder as the regularisation phase sees it: the generator of the adversarial game, which
 * maps a minibatch to codes and takes a gradient on those codes back to its weights.
 */
public interface CodeGenerator {

    /** Width of one code. */
    int codeWidth();

    /** Codes of a minibatch (n x codeWidth), computed as in training; valid until the next call. */
    float[] forward(float[] x, int n, Pass pass);

    /** Back-propagates dL/d(codes) of the last forward into the parameters' gradients. */
    void backward(float[] gradCodes, int n);

    /** The weights the generator step updates. */
    List<Parameter> parameters();
}
