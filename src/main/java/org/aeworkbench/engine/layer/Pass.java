package org.aeworkbench.engine.layer;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;

/**
 * What a forward pass needs besides its input: the compute context, whether this is a
 * training pass (noise, sampling and dropout-like behaviour only happen then), and the
 * run's random stream, advanced in a fixed order so that runs repeat exactly.
 */
public final class Pass {

    private final Compute compute;
    private final boolean training;
    private final SplittableRandom random;

    public Pass(Compute compute, boolean training, SplittableRandom random) {
        this.compute = compute;
        this.training = training;
        this.random = random;
    }

    /** An evaluation pass: no noise, no sampling. */
    public static Pass inference(Compute compute) {
        return new Pass(compute, false, new SplittableRandom(0));
    }

    public Compute compute() {
        return compute;
    }

    public boolean training() {
        return training;
    }

    public SplittableRandom random() {
        return random;
    }
}
