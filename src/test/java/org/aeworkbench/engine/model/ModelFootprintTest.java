package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.aeworkbench.engine.HeldMemory;
import org.aeworkbench.engine.TestModels;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Designs too large to build are refused before anything is allocated, naming the layer, its
 * parameters and the memory needed against what is free (issue 21: {@code "units": 1000000000}
 * and {@code --code-size 2147483647} ended in NegativeArraySizeException, {@code "units": 50000000}
 * in OutOfMemoryError); and the footprint the check relies on is an upper bound of what building
 * and training really allocate, measured by the JVM for every preset.
 */
class ModelFootprintTest {

    private static final Shape IRIS = Shape.vector(4);
    private static final Shape MNIST = Shape.image(28, 28, 1);

    private static ModelSpec oneHidden(int units) {
        return ModelSpec.of("huge", List.of(new DenseSpec(units, Activation.RELU)),
                List.of(new DenseSpec(4, Activation.IDENTITY)), ReconstructionLoss.MSE);
    }

    @Test
    void aBillionUnitsIsAProblemOfTheLayerNotANegativeArraySize() {
        ModelSpec spec = oneHidden(1_000_000_000);
        List<SpecProblem> problems = SpecValidator.validate(spec, IRIS, null);
        assertEquals(1, problems.size(), problems.toString());
        SpecProblem p = problems.get(0);
        assertEquals("encoder[0]", p.field());
        assertTrue(p.message().contains("5,000,000,000 parameters") && p.message().contains("at most 429,496,727 units"),
                p.message());
        SpecException e = assertThrows(SpecException.class, () -> ModelBuilder.build(spec, IRIS));
        assertTrue(e.getMessage().contains("encoder[0]"), e.getMessage());
    }

    @Test
    void theLargestCodeSizeIsRefusedOnTheCodeLayer() {
        ModelSpec spec = Presets.get("reference", Shape.vector(784)).withCodeSize(Integer.MAX_VALUE);
        List<SpecProblem> problems = SpecValidator.validate(spec, Shape.vector(784), null);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("encoder[2]")
                && p.message().contains("2,147,483,647 values, more than one array can hold")), problems.toString());
        assertThrows(SpecException.class, () -> ModelBuilder.build(spec, Shape.vector(784)));
    }

    @Test
    void fiftyMillionUnitsAreRefusedWithTheMemoryTheyNeedAndWhatIsFree() {
        ModelSpec spec = oneHidden(50_000_000);
        assertTrue(SpecValidator.validate(spec, IRIS, null).isEmpty(), "a valid design, only too large");
        long free = 384L << 20;
        SpecException e = assertThrows(SpecException.class, () -> ModelBuilder.build(spec, IRIS, free));
        assertEquals("encoder[0]", e.field());
        assertTrue(e.getMessage().startsWith("the design 'huge' needs "), e.getMessage());
        assertTrue(e.getMessage().contains("but only 384 MB of memory is free"), e.getMessage());
        assertTrue(e.getMessage().contains("encoder[0] (Dense, 50000000 units) alone has 250,000,000 parameters"
                + " (1,908 MB with their gradients)"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void aConvolutionWhoseKernelCannotBeLoweredIsAProblemOfItsKernel() {
        ModelSpec spec = ModelSpec.of("wide-kernel", List.of(Conv2DSpec.same(4, 2000, Activation.RELU),
                new FlattenSpec(), new DenseSpec(2, Activation.IDENTITY)), List.of(new DenseSpec(784, Activation.IDENTITY)),
                ReconstructionLoss.MSE);
        List<SpecProblem> problems = SpecValidator.validate(spec, MNIST, null);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("encoder[0]")
                && p.message().contains("2000x2000 kernel")), problems.toString());
    }

    @Test
    void aBatchTooLargeForTheHeapIsRefusedBeforeTheFirstStep() {
        ModelSpec spec = oneHidden(100_000).withTraining(TrainingSpec.defaults().withBatchSize(128));
        ModelFootprint f = ModelFootprint.of(spec, IRIS);
        SpecException e = assertThrows(SpecException.class, () -> f.requireTrainable(128, 2, f.bytesToBuild()));
        assertTrue(e.getMessage().contains("to train in batches of 128") && e.getMessage().contains("or the batch smaller"),
                e.getMessage());
    }

    static List<String> presets() {
        return Presets.names();
    }

    /**
     * The check is only worth having if it never lets through what does not fit. Building
     * allocates no more than the footprint's figure (counted by the JVM for this thread); after an
     * epoch of training in batches of 16 and an evaluation pass over 300 samples (one chunk of 256),
     * the arrays the model and its trainer hold, with the copy of the last good weights the trainer
     * keeps during the run, stay within the training figure. Held memory is counted rather than
     * allocations, which include whatever garbage the Vector API leaves before the JIT compiles it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theFootprintBoundsWhatBuildingAndTrainingHold(String name) {
        ModelSpec spec = Presets.get(name, MNIST);
        spec = spec.withTraining(spec.training().withEpochs(1).withBatchSize(16));
        ModelFootprint footprint = ModelFootprint.of(spec, MNIST);
        ModelBuilder.build(spec, MNIST); // classes loaded: measure the second build
        long before = allocated();
        Autoencoder model = ModelBuilder.build(spec, MNIST);
        long built = allocated() - before;
        assertTrue(built <= footprint.bytesToBuild(), name + ": built with " + built + " bytes, footprint "
                + footprint.bytesToBuild());

        var digits = TestModels.mnist(300);
        float[] x = digits.values();
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            Trainer trainer = new Trainer(model, compute);
            trainer.setLabels(digits.labels()); // the supervised mixture prior needs them; the others ignore them
            trainer.fit(x, 32, java.util.Arrays.copyOfRange(x, 32 * 784, 48 * 784), 16, new TrainingControl(),
                    new TrainingListener() { });
            model.evaluate(compute, x, 300);
            assertTrue(HeldMemory.of(model) <= footprint.bytesToBuild(), name + ": the model holds "
                    + HeldMemory.of(model) + " bytes, footprint " + footprint.bytesToBuild());
            long lastGood = 4 * model.parameterCount();
            long held = HeldMemory.of(trainer) + lastGood;
            long bound = footprint.bytesToTrain(16, spec.optimizer().build().stateArrays());
            assertTrue(held <= bound, name + ": training holds " + held + " bytes, footprint " + bound);
        }
    }

    private static long allocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
