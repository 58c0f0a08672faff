package org.aeworkbench.engine.layer;

import java.util.SplittableRandom;

/**
 * A layer that draws its initial weights. The builder calls every one in stack order from one
 * stream seeded by the spec, so the same seed gives the same weights.
 */
public interface Initializable {

    void initialize(SplittableRandom random);
}
