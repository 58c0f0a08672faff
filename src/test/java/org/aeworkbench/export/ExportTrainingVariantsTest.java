package org.aeworkbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.export.onnx.OnnxExport;
import org.aeworkbench.export.pytorch.PytorchExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two variants that act only in training. RBM pretraining exports to both formats, model.py
 * saying that train.py fine-tunes only. The adversarial autoencoder exports to ONNX (OnnxExportTest
 * runs both with ONNX Runtime against the workbench) and is refused by the PyTorch package before
 * anything is written, naming the variant and the reason, since train.py has no adversarial phases.
 */
class ExportTrainingVariantsTest {

    @TempDir
    Path dir;

    @Test
    void thePytorchPackageRefusesTheAdversarialAutoencoderNamingTheVariantAndWhy() {
        Autoencoder aae = ExportDesigns.trainingOnly().get("aae-gaussian");
        Path out = dir.resolve("aae");
        SpecException e = assertThrows(SpecException.class,
                () -> PytorchExport.write(aae, true, out, "aae-gaussian.aem", Preprocessing.none()));
        assertEquals("adversarial", e.field());
        assertTrue(e.getMessage().contains("uses the") && e.getMessage().contains("variant (adversarial), which export"
                + " pytorch cannot express: train.py has no discriminator"), e.getMessage());
        assertTrue(e.getMessage().contains("export onnx"), "says what works instead: " + e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
        // ONNX holds the encoder and decoder alone.
        assertTrue(OnnxExport.build(aae, OnnxExport.Part.AUTOENCODER, "test").getGraph().getNodeCount() > 0);
    }

    @Test
    void rbmPretrainingExportsToPytorchAsTheUnrolledStackThatTrainPyFineTunes() throws Exception {
        Autoencoder dbn = ExportDesigns.trainingOnly().get("hinton-2006-rbm");
        PytorchExport.write(dbn, true, dir, "hinton-2006-rbm.aem", Preprocessing.none());
        String modelPy = Files.readString(dir.resolve("model.py"));
        assertTrue(modelPy.contains("RBM pretraining: the workbench first trains each layer pair as a restricted"
                + " Boltzmann machine (CD-1"), modelPy);
        assertTrue(Files.exists(dir.resolve("weights.safetensors")));
    }
}
