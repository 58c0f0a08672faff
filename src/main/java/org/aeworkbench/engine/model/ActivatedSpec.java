package org.aeworkbench.engine.model;

import org.aeworkbench.engine.layer.Activation;

/** A layer spec that ends in an element-wise activation (dense and convolution layers). */
public interface ActivatedSpec extends LayerSpec {

    Activation activation();
}
