package org.aeworkbench.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.data.Scaling;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.export.ExportDesigns;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedAutoencoderTest {

    private static final Shape SIX = Shape.vector(6);

    @TempDir
    Path dir;

    private static FMatrixRMaj rows(int n, int d, long seed) {
        FMatrixRMaj m = new FMatrixRMaj(n, d);
        System.arraycopy(ExportDesigns.samples(n, Shape.vector(d), seed), 0, m.data, 0, n * d);
        return m;
    }

    @Test
    void aLoadedModelEncodesDecodesAndScoresAsTheEngine() throws Exception {
        Autoencoder model = ExportDesigns.perturbed(Presets.get("vae-2d", SIX), SIX);
        Path file = dir.resolve("vae.aem");
        ModelFile.save(file, model, null);
        FMatrixRMaj x = rows(5, 6, 1);
        try (TrainedAutoencoder ae = TrainedAutoencoder.load(file, 1); Compute c = Compute.create(Backend.AUTO, 1)) {
            assertEquals(6, ae.inputSize());
            assertEquals(2, ae.codeSize());
            float[] codes = model.encode(c, x.data, 5);
            FMatrixRMaj z = ae.encode(x);
            assertArrayEquals(codes, z.data);
            assertArrayEquals(model.decode(c, codes, 5), ae.decode(z).data);
            float[] recon = model.reconstruct(c, x.data, 5);
            assertArrayEquals(recon, ae.reconstruct(x).data);
            FMatrixRMaj s = ae.score(x);
            assertEquals(5, s.numRows);
            assertEquals(1, s.numCols);
            for (int i = 0; i < 5; i++) {
                double sum = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x.get(i, j) - recon[i * 6 + j];
                    sum += d * d;
                }
                assertEquals(sum, s.get(i, 0), 1e-5 * sum);
            }
        }
    }

    @Test
    void theRecordedPreparationIsAppliedInsideAndUndoneOnTheWayOut() {
        Autoencoder model = ExportDesigns.perturbed(Presets.get("keras-simple", SIX), SIX);
        float[] offset = {0, 1, 2, 3, 4, 5};
        float[] scale = {255, 255, 2, 4, 8, 16};
        Preprocessing prep = new Preprocessing(Scaling.MIN_MAX, offset, scale);
        FMatrixRMaj raw = rows(4, 6, 2);
        for (int i = 0; i < raw.data.length; i++) {
            raw.data[i] = raw.data[i] * scale[i % 6] + offset[i % 6];
        }
        FMatrixRMaj prepared = new FMatrixRMaj(4, 6);
        for (int i = 0; i < raw.data.length; i++) {
            prepared.data[i] = (raw.data[i] - offset[i % 6]) / scale[i % 6];
        }
        try (TrainedAutoencoder ae = TrainedAutoencoder.of(model, prep, 1);
             TrainedAutoencoder plain = TrainedAutoencoder.of(model, Preprocessing.none(), 1)) {
            assertArrayEquals(plain.encode(prepared).data, ae.encode(raw).data);
            assertArrayEquals(plain.score(prepared).data, ae.score(raw).data);
            FMatrixRMaj back = ae.reconstruct(raw);
            FMatrixRMaj inPrepared = plain.reconstruct(prepared);
            for (int i = 0; i < back.data.length; i++) {
                assertEquals(inPrepared.data[i] * scale[i % 6] + offset[i % 6], back.data[i], 1e-4);
            }
        }
    }

    @Test
    void aMatrixOfTheWrongWidthIsRefusedNamingBothWidths() {
        Autoencoder model = ExportDesigns.perturbed(Presets.get("keras-simple", SIX), SIX);
        try (TrainedAutoencoder ae = TrainedAutoencoder.of(model, Preprocessing.none(), 1)) {
            String m = assertThrows(IllegalArgumentException.class, () -> ae.encode(new FMatrixRMaj(2, 5))).getMessage();
            assertTrue(m.contains("5 columns") && m.contains("takes 6"), m);
            String d = assertThrows(IllegalArgumentException.class, () -> ae.decode(new FMatrixRMaj(2, 6))).getMessage();
            assertTrue(d.contains("codes has 6 columns") && d.contains("takes 32"), d);
        }
        assertTrue(Arrays.asList(TrainedAutoencoder.class.getInterfaces()).contains(AutoCloseable.class));
    }
}
