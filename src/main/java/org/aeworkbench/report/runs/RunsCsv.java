package org.aeworkbench.report.runs;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aeworkbench.data.MatrixCsv;
import org.aeworkbench.engine.io.AtomicFiles;

/**
 * The Runs table as CSV, one row per run: {@code id,name,design,data,limit,scaling,preparation,
 * train_samples,validation_samples,optimizer,learning_rate,batch_size,epochs_set,seed,outcome,
 * started,seconds,blas}, then the compared figures ({@link RunMetrics}) as {@code train_loss,
 * validation_loss, validation_squared_error}, one column per penalty term any run has, and
 * {@code epochs}. Numbers are written in full precision; a figure a run lacks is empty. Fields
 * holding commas or quotes are quoted (RFC 4180). The file is written atomically.
 */
public final class RunsCsv {

    private RunsCsv() {
    }

    public static void write(Path file, List<RunRecord> runs) throws IOException {
        String text = text(runs);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    static String text(List<RunRecord> runs) {
        List<String> figures = new ArrayList<>(RunMetrics.names(runs));
        figures.remove(RunMetrics.SECONDS);
        StringBuilder b = new StringBuilder("id,name,design,data,limit,scaling,preparation,train_samples,validation_samples,"
                + "optimizer,learning_rate,batch_size,epochs_set,seed,outcome,started,seconds,blas");
        for (String f : figures) {
            b.append(',').append(column(f));
        }
        b.append('\n');
        for (RunRecord r : runs) {
            var t = r.spec().training();
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.id()), r.name(), r.spec().name(), r.data().source(),
                    Integer.toString(r.data().limit()), r.data().scaling(), r.data().preparation(),
                    Integer.toString(r.data().trainSamples()), Integer.toString(r.data().validationSamples()),
                    r.spec().optimizer().kind().name().toLowerCase(Locale.ROOT), Double.toString(r.spec().optimizer().learningRate()),
                    Integer.toString(t.batchSize()), Integer.toString(t.epochs()), Long.toString(t.seed()), r.outcome(),
                    r.started(), Double.toString(r.seconds()), r.blas()));
            Map<String, Double> m = RunMetrics.of(r);
            for (String f : figures) {
                Double v = m.get(f);
                row.add(v == null || v.isNaN() ? "" : f.equals(RunMetrics.EPOCHS) ? Long.toString(Math.round(v)) : Double.toString(v));
            }
            b.append(String.join(",", row.stream().map(MatrixCsv::quoted).toList())).append('\n');
        }
        return b.toString();
    }

    /** "validation squared error" -> "validation_squared_error"; a term "KL" -> "kl". */
    static String column(String figure) {
        return figure.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
