package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.SpecValidator;
import org.junit.jupiter.api.Timeout;

/**
 * Saved models ({@code .aem}). A model file is gzip, so {@link #modelFile} mutates the stored
 * bytes (damaged compression) while {@link #modelFileContent} compresses the fuzzer's bytes
 * itself, so mutations reach the signature, the JSON header and the weights behind it. Seeds:
 * {@code ModelFileFuzzTestInputs/}, saved models of tiny designs and their decompressed content.
 */
class ModelFileFuzzTest {

    /**
     * Deflate expands at most 1032:1 and each stored float becomes a value and a gradient
     * array; building a model may allocate no more than its file can fill.
     */
    private static final long BYTES_PER_INPUT_BYTE = 1032 * 8 + 64;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void modelFile(byte[] data) throws Exception {
        load(data);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void modelFileContent(byte[] data) throws Exception {
        load(FuzzFiles.gzip(data));
    }

    private static void load(byte[] stored) throws Exception {
        Path file = FuzzFiles.write("model.aem", stored);
        ModelFile.Loaded loaded = ParserContract.parse(stored, SpecException.class, BYTES_PER_INPUT_BYTE,
                () -> ModelFile.load(file));
        if (loaded == null) {
            return;
        }
        var model = loaded.model();
        assertTrue(SpecValidator.validate(model.spec(), model.inputShape(), null).isEmpty(),
                "a loaded model's design is valid for its input");
        for (Parameter p : model.parameters()) {
            assertEquals((long) p.rows() * p.cols(), p.value().length, p.name());
        }
    }
}
