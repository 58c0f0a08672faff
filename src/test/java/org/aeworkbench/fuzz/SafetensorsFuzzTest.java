package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.engine.io.safetensors.Dtype;
import org.aeworkbench.engine.io.safetensors.Safetensors;
import org.aeworkbench.engine.io.safetensors.TensorEntry;
import org.aeworkbench.engine.core.SpecException;
import org.junit.jupiter.api.Timeout;

/**
 * Safetensors weights, as {@code import pytorch} reads them: the header is opened and checked, then
 * every float32 tensor is read. Seeds: {@code SafetensorsFuzzTestInputs/}, files written by the
 * workbench's writer and by the exported train.py's numpy writer.
 */
class SafetensorsFuzzTest {

    /**
     * The header is parsed into a JSON tree (tens of bytes per header byte); a float32 tensor's
     * array is as large as its bytes in the file.
     */
    private static final long BYTES_PER_INPUT_BYTE = 64;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void safetensors(byte[] data) throws Exception {
        Path file = FuzzFiles.write("weights.safetensors", data);
        Integer read = ParserContract.parse(data, SpecException.class, BYTES_PER_INPUT_BYTE, () -> {
            Safetensors.Opened o = Safetensors.open(file);
            int values = 0;
            for (TensorEntry t : o.header().tensors()) {
                if (t.dtype() == Dtype.F32) {
                    float[] v = o.floats(t);
                    assertEquals(t.elements(), v.length, t.name());
                    values += v.length;
                }
            }
            return values;
        });
        if (read != null) {
            assertTrue(4L * read <= data.length, "never more values than the file holds");
        }
    }
}
