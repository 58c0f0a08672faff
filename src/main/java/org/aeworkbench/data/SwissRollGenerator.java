package org.aeworkbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The Swiss roll: a 2-D sheet rolled up in 3-D, the classic test for manifold learning
 * (Tenenbaum, de Silva and Langford, "A Global Geometric Framework for Nonlinear Dimensionality
 * Reduction", Science 290, 2000; the parametrisation of scikit-learn's make_swiss_roll):
 * t = 1.5 pi (1 + 2u), x = t cos t, y = 21 v, z = t sin t, with u, v uniform in [0, 1) and
 * optional Gaussian noise. The label is t cut into equal-width bins, so the colours run along
 * the roll: a good 2-D code unrolls it into ordered bands.
 */
final class SwissRollGenerator {

    static final Set<String> PARAMETERS = Set.of("n", "seed", "noise", "classes");
    static final int DEFAULT_SAMPLES = 2_000;
    static final int DEFAULT_CLASSES = 6;

    private SwissRollGenerator() {
    }

    static DatasetInfo info() {
        return new DatasetInfo("swiss-roll", DEFAULT_SAMPLES, Shape.vector(3), DEFAULT_CLASSES,
                "3-D Swiss roll, labels = position along the roll: unrolling a curved 2-D sheet",
                "generated (Tenenbaum et al. 2000)", "n=" + DEFAULT_SAMPLES + ",seed=1,noise=0,classes="
                + DEFAULT_CLASSES);
    }

    static Dataset generate(GeneratorParameters p) {
        int n = p.intValue("n", DEFAULT_SAMPLES, 1, 1_000_000);
        long seed = p.longValue("seed", 1);
        double noise = p.doubleValue("noise", 0, 0, 100);
        int classes = p.intValue("classes", DEFAULT_CLASSES, 1, 100);
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n * 3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            double t = 1.5 * Math.PI * (1 + 2 * u);
            double height = 21 * random.nextDouble();
            values[3 * i] = (float) (t * Math.cos(t) + noise * RandomDraws.gaussian(random));
            values[3 * i + 1] = (float) (height + noise * RandomDraws.gaussian(random));
            values[3 * i + 2] = (float) (t * Math.sin(t) + noise * RandomDraws.gaussian(random));
            labels[i] = Math.min(classes - 1, (int) (u * classes));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("part " + (c + 1));
        }
        return new Dataset("swiss-roll", Shape.vector(3), values, labels, names,
                "generated: swiss-roll n=" + n + " seed=" + seed + " noise=" + noise, false, List.of("x", "y", "z"));
    }
}
