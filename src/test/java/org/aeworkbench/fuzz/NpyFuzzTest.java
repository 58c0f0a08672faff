package org.aeworkbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.DataSources;
import org.junit.jupiter.api.Timeout;

/** NumPy {@code .npy} files, header dictionary included. Seeds: {@code NpyFuzzTestInputs/}. */
class NpyFuzzTest {

    /** One-byte elements widen to 4-byte floats; the header is parsed as a string. */
    private static final long BYTES_PER_INPUT_BYTE = 16;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void npy(byte[] data) throws Exception {
        Path file = FuzzFiles.write("data.npy", data);
        ValidDatasets.check(ParserContract.parse(data, DataException.class, BYTES_PER_INPUT_BYTE,
                () -> DataSources.load(file.toString())));
    }
}
