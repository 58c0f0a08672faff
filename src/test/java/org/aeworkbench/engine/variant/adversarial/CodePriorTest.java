package org.aeworkbench.engine.variant.adversarial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aeworkbench.analysis.CodeMoments;
import org.junit.jupiter.api.Test;

/** The priors' draws have the shapes their Javadoc states. */
class CodePriorTest {

    private static final int N = 20_000;

    private static float[] draws(CodePrior prior, int width, int[] components) {
        float[] z = new float[N * width];
        prior.sample(new SplittableRandom(3), N, width, 10, z, components);
        return z;
    }

    @Test
    void gaussianDrawsAreStandardNormalInEveryDimension() {
        CodeMoments m = CodeMoments.of(draws(CodePrior.GAUSSIAN, 3, null), N, 3);
        assertTrue(m.largestMeanOffset() < 0.03, "mean " + m.largestMeanOffset());
        assertTrue(m.largestCovarianceOffset() < 0.05, "covariance " + m.largestCovarianceOffset());
    }

    /** The claim of the class comment: a draw lies nearer its own centre than any other's with probability above 0.99. */
    @Test
    void mixtureDrawsLieNearTheirOwnComponentAndCoverAllTen() {
        int[] components = new int[N];
        float[] z = draws(CodePrior.MIXTURE, 2, components);
        double share = CodePrior.shareNearestOwnComponent(z, components, N, 10);
        assertTrue(share > 0.99 && share < 1, "share " + share);
        int[] counts = new int[10];
        for (int c : components) {
            counts[c]++;
        }
        for (int c : counts) {
            assertEquals(N / 10.0, c, 0.1 * N / 10, "components are equally likely");
        }
        // Component 0 lies on the positive x axis at the radius, elongated along it.
        double[] centre = CodePrior.centre(0, 10);
        assertArrayEquals(new double[] {CodePrior.RADIUS, 0}, centre, 1e-12);
        assertEquals(1, CodePrior.nearestComponent(0.0, 4.0, 4), "of four, (0, 4) is nearest the one at pi / 2");
    }

    @Test
    void swissRollDrawsFollowTheSpiralBetweenAThirdOfTheRadiusAndTheRadius() {
        float[] z = draws(CodePrior.SWISS_ROLL, 2, null);
        for (int i = 0; i < N; i++) {
            double r = Math.hypot(z[2 * i], z[2 * i + 1]);
            assertTrue(r > CodePrior.RADIUS / 3 - 6 * CodePrior.ROLL_SD && r < CodePrior.RADIUS + 6 * CodePrior.ROLL_SD,
                    "radius " + r);
        }
    }

    @Test
    void onlyTheSupervisedMixtureReadsLabels() {
        assertTrue(CodePrior.SUPERVISED_MIXTURE.supervised() && CodePrior.SUPERVISED_MIXTURE.mixture());
        assertTrue(!CodePrior.MIXTURE.supervised() && CodePrior.MIXTURE.planar() && !CodePrior.GAUSSIAN.planar());
        assertEquals("supervised-mixture", CodePrior.SUPERVISED_MIXTURE.id());
        assertEquals(CodePrior.SWISS_ROLL, CodePrior.fromId("swiss-roll"));
    }
}
