package org.aeworkbench.data;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Two interleaving half circles in 2-D (as scikit-learn's make_moons): the upper moon is
 * (cos a, sin a), the lower (1 - cos a, 1/2 - sin a), a uniform in [0, pi], plus N(0, noise^2)
 * per coordinate. Even samples are on the upper moon (label 0), odd on the lower (label 1). No
 * straight line separates them: a small example of structure a linear method misses.
 */
final class TwoMoonsGenerator {

    static final Set<String> PARAMETERS = Set.of("n", "seed", "noise");
    static final int DEFAULT_SAMPLES = 1_000;

    private TwoMoonsGenerator() {
    }

    static DatasetInfo info() {
        return new DatasetInfo("two-moons", DEFAULT_SAMPLES, Shape.vector(2), 2,
                "two interleaving half circles in 2-D: classes no straight line separates",
                "generated (as scikit-learn make_moons)", "n=" + DEFAULT_SAMPLES + ",seed=1,noise=0.1");
    }

    static Dataset generate(GeneratorParameters p) {
        int n = p.intValue("n", DEFAULT_SAMPLES, 1, 10_000_000);
        long seed = p.longValue("seed", 1);
        double noise = p.doubleValue("noise", 0.1, 0, 100);
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double a = Math.PI * random.nextDouble();
            boolean upper = i % 2 == 0;
            double x = upper ? Math.cos(a) : 1 - Math.cos(a);
            double y = upper ? Math.sin(a) : 0.5 - Math.sin(a);
            values[2 * i] = (float) (x + noise * RandomDraws.gaussian(random));
            values[2 * i + 1] = (float) (y + noise * RandomDraws.gaussian(random));
            labels[i] = upper ? 0 : 1;
        }
        return new Dataset("two-moons", Shape.vector(2), values, labels, List.of("upper", "lower"),
                "generated: two-moons n=" + n + " noise=" + noise + " seed=" + seed);
    }
}
