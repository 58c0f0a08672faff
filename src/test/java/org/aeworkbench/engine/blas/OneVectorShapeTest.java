package org.aeworkbench.engine.blas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jdk.incubator.vector.VectorSpecies;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.JitWarmup;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.support.FreshJvm;
import org.junit.jupiter.api.Test;

/**
 * The engine's kernels use one vector shape, {@link VectorMath#S}'s. C2 compiles the Vector API's
 * calls from type profiles that every caller in the JVM shares; a second FloatVector class (max
 * pooling once used 256-bit lanes beside everyone else's 512) made them bimorphic, and kernels
 * compiled after that lost intrinsics and boxed every vector for as long as they ran
 * (docs/performance.md, round twenty-six).
 */
class OneVectorShapeTest {

    @Test
    void everySpeciesTheEngineHoldsHasThePreferredShape() throws Exception {
        assumeTrue(Simd.available(), "the JVM was started without jdk.incubator.vector");
        Path classes = Path.of(VectorMath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/aeworkbench/engine"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && VectorSpecies.class.isAssignableFrom(field.getType())) {
                        field.setAccessible(true);
                        VectorSpecies<?> s = (VectorSpecies<?>) field.get(null);
                        assertEquals(VectorMath.S.vectorShape(), s.vectorShape(), name + "." + field.getName());
                        found.add(name + "." + field.getName());
                    }
                }
            }
        }
        // The GEMM's, the element-wise kernels' and max pooling's, at least: else the scan saw nothing.
        assertTrue(found.stream().anyMatch(n -> n.contains("MaxPool2DLayer")) && found.size() >= 4, found.toString());
    }

    /** The same, for a species named in code rather than held in a field. */
    @Test
    void noClassReadsAFixedWidthSpecies() {
        noClasses().that().resideInAPackage("org.aeworkbench..")
                .should().accessFieldWhere(DescribedPredicate.describe("a fixed-width Vector API species",
                        a -> a.getTarget().getOwner().getPackageName().equals("jdk.incubator.vector")
                                && a.getTarget().getName().matches("SPECIES_(64|128|256|512|MAX)")))
                .because("one vector shape keeps the Vector API's shared type profiles monomorphic")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.aeworkbench"));
    }

    /**
     * One fresh JVM: the window's first-run warm-up (a dense and a convolutional stand-in), then a
     * flight-recorder stream, which makes the JIT drop its compiled code so that the kernels are
     * compiled again on the profiles the stand-ins left; then the reference design for six epochs.
     * Prints each epoch's bytes allocated.
     */
    public static void main(String[] args) throws Exception {
        try (JitWarmup w = JitWarmup.start()) {
            Thread.sleep(3000);
        }
        Shape shape = Shape.vector(784);
        int n = 8_000;
        float[] x = new float[n * 784];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < 0.5 ? 0f : (float) r.nextDouble();
        }
        ModelSpec spec = Presets.get("reference", shape);
        spec = spec.withTraining(spec.training().withEpochs(6));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (var stream = new jdk.jfr.consumer.RecordingStream(); Compute c = Compute.create(Backend.AUTO, 2)) {
            stream.enable("jdk.GCPhasePause");
            stream.startAsync();
            long[] before = {allocated(threads)};
            new Trainer(ModelBuilder.build(spec, shape), c).fit(x, n - 1000, Arrays.copyOfRange(x, (n - 1000) * 784, x.length), 1000,
                    new TrainingControl(), new TrainingListener() {
                        @Override
                        public void onEpoch(EpochSnapshot s) {
                            long now = allocated(threads);
                            System.out.println("epoch-" + (s.epoch() + 1) + "-bytes " + (now - before[0]));
                            before[0] = now;
                        }
                    });
        }
    }

    private static long allocated(com.sun.management.ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    @Test
    void kernelsCompiledAfterTheConvolutionalStandInStillAllocateLittle() throws Exception {
        assumeTrue(Simd.available(), "the JVM was started without jdk.incubator.vector");
        List<String> lines = FreshJvm.run(OneVectorShapeTest.class,
                List.of("--add-modules=jdk.incubator.vector,jdk.incubator.foreign", "--enable-native-access=ALL-UNNAMED", "-Xmx1g"));
        // Measured: 1.3-2.7 GB in each later epoch with 256-bit max pooling, 1-2 MB with one shape
        // (the first epoch, 1.8-3.6 GB, runs while the dropped code is compiled again; the last two
        // are read, so that a busy machine's slower compiles have had four epochs to finish).
        for (int epoch = 5; epoch <= 6; epoch++) {
            long bytes = epochBytes(lines, epoch);
            assertTrue(bytes < 64_000_000L, "epoch " + epoch + " allocated " + bytes + " bytes: kernels boxing their vectors\n" + lines);
        }
    }

    private static long epochBytes(List<String> lines, int epoch) {
        return lines.stream().filter(l -> l.startsWith("epoch-" + epoch + "-bytes ")).mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no epoch " + epoch + " in " + lines));
    }
}
