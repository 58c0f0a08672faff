package org.aeworkbench.engine.layer;

import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;

/**
 * What a forward pass needs besides its input: the compute context, whether this is a
 * training pass (input noise and dropout-like behaviour only happen then), whether stochastic
 * codes draw a sample, and the random stream, advanced in a fixed order so that runs repeat exactly.
 */
public final class Pass {

    private final Compute compute;
    private final boolean training;
    private final boolean sampling;
    private final SplittableRandom random;

    /** A training pass samples its codes; an inference pass does not. */
    public Pass(Compute compute, boolean training, SplittableRandom random) {
        this(compute, training, training, random);
    }

    private Pass(Compute compute, boolean training, boolean sampling, SplittableRandom random) {
        this.compute = compute;
        this.training = training;
        this.sampling = sampling;
        this.random = random;
    }

    /** An inference pass: no noise, no sampling (a VAE's code is its posterior mean). */
    public static Pass inference(Compute compute) {
        return new Pass(compute, false, false, new SplittableRandom(0));
    }

    /**
     * A pass that measures the loss as it is trained: no input noise, but a VAE's code is drawn
     * from q(z|x) with {@code random}, so the loss is a one-sample estimate of the negative ELBO.
     */
    public static Pass evaluation(Compute compute, SplittableRandom random) {
        return new Pass(compute, false, true, random);
    }

    public Compute compute() {
        return compute;
    }

    public boolean training() {
        return training;
    }

    /** Whether stochastic codes draw a sample (training and evaluation passes) or take their mean. */
    public boolean sampling() {
        return sampling;
    }

    public SplittableRandom random() {
        return random;
    }
}
