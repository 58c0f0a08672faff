package org.aeworkbench.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.io.AtomicFiles;

/**
 * Anomaly scores as CSV, one row per test sample: {@code index,label,ae_score,pca_score}, where
 * index is the sample's position in the test set (from 0) and label its class name (empty without
 * labels). The one-class protocol writes every class's run into one file, with a first column
 * {@code normal} naming the class that was normal. Scores are written in full precision (Java's
 * shortest decimal that reads back to the same double). The file is written atomically.
 */
public final class AnomalyScoresCsv {

    /**
     * One run's scores.
     *
     * @param normal the normal class for a one-class protocol run, or null for a single run
     * @param ae     the autoencoder's score per test sample
     * @param pca    PCA's score per test sample
     */
    public record Run(String normal, double[] ae, double[] pca) {
    }

    private AnomalyScoresCsv() {
    }

    public static void write(Path file, Dataset test, List<Run> runs) throws IOException {
        boolean protocol = !runs.isEmpty() && runs.get(0).normal() != null;
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(protocol ? "normal,index,label,ae_score,pca_score\n" : "index,label,ae_score,pca_score\n");
            StringBuilder row = new StringBuilder();
            for (Run run : runs) {
                for (int i = 0; i < test.samples(); i++) {
                    row.setLength(0);
                    if (protocol) {
                        row.append(field(run.normal())).append(',');
                    }
                    row.append(i).append(',');
                    if (test.hasLabels()) {
                        int l = test.labels()[i];
                        row.append(l < test.classNames().size() ? field(test.classNames().get(l)) : Integer.toString(l));
                    }
                    row.append(',').append(run.ae()[i]).append(',').append(run.pca()[i]).append('\n');
                    w.write(row.toString());
                }
            }
            w.flush();
        });
    }

    /** A class name as a CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
