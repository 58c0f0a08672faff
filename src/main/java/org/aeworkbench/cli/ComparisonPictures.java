package org.aeworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.analysis.CodeView;
import org.aeworkbench.analysis.CodecOutputs;
import org.aeworkbench.analysis.Comparison;
import org.aeworkbench.analysis.Procrustes;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.report.LatentScatterChart;
import org.aeworkbench.report.PngExport;
import org.aeworkbench.report.ReconstructionGrid;
import org.jfree.chart.JFreeChart;

/** The comparison's pictures: both 2-D scatters (PCA Procrustes-aligned onto the autoencoder) and a reconstruction grid. */
final class ComparisonPictures {

    static final String AE_SCATTER = "latent-autoencoder.png";
    static final String PCA_SCATTER = "latent-pca.png";
    static final String GRID = "reconstructions.png";

    private ComparisonPictures() {
    }

    static void write(Path dir, Comparison c, CodecOutputs ae, CodecOutputs pca, Dataset train, Dataset test) throws IOException {
        Files.createDirectories(dir);
        int n = test.samples();
        CodeView aeView = CodeView.of(ae.testCodes(), n, ae.codeSize());
        CodeView pcaView = CodeView.of(pca.testCodes(), n, pca.codeSize());
        float[] aligned = Procrustes.align(pcaView.points(), aeView.points(), n, 2).apply(pcaView.points(), n);
        CodeView pcaAligned = new CodeView(aligned, n, pcaView.xLabel() + " (aligned)", pcaView.yLabel() + " (aligned)");
        String aeTitle = String.format(java.util.Locale.ROOT, "Autoencoder, %d-D code: recon error %.2f%s", c.codeSize(),
                c.autoencoder().reconError(), knn(c.autoencoder().knnAccuracy()));
        String pcaTitle = String.format(java.util.Locale.ROOT, "PCA, %d components: recon error %.2f%s", c.codeSize(),
                c.pca().reconError(), knn(c.pca().knnAccuracy()));
        JFreeChart aeChart = LatentScatterChart.create(aeTitle, aeView, test.labels(), test.classNames());
        JFreeChart pcaChart = LatentScatterChart.create(pcaTitle, pcaAligned, test.labels(), test.classNames());
        LatentScatterChart.shareAxisRanges(aeChart, pcaChart);
        PngExport.write(aeChart, 800, 700, dir.resolve(AE_SCATTER));
        PngExport.write(pcaChart, 800, 700, dir.resolve(PCA_SCATTER));
        if (!test.sampleShape().isVector()) {
            int show = Math.min(12, n);
            int f = test.features();
            List<ReconstructionGrid.Row> rows = new ArrayList<>();
            rows.add(new ReconstructionGrid.Row("input", java.util.Arrays.copyOf(test.values(), show * f)));
            rows.add(new ReconstructionGrid.Row("autoencoder", java.util.Arrays.copyOf(ae.testReconstructions(), show * f)));
            rows.add(new ReconstructionGrid.Row("PCA", java.util.Arrays.copyOf(pca.testReconstructions(), show * f)));
            PngExport.write(ReconstructionGrid.render(test.sampleShape(), rows, 3), dir.resolve(GRID));
        }
    }

    private static String knn(double acc) {
        return Double.isNaN(acc) ? "" : String.format(java.util.Locale.ROOT, ", 5-NN accuracy %.1f%%", 100 * acc);
    }
}
