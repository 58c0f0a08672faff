package org.aeworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.DenseSpec;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.ui.common.FxThread;
import org.aeworkbench.ui.common.Jobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodesCsvTest {

    private static final int N = 2500;

    @TempDir
    Path dir;

    @BeforeAll
    static void fx() throws Exception {
        FxThread.start();
    }

    private static Autoencoder model() {
        ModelSpec spec = ModelSpec.of("tiny", List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(2, Activation.IDENTITY)),
                List.of(new DenseSpec(4, Activation.RELU), new DenseSpec(8, Activation.SIGMOID)), ReconstructionLoss.BCE);
        return ModelBuilder.build(spec, Shape.vector(8));
    }

    private static Dataset data() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        float[] v = new float[N * 8];
        int[] labels = new int[N];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < N; i++) {
            labels[i] = i % 2;
        }
        return new Dataset("random", Shape.vector(8), v, labels, List.of("even", "odd"), "test");
    }

    @Test
    void everySampleGetsARowWithItsLabelAndTheEncodersCode() throws Exception {
        Autoencoder model = model();
        Dataset data = data();
        Path file = dir.resolve("codes.csv");
        CodesCsv.write(file, model, data);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("index,label,z1,z2", lines.get(0));
        assertEquals(N + 1, lines.size());
        float[] codes;
        try (Compute c = Compute.create(Backend.AUTO, 1)) {
            codes = model.encode(c, data.values(), N);
        }
        for (int i : new int[] {0, 1, N - 1}) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(Integer.toString(i), cells[0]);
            assertEquals(i % 2 == 0 ? "even" : "odd", cells[1]);
            assertArrayEquals(new float[] {codes[2 * i], codes[2 * i + 1]},
                    new float[] {Float.parseFloat(cells[2]), Float.parseFloat(cells[3])});
        }
    }

    /** The user cancels when 1,000 of the 2,500 rows are written: the previous export stays as it was. */
    @Test
    void anExportCancelledHalfwayLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, "the previous export\n");
        Autoencoder model = model();
        Dataset data = data();
        Jobs jobs = new Jobs();
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean reported = new AtomicBoolean();
        FxThread.run(() -> jobs.run("Exporting codes", () -> {
            try {
                CodesCsv.write(file, model, data, rows -> {
                    if (rows == 1000) {
                        halfway.countDown();
                        try {
                            never.await(); // until the cancel interrupts the export
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                return file;
            } finally {
                finished.countDown();
            }
        }, done -> reported.set(true), msg -> reported.set(true), null));
        FxThread.await(halfway, "the export to be half written");
        assertTrue(FxThread.call(jobs::cancelNewest));
        FxThread.await(finished, "the export to stop");
        FxThread.settle();
        assertFalse(reported.get(), "a cancelled export reports neither success nor failure");
        assertEquals("the previous export\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }
}
