package org.aeworkbench.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.support.FreshJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What {@link JitWarmup} buys a run's first samples: fresh JVMs, alternately without and with a
 * second of warm-up where a command would load its data (a sleep here), then one epoch of 54,000
 * random samples shaped as Fashion-MNIST's, reporting the seconds each stretch of samples between
 * the trainer's progress reports took (2,688 samples for the reference design). Each JVM is
 * fresh, so the JIT starts cold in both. It reports figures and asserts nothing about time:
 * <pre>mvn test -Dtest=JitWarmupMeasurement -Daeworkbench.measure=true [-Daeworkbench.measure.preset=conv-ae] [-Daeworkbench.measure.rounds=3]</pre>
 */
class JitWarmupMeasurement {

    /** One cold JVM's run: args preset, warm (true/false). Prints "stretch ms" lines and the epoch's rate. */
    public static void main(String[] args) throws Exception {
        String preset = args[0];
        Shape shape = preset.startsWith("conv") ? Shape.image(28, 28, 1) : Shape.vector(784);
        int n = 54_000;
        float[] x = new float[n * 784];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < 0.5 ? 0f : (float) r.nextDouble();
        }
        if (Boolean.parseBoolean(args[1])) {
            try (JitWarmup w = JitWarmup.start()) {
                Thread.sleep(1000);
                System.out.println("warm-up steps " + w.steps());
            }
        } else {
            Thread.sleep(1000);
        }
        ModelSpec spec = Presets.get(preset, shape);
        spec = spec.withTraining(spec.training().withEpochs(1));
        try (Compute c = Compute.create(Backend.AUTO, 0)) {
            long[] last = {System.nanoTime()};
            new Trainer(ModelBuilder.build(spec, shape), c).fit(x, n, java.util.Arrays.copyOf(x, 1000 * 784), 1000,
                    new TrainingControl(), new TrainingListener() {
                        @Override
                        public void onBatch(BatchSnapshot s) {
                            long now = System.nanoTime();
                            System.out.printf(Locale.ROOT, "stretch %d %.1f%n", s.samplesSeen(), (now - last[0]) / 1e6);
                            last[0] = now;
                        }

                        @Override
                        public void onEpoch(EpochSnapshot s) {
                            System.out.printf(Locale.ROOT, "rate %.0f%n", s.samplesPerSecond());
                        }
                    });
        }
    }

    @Test
    void firstSamplesWithAndWithoutTheWarmUp() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("aeworkbench.measure"), "set -Daeworkbench.measure=true to measure");
        String preset = System.getProperty("aeworkbench.measure.preset", "reference");
        int rounds = Integer.getInteger("aeworkbench.measure.rounds", 3);
        System.out.println();
        for (int round = 1; round <= rounds; round++) {
            for (boolean warm : new boolean[] {false, true}) {
                List<String> lines = child(preset, warm);
                List<String> stretches = new ArrayList<>();
                String steps = "";
                String rate = "";
                for (String l : lines) {
                    String[] w = l.split(" ");
                    if (l.startsWith("stretch") && stretches.size() < 6) {
                        stretches.add(String.format(Locale.ROOT, "%.2f", Double.parseDouble(w[2]) / 1000));
                    } else if (l.startsWith("warm-up steps")) {
                        steps = " (" + w[2] + " warm-up steps)";
                    } else if (l.startsWith("rate")) {
                        rate = w[1];
                    }
                }
                System.out.printf(Locale.ROOT, "%s round %d, %s warm-up%s: first stretches %s s; epoch %s samples/s%n",
                        preset, round, warm ? "with" : "without", steps, String.join(", ", stretches), rate);
            }
        }
    }

    private static List<String> child(String preset, boolean warm) throws Exception {
        return FreshJvm.run(JitWarmupMeasurement.class, List.of("--add-modules=jdk.incubator.vector,jdk.incubator.foreign",
                "--enable-native-access=ALL-UNNAMED"), preset, Boolean.toString(warm));
    }
}
