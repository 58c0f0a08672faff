package org.aeworkbench.ui.project;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.io.AtomicFiles;
import org.aeworkbench.engine.model.Autoencoder;

/**
 * Writes every sample's code as CSV: index, label (when labelled), z1..zk. Interrupting the
 * writing thread cancels it between rows; the file is written atomically, so a cancelled export
 * leaves the previous file as it was.
 */
public final class CodesCsv {

    static final int ROWS_PER_REPORT = 1000;

    private CodesCsv() {
    }

    /** @param model a copy owned by the calling thread */
    public static void write(Path file, Autoencoder model, Dataset data) throws IOException {
        write(file, model, data, rowsWritten -> { });
    }

    /**
     * @param model    a copy owned by the calling thread
     * @param progress told the number of rows written, every {@value #ROWS_PER_REPORT} rows
     */
    public static void write(Path file, Autoencoder model, Dataset data, IntConsumer progress) throws IOException {
        float[] codes;
        try (Compute c = Compute.create(Backend.AUTO, 0)) {
            codes = model.encode(c, data.values(), data.samples());
        }
        int k = model.codeSize();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("index");
            if (data.hasLabels()) {
                w.write(",label");
            }
            for (int j = 0; j < k; j++) {
                w.write(",z" + (j + 1));
            }
            w.write('\n');
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < data.samples(); i++) {
                if (i % ROWS_PER_REPORT == 0) {
                    progress.accept(i);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException(file + ": export cancelled; the previous file, if any, is unchanged");
                    }
                }
                row.setLength(0);
                row.append(i);
                if (data.hasLabels()) {
                    int l = data.labels()[i];
                    row.append(',').append(l < data.classNames().size() ? data.classNames().get(l) : Integer.toString(l));
                }
                for (int j = 0; j < k; j++) {
                    row.append(',').append(codes[i * k + j]);
                }
                row.append('\n');
                w.write(row.toString());
            }
            w.flush();
        });
    }
}
