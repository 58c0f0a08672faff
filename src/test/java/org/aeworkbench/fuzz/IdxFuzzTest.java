package org.aeworkbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.junit.jupiter.api.Timeout;

/**
 * IDX files (MNIST's format), plain and gzipped. The gzipped target compresses the fuzzer's
 * bytes itself, so mutations reach the IDX header behind the compression instead of breaking
 * the deflate stream; the plain target's gzipped seeds cover damaged compression. Seeds:
 * {@code IdxFuzzTestInputs/}.
 */
class IdxFuzzTest {

    /** Unsigned bytes widen to 4-byte floats. */
    private static final long PLAIN_BYTES_PER_INPUT_BYTE = 16;
    /** Deflate expands at most 1032:1 and the reader trusts no header beyond that. */
    private static final long GZIP_BYTES_PER_INPUT_BYTE = 1032 * 4 + 16;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void idx(byte[] data) throws Exception {
        Path file = FuzzFiles.write("data-idx3-ubyte", data);
        long perByte = isGzip(data) ? GZIP_BYTES_PER_INPUT_BYTE : PLAIN_BYTES_PER_INPUT_BYTE;
        ValidDatasets.check(ParserContract.parse(data, DataException.class, perByte,
                () -> DataSources.load(file.toString())));
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void idxGzipped(byte[] data) throws Exception {
        byte[] gz = FuzzFiles.gzip(data);
        Path file = FuzzFiles.write("data-idx3-ubyte.gz", gz);
        Dataset d = ParserContract.parse(gz, DataException.class, GZIP_BYTES_PER_INPUT_BYTE,
                () -> DataSources.load(file.toString()));
        ValidDatasets.check(d);
    }

    static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }
}
