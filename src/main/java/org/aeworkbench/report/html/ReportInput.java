package org.aeworkbench.report.html;

import java.util.List;
import org.aeworkbench.analysis.CodecOutputs;
import org.aeworkbench.analysis.Comparison;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.report.runs.RunData;
import org.aeworkbench.report.runs.RunEpoch;
import org.aeworkbench.report.runs.RunRecord;

/**
 * What the workbench's report is made of, as the window hands it over: the design, the data, the
 * trained model's curves, its comparison with PCA on the held-out samples, and the runs.
 *
 * @param title      the page's heading
 * @param created    when, as the page says it
 * @param spec       the design
 * @param input      the shape of one sample
 * @param data       the data and its preparation, or null before any is loaded
 * @param blas       the compute backend
 * @param epochs     the trained model's epochs (empty before training)
 * @param trained    the spec the weights were trained with, or null (it differs from {@code spec}
 *                   when the design was edited after training: the report says so)
 * @param comparison the trained model against PCA, or null (no model, or PCA impossible at this code size)
 * @param ae         the autoencoder's outputs on {@code test}, or null
 * @param pca        PCA's outputs on {@code test}, or null
 * @param test       the held-out samples scored, or null
 * @param scoredOn   says which samples were scored ("200 validation samples")
 * @param runs       every run recorded
 * @param overlaid   the runs whose curves are overlaid (those selected in the Runs tab, else the last few)
 */
public record ReportInput(String title, String created, ModelSpec spec, Shape input, RunData data, String blas,
                          List<RunEpoch> epochs, ModelSpec trained, Comparison comparison, CodecOutputs ae,
                          CodecOutputs pca, Dataset test, String scoredOn, List<RunRecord> runs, List<RunRecord> overlaid) {

    public ReportInput {
        epochs = List.copyOf(epochs);
        runs = List.copyOf(runs);
        overlaid = List.copyOf(overlaid);
    }
}
