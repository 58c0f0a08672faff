package org.aeworkbench.engine.variant.adversarial;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.SplittableRandom;
import org.aeworkbench.engine.core.EnumIds;

/**
 * The distributions an adversarial autoencoder imposes on its codes (Makhzani, Shlens, Jaitly,
 * Goodfellow and Frey, "Adversarial Autoencoders", 2015, sections 2 and 2.3, figures 2 and 4).
 * Only sampling is needed to train: the discriminator sees draws, never a density. The planar
 * priors are defined here, with their constants, since the paper shows them only as pictures:
 * <ul>
 *   <li>{@link #GAUSSIAN}: N(0, I) in any number of dimensions.</li>
 *   <li>{@link #MIXTURE}: K Gaussians on a circle of radius {@value #RADIUS} in the plane, the k-th
 *       centred at angle 2 pi k / K, elongated along its radius (standard deviation
 *       {@value #RADIAL_SD} along it, {@value #TANGENTIAL_SD} across), chosen with equal
 *       probability. Neighbouring centres of ten components lie 2 R sin(pi / 10) = 2.5 apart, so
 *       a draw is nearer its own centre than any other's with probability above 0.99.</li>
 *   <li>{@link #SWISS_ROLL}: a point along the planar spiral (t cos t, t sin t) R / (4.5 pi) with
 *       t = 1.5 pi (1 + 2u), u uniform (scikit-learn's make_swiss_roll parametrisation, scaled to
 *       radius R), plus N(0, {@value #ROLL_SD}^2) noise across.</li>
 *   <li>{@link #SUPERVISED_MIXTURE}: the mixture, with each class pushed to its own component:
 *       the discriminator also sees a one-hot vector, the component a prior draw came from or the
 *       label of the sample a code came from (section 2.3, figure 6).</li>
 * </ul>
 */
public enum CodePrior {
    GAUSSIAN,
    MIXTURE,
    SWISS_ROLL,
    SUPERVISED_MIXTURE;

    /** Radius of the mixture's circle and the Swiss roll's outer end. */
    public static final double RADIUS = 4;
    public static final double RADIAL_SD = 1.0;
    public static final double TANGENTIAL_SD = 0.25;
    public static final double ROLL_SD = 0.1;

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static CodePrior fromId(String text) {
        return EnumIds.parse(CodePrior.class, text, "prior");
    }

    /** In a few words, for a mixture of {@code components}. */
    public String description(int components) {
        return switch (this) {
            case GAUSSIAN -> "N(0, I)";
            case MIXTURE -> "a mixture of " + components + " Gaussians on a circle";
            case SWISS_ROLL -> "a Swiss roll";
            case SUPERVISED_MIXTURE -> "a mixture of " + components + " Gaussians on a circle, one per class";
        };
    }

    /** Whether the prior lives in the plane only (2-D codes). */
    public boolean planar() {
        return this != GAUSSIAN;
    }

    /** Whether it is a mixture with components. */
    public boolean mixture() {
        return this == MIXTURE || this == SUPERVISED_MIXTURE;
    }

    /** Whether the discriminator sees the class of each sample (section 2.3). */
    public boolean supervised() {
        return this == SUPERVISED_MIXTURE;
    }

    /**
     * Draws {@code n} codes of {@code width} values into {@code z} (row-major), from the stream in
     * a fixed order. For a mixture, the component of each draw is written to {@code drawn} when
     * it is not null.
     *
     * @param components K, for the mixtures
     */
    public void sample(SplittableRandom random, int n, int width, int components, float[] z, int[] drawn) {
        for (int i = 0; i < n; i++) {
            switch (this) {
                case GAUSSIAN -> {
                    for (int j = 0; j < width; j++) {
                        z[i * width + j] = (float) random.nextGaussian();
                    }
                }
                case MIXTURE, SUPERVISED_MIXTURE -> {
                    int k = random.nextInt(components);
                    if (drawn != null) {
                        drawn[i] = k;
                    }
                    double along = RADIUS + RADIAL_SD * random.nextGaussian();
                    double across = TANGENTIAL_SD * random.nextGaussian();
                    double angle = angle(k, components);
                    double c = Math.cos(angle);
                    double s = Math.sin(angle);
                    z[i * width] = (float) (along * c - across * s);
                    z[i * width + 1] = (float) (along * s + across * c);
                }
                case SWISS_ROLL -> {
                    double t = 1.5 * Math.PI * (1 + 2 * random.nextDouble());
                    double scale = RADIUS / (4.5 * Math.PI);
                    double noise = ROLL_SD * random.nextGaussian();
                    // Noise along the spiral's normal direction, which for r = t is about (cos t, sin t).
                    z[i * width] = (float) ((t * scale + noise) * Math.cos(t));
                    z[i * width + 1] = (float) ((t * scale + noise) * Math.sin(t));
                }
            }
        }
    }

    /** Angle of component k of K on the circle. */
    static double angle(int k, int components) {
        return 2 * Math.PI * k / components;
    }

    /** Centre of mixture component k of K, (x, y). */
    public static double[] centre(int k, int components) {
        double a = angle(k, components);
        return new double[] {RADIUS * Math.cos(a), RADIUS * Math.sin(a)};
    }

    /** The component whose centre is nearest to (x, y), in Euclidean distance. */
    public static int nearestComponent(double x, double y, int components) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            double[] c = centre(k, components);
            double d = (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    /**
     * Share of 2-D codes whose nearest component is their class's ({@code labels[i]} is the
     * component of code i): how well a supervised mixture put each class on its own component.
     */
    public static double shareNearestOwnComponent(float[] codes, int[] labels, int n, int components) {
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (nearestComponent(codes[2 * i], codes[2 * i + 1], components) == labels[i]) {
                hits++;
            }
        }
        return n == 0 ? Double.NaN : hits / (double) n;
    }
}
