package org.aeworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.data.Scaling;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec and model files written by version 1 (the fixtures in {@code fixtures/v1}, see the README
 * there) still load, train, and give the numbers they gave when they were written: a change to
 * the spec format or the model builder that altered a design, a default or a weight would move
 * these losses. The golden values were printed by the code that wrote the fixtures (commit d755bc0),
 * with one compute thread.
 */
class LegacyFilesTest {

    static final String FIXTURES = "/org/aeworkbench/fixtures/v1/";
    /** Training samples (the first ones of the scaled digits) and validation samples (the next ones). */
    static final int TRAIN = 300;
    static final int VALIDATION = 100;

    /** Mean training reconstruction loss after one epoch from each spec, 1 thread. */
    static final Map<String, Double> SPEC_LOSS = Map.ofEntries(
            Map.entry("spec-sparse-l1.json", 46.569398194154104),
            Map.entry("spec-sparse-kl.json", 12.536272018896415),
            Map.entry("spec-k-sparse.json", 11.400585733003293),
            Map.entry("spec-denoising.json", 45.308406532208124),
            Map.entry("spec-masking-nesterov.json", 37.51383966190401),
            Map.entry("spec-contractive.json", 44.06663164496422),
            Map.entry("spec-stacked.json", 41.93711025158564),
            Map.entry("spec-vae-2d.json", 53.4915290594101),
            Map.entry("spec-vae-warmup.json", 53.490773628850775),
            Map.entry("spec-conv-vae.json", 56.98195727169514),
            Map.entry("spec-conv-small.json", 44.62921923716863));

    /** Validation reconstruction loss of each saved model as loaded, 1 thread. */
    static final Map<String, Double> MODEL_LOSS = Map.ofEntries(
            // The evaluation draws a VAE's code from q(z|x), seeded by the spec, as training does
            // (34.373469766080376 at the posterior mean, before): the loaded weights give it to the last bit.
            Map.entry("model-vae-small.aem", 34.79632492363453),
            Map.entry("model-tied-ksparse-kl.aem", 5.1176494574174285),
            Map.entry("model-stacked-small.aem", 22.161597621272087),
            Map.entry("model-conv-small.aem", 43.42331870794296));

    private static Dataset digits;

    static synchronized Dataset digits() {
        if (digits == null) {
            Dataset raw = DataSources.load("digits");
            digits = Preprocessing.fit(Scaling.MIN_MAX, raw).apply(raw);
        }
        return digits;
    }

    static float[] rows(int from, int n) {
        float[] v = digits().values();
        int f = digits().features();
        return java.util.Arrays.copyOfRange(v, from * f, (from + n) * f);
    }

    static Path fixture(String name, Path dir) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = LegacyFilesTest.class.getResourceAsStream(FIXTURES + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            Files.copy(in, file);
        }
        return file;
    }

    /** One epoch on the first training samples with one thread; the result must have completed. */
    static TrainingResult trainOneEpoch(Autoencoder model) {
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            TrainingResult r = SpecTraining.run(model, compute, rows(0, TRAIN), TRAIN, rows(TRAIN, VALIDATION),
                    VALIDATION, new TrainingControl(), TrainingListener.NONE);
            assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
            return r;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-sparse-l1.json", "spec-sparse-kl.json", "spec-k-sparse.json", "spec-denoising.json",
        "spec-masking-nesterov.json", "spec-contractive.json", "spec-stacked.json", "spec-vae-2d.json",
        "spec-vae-warmup.json", "spec-conv-vae.json", "spec-conv-small.json"})
    void specLoadsAndTrainsAsBefore(String name, @TempDir Path dir) throws IOException {
        ModelSpec read = ModelSpecJson.read(fixture(name, dir));
        ModelSpec spec = read.withTraining(read.training().withEpochs(1).withThreads(1));
        assertTrue(SpecValidator.validate(spec, digits().sampleShape(), true).isEmpty(),
                () -> SpecValidator.validate(spec, digits().sampleShape(), true).toString());
        TrainingResult r = trainOneEpoch(ModelBuilder.build(spec, digits().sampleShape()));
        double loss = r.last().train().reconstruction();
        assertEquals(SPEC_LOSS.get(name), loss, 0.0, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"model-vae-small.aem", "model-tied-ksparse-kl.aem", "model-stacked-small.aem",
        "model-conv-small.aem"})
    void modelLoadsWithItsWeightsAndTrains(String name, @TempDir Path dir) throws IOException {
        Autoencoder model = ModelFile.load(fixture(name, dir)).model();
        double loss;
        try (Compute compute = Compute.create(Backend.JAVA, 1)) {
            loss = model.evaluate(compute, rows(TRAIN, VALIDATION), VALIDATION).loss().reconstruction();
        }
        assertEquals(MODEL_LOSS.get(name), loss, 0.0, name);
        trainOneEpoch(model);
    }
}
