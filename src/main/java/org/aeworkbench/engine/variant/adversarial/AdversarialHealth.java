package org.aeworkbench.engine.variant.adversarial;

import java.util.Locale;

/**
 * Watches the adversarial game step by step for the two ways it goes wrong without diverging
 * (Goodfellow, "NIPS 2016 Tutorial: Generative Adversarial Networks", section 8.1; Salimans et al.,
 * "Improved Techniques for Training GANs", 2016):
 * <ul>
 *   <li>the discriminator wins outright: its accuracy stays at least {@value #WINNING_ACCURACY} on
 *       both sides for {@value #WINNING_STEPS} steps in a row, so its verdict no longer moves and
 *       the encoder learns little from it;</li>
 *   <li>the codes collapse: in some code dimension their standard deviation over the minibatch stays
 *       below {@value #COLLAPSED_SPREAD} of the prior draws' for {@value #COLLAPSED_STEPS} steps in
 *       a row.</li>
 * </ul>
 * Each figure is first averaged over about {@value #SMOOTHING_STEPS} steps (an exponential moving
 * average), so that one unlucky minibatch neither starts nor breaks a run of steps. Either gives a
 * sentence saying what is happening and what to change, until it stops happening.
 */
public final class AdversarialHealth {

    static final double WINNING_ACCURACY = 0.98;
    static final int WINNING_STEPS = 200;
    static final double COLLAPSED_SPREAD = 0.05;
    static final int COLLAPSED_STEPS = 100;
    static final int SMOOTHING_STEPS = 20;

    private final double discriminatorRate;
    private final double generatorRate;
    private int winningSteps;
    private int collapsedSteps;
    private double accuracyPrior = Double.NaN;
    private double accuracyCodes = Double.NaN;
    private double spread = Double.NaN;

    public AdversarialHealth(double discriminatorRate, double generatorRate) {
        this.discriminatorRate = discriminatorRate;
        this.generatorRate = generatorRate;
    }

    /**
     * Takes one step's figures: the discriminator's accuracy on each side, and n codes and n prior
     * draws of {@code width} values each (row-major).
     */
    public void observe(double onPrior, double onCodes, float[] codes, float[] prior, int n, int width) {
        accuracyPrior = smoothed(accuracyPrior, onPrior);
        accuracyCodes = smoothed(accuracyCodes, onCodes);
        winningSteps = accuracyPrior >= WINNING_ACCURACY && accuracyCodes >= WINNING_ACCURACY ? winningSteps + 1 : 0;
        if (n > 1) {
            spread = smoothed(spread, smallestSpreadRatio(codes, prior, n, width));
        }
        collapsedSteps = spread < COLLAPSED_SPREAD ? collapsedSteps + 1 : 0;
    }

    /** The sentence for the user, or null while the game is healthy. Collapse is named first: it is the worse. */
    public String warning() {
        if (collapsedSteps >= COLLAPSED_STEPS) {
            // The sentence stays the same while the condition lasts, so it is reported once.
            return String.format(Locale.ROOT, "The codes have collapsed: for %d steps or more their spread in some"
                    + " dimension has been under %.0f%% of the prior's. Lower the generator's learning rate (now %.3g),"
                    + " or raise the reconstruction's (the optimiser's) so that the decoder keeps the codes apart.",
                    COLLAPSED_STEPS, COLLAPSED_SPREAD * 100, generatorRate);
        }
        if (winningSteps >= WINNING_STEPS) {
            return String.format(Locale.ROOT, "The discriminator is winning outright: it has told codes from prior"
                    + " draws with accuracy of %.0f%% or more on both sides for %d steps or more, so the encoder learns"
                    + " little from it. Lower the discriminator's learning rate (now %.3g) or give it fewer units,"
                    + " or raise the generator's learning rate (now %.3g).",
                    WINNING_ACCURACY * 100, WINNING_STEPS, discriminatorRate, generatorRate);
        }
        return null;
    }

    /** Forgets the counts (after the trainer restored weights). */
    public void reset() {
        winningSteps = 0;
        collapsedSteps = 0;
        accuracyPrior = Double.NaN;
        accuracyCodes = Double.NaN;
        spread = Double.NaN;
    }

    /** An exponential moving average of about {@value #SMOOTHING_STEPS} steps, starting at the first value. */
    private static double smoothed(double average, double value) {
        return Double.isNaN(average) ? value : average + (value - average) / SMOOTHING_STEPS;
    }

    /** min over dimensions j of sd(codes_j) / sd(prior_j) over the batch. */
    static double smallestSpreadRatio(float[] codes, float[] prior, int n, int width) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < width; j++) {
            double sp = standardDeviation(prior, n, width, j);
            if (sp > 0) {
                smallest = Math.min(smallest, standardDeviation(codes, n, width, j) / sp);
            }
        }
        return smallest;
    }

    private static double standardDeviation(float[] x, int n, int width, int j) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i * width + j];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i * width + j] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / n);
    }
}
