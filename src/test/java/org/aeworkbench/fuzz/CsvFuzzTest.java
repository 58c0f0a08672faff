package org.aeworkbench.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.data.CsvLoader;
import org.aeworkbench.data.CsvOptions;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.junit.jupiter.api.Timeout;

/**
 * CSV/TSV text, as a user opens it: through {@link DataSources#load} (which also sniffs for IDX
 * and NPY magic) and with the options the command line and import dialog can set. Seeds:
 * {@code CsvFuzzTestInputs/}.
 */
class CsvFuzzTest {

    /** Text parsing allocates strings and lists, tens of bytes per byte of input. */
    private static final long BYTES_PER_INPUT_BYTE = 256;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void csv(byte[] data) throws Exception {
        Path file = FuzzFiles.write("data.csv", data);
        Dataset d = ParserContract.parse(data, DataException.class, BYTES_PER_INPUT_BYTE,
                () -> DataSources.load(file.toString()));
        ValidDatasets.check(d);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void csvWithOptions(FuzzedDataProvider in) throws Exception {
        Character delimiter = in.consumeBoolean() ? in.pickValue(new Character[] {',', '\t', ';', '|', ' '}) : null;
        Boolean header = in.consumeBoolean() ? in.consumeBoolean() : null;
        String labelColumn = in.consumeBoolean() ? in.consumeString(12) : null;
        String name = in.pickValue(new String[] {"data.csv", "data.tsv"});
        byte[] data = in.consumeRemainingAsBytes();
        Path file = FuzzFiles.write(name, data);
        Dataset d = ParserContract.parse(data, DataException.class, BYTES_PER_INPUT_BYTE,
                () -> CsvLoader.load(file, new CsvOptions(delimiter, header, labelColumn)));
        ValidDatasets.check(d);
        ValidDatasets.checkFinite(d);
    }
}
