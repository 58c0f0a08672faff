package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.aeworkbench.engine.HeldMemory;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelFootprint;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.junit.jupiter.api.Timeout;

/**
 * Model spec JSON all the way to a training step, under a small heap: parsed (a refusal says what
 * to change in the file, in the user's terms), validated, built with 64 MB to spare, and trained on
 * two samples for one step. Nothing may throw but the documented {@link SpecException}; a design
 * that does not fit in 64 MB must be refused before allocating; what building allocates, and what
 * the model and its trainer hold after the step, must stay within the {@link ModelFootprint} the
 * refusal is based on, which the command-line check under {@code -Xmx512m} relies on. Seeds: {@code ModelSpecBuildFuzzTestInputs/},
 * every preset.
 */
class ModelSpecBuildFuzzTest {

    /** The heap the builder is told it has: small, so the fuzzer reaches the refusal quickly. */
    private static final long HEAP = 64L << 20;
    /** Room for loss-term maps, snapshots and the first use of a code path. */
    private static final long ALLOWANCE = 4L << 20;
    /**
     * What a user cannot act on in a message (Jackson's advice names its features and constraints
     * in backquotes; the backquote itself is no sign, a field name may hold one). What the input
     * itself holds is left out: a message repeats the user's field names and tokens.
     */
    private static final java.lang.management.ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    private static final Pattern INTERNALS = Pattern.compile("JsonReadFeature|JsonToken|StreamReadConstraints|"
            + "java\\.|org\\.aeworkbench|com\\.fasterxml|Input length");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void specBuild(byte[] data) throws Exception {
        ModelSpec spec;
        try {
            spec = ModelSpecJson.parse(new String(data, StandardCharsets.UTF_8), "fuzz.json");
        } catch (SpecException e) {
            // A message may repeat the user's own text (a field name, a token), whatever it holds.
            String input = new String(data, StandardCharsets.UTF_8);
            java.util.regex.Matcher internal = INTERNALS.matcher(e.getMessage());
            while (internal.find()) {
                assertTrue(input.contains(internal.group()), "parser internals in: " + e.getMessage());
            }
            return;
        }
        spec = spec.withTraining(spec.training().withEpochs(1).withBatchSize(Math.max(1,
                Math.min(2, spec.training().batchSize()))).withThreads(1));
        for (Shape input : List.of(Shape.vector(outputWidth(spec)), Shape.image(28, 28, 1))) {
            if (SpecValidator.validate(spec, input, null).isEmpty()) {
                buildAndStep(spec, input);
            }
        }
    }

    private static void buildAndStep(ModelSpec spec, Shape input) {
        long classes = CLASSES.getTotalLoadedClassCount();
        String failure = measuredBuildAndStep(spec, input);
        if (failure != null && CLASSES.getTotalLoadedClassCount() != classes) {
            // Loading (and instrumenting) classes allocates too: measure again with them loaded.
            failure = measuredBuildAndStep(spec, input);
        }
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    /** Builds and takes one step; which allocation bound did not hold, or null. */
    private static String measuredBuildAndStep(ModelSpec spec, Shape input) {
        ModelFootprint footprint = ModelFootprint.of(spec, input);
        long before = allocated();
        Autoencoder model;
        try {
            model = ModelBuilder.build(spec, input, HEAP);
        } catch (SpecException e) {
            assertTrue(footprint.bytesToBuild() > HEAP, "refused only for memory here: " + e.getMessage());
            long spent = allocated() - before;
            return spent < ALLOWANCE ? null : "refused after allocating " + spent + " bytes";
        }
        long built = allocated() - before;
        if (built > footprint.bytesToBuild() + ALLOWANCE) {
            return "built with " + built + " bytes, footprint " + footprint.bytesToBuild();
        }
        float[] x = new float[2 * input.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 7f;
        }
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            Trainer trainer = new Trainer(model, compute);
            trainer.fit(x, 2, new float[0], 0, new TrainingControl(), new TrainingListener() { });
            // What the model and trainer hold after the step, with the copy of the last good
            // weights held during it (allocations would also count the Vector API's garbage).
            long held = HeldMemory.of(trainer) + 4 * model.parameterCount();
            long bound = footprint.bytesToTrain(spec.training().batchSize(), spec.optimizer().build().stateArrays());
            return held <= bound ? null : "training holds " + held + " bytes, footprint " + bound;
        }
    }

    /** The input width the design reproduces (its last layer's units), so more fuzzed designs are valid. */
    private static int outputWidth(ModelSpec spec) {
        List<LayerSpec> decoder = spec.decoder();
        int units = decoder.isEmpty() ? -1 : decoder.get(decoder.size() - 1).units();
        return units >= 1 && units <= 1 << 20 ? units : 784;
    }

    private static long allocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
