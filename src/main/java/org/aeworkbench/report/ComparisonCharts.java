package org.aeworkbench.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aeworkbench.analysis.CodeView;
import org.aeworkbench.analysis.CodecOutputs;
import org.aeworkbench.analysis.Comparison;
import org.aeworkbench.analysis.Procrustes;
import org.aeworkbench.data.Dataset;
import org.jfree.chart.JFreeChart;

/**
 * The pictures of an autoencoder against PCA on the same test split, as {@code compare --png}
 * writes them and the window's report embeds them: both 2-D scatters (PCA Procrustes-aligned
 * onto the autoencoder's codes, sharing its axes) and, for image-shaped samples, a grid of
 * inputs over both methods' reconstructions.
 *
 * @param autoencoder the autoencoder's codes, titled with its error and kNN accuracy
 * @param pca         PCA's codes aligned onto them
 * @param grid        inputs, autoencoder and PCA rows, or null for samples that are not images
 */
public record ComparisonCharts(JFreeChart autoencoder, JFreeChart pca, BufferedImage grid) {

    /** Samples shown in the reconstruction grid. */
    public static final int GRID_SAMPLES = 12;

    public static ComparisonCharts of(Comparison c, CodecOutputs ae, CodecOutputs pca, Dataset test) {
        int n = test.samples();
        CodeView aeView = CodeView.of(ae.testCodes(), n, ae.codeSize());
        CodeView pcaView = CodeView.of(pca.testCodes(), n, pca.codeSize());
        float[] aligned = Procrustes.align(pcaView.points(), aeView.points(), n, 2).apply(pcaView.points(), n);
        CodeView pcaAligned = new CodeView(aligned, n, pcaView.xLabel() + " (aligned)", pcaView.yLabel() + " (aligned)");
        String aeTitle = String.format(Locale.ROOT, "Autoencoder, %d-D code: recon error %.2f%s", c.codeSize(),
                c.autoencoder().reconError(), knn(c.autoencoder().knnAccuracy()));
        String pcaTitle = String.format(Locale.ROOT, "PCA, %d components: recon error %.2f%s", c.codeSize(),
                c.pca().reconError(), knn(c.pca().knnAccuracy()));
        JFreeChart aeChart = LatentScatterChart.create(aeTitle, aeView, test.labels(), test.classNames());
        JFreeChart pcaChart = LatentScatterChart.create(pcaTitle, pcaAligned, test.labels(), test.classNames());
        LatentScatterChart.shareAxisRanges(aeChart, pcaChart);
        BufferedImage grid = null;
        if (!test.sampleShape().isVector()) {
            int show = Math.min(GRID_SAMPLES, n);
            int f = test.features();
            List<ReconstructionGrid.Row> rows = new ArrayList<>();
            rows.add(new ReconstructionGrid.Row("input", Arrays.copyOf(test.values(), show * f)));
            rows.add(new ReconstructionGrid.Row("autoencoder", Arrays.copyOf(ae.testReconstructions(), show * f)));
            rows.add(new ReconstructionGrid.Row("PCA", Arrays.copyOf(pca.testReconstructions(), show * f)));
            grid = ReconstructionGrid.render(test.sampleShape(), rows, 3);
        }
        return new ComparisonCharts(aeChart, pcaChart, grid);
    }

    private static String knn(double acc) {
        return Double.isNaN(acc) ? "" : String.format(Locale.ROOT, ", 5-NN accuracy %.1f%%", 100 * acc);
    }
}
