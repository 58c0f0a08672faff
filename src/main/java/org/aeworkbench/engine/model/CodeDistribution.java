package org.aeworkbench.engine.model;

import java.util.SplittableRandom;

/**
 * The distribution a design fits its codes to, when it has one: a VAE's N(0, I) (Kingma and
 * Welling 2014), an adversarial autoencoder's chosen prior (Makhzani et al. 2015). It is what new
 * samples are decoded from, and what the latent views draw behind the codes. A variant part gives
 * it from {@link VariantSpec#codeDistribution}.
 */
public interface CodeDistribution {

    /** N(0, I) in every dimension. */
    CodeDistribution STANDARD_NORMAL = new CodeDistribution() {
        @Override
        public String description() {
            return "N(0, I)";
        }

        @Override
        public boolean standardNormal() {
            return true;
        }

        @Override
        public float[] sample(int n, int width, SplittableRandom random) {
            float[] z = new float[n * width];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) random.nextGaussian();
            }
            return z;
        }
    };

    /** What it is, in a few words: "N(0, I)", "a mixture of 10 Gaussians on a circle". */
    String description();

    /** Whether it is N(0, I), whose quantiles lay out the manifold grid of Kingma and Welling (figure 4). */
    boolean standardNormal();

    /** n draws of {@code width} values each, row-major, from the stream. */
    float[] sample(int n, int width, SplittableRandom random);
}
