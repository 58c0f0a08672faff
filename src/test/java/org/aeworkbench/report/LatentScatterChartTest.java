package org.aeworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.aeworkbench.analysis.CodeView;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentScatterChartTest {

    @TempDir
    Path dir;

    /** Three tight clusters at known places, one per class. */
    private static final double[][] CENTRES = {{-4, -4}, {4, -4}, {0, 4}};

    private static CodeView clusters(int perClass, int[] labels) {
        Random random = new Random(5);
        float[] points = new float[2 * perClass * CENTRES.length];
        for (int i = 0; i < perClass * CENTRES.length; i++) {
            int c = i % CENTRES.length;
            labels[i] = c;
            points[2 * i] = (float) (CENTRES[c][0] + 0.05 * random.nextGaussian());
            points[2 * i + 1] = (float) (CENTRES[c][1] + 0.05 * random.nextGaussian());
        }
        return new CodeView(points, perClass * CENTRES.length, "z1", "z2");
    }

    @Test
    void eachClassIsDrawnWhereItsPointsAreInItsOwnColour() throws Exception {
        int[] labels = new int[300];
        CodeView view = clusters(100, labels);
        JFreeChart chart = LatentScatterChart.create("Autoencoder codes", view, labels, List.of("zero", "one", "two"));
        Path file = dir.resolve("scatter.png");
        PngExport.write(chart, 640, 480, file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(640, png.getWidth());
        assertEquals(480, png.getHeight());
        // Where the plot puts each cluster centre, the PNG holds that class's palette colour.
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(640, 480, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        Set<Integer> seen = new HashSet<>();
        for (int c = 0; c < CENTRES.length; c++) {
            int x = (int) plot.getDomainAxis().valueToJava2D(CENTRES[c][0], area, plot.getDomainAxisEdge());
            int y = (int) plot.getRangeAxis().valueToJava2D(CENTRES[c][1], area, plot.getRangeAxisEdge());
            Color expected = ClassPalette.OKABE_ITO.get(c);
            assertEquals(expected.getRGB(), png.getRGB(x, y), "class " + c + " at (" + x + ", " + y + ")");
            seen.add(png.getRGB(x, y));
        }
        assertEquals(3, seen.size(), "three classes, three colours");
        // The legend names the classes.
        assertEquals("one", plot.getLegendItems().get(1).getLabel());
    }

    @Test
    void largeSetsAreSampledAndTheSubtitleSaysSo() {
        int[] labels = new int[3000];
        CodeView view = clusters(1000, labels);
        JFreeChart chart = LatentScatterChart.create("PCA", view, labels, List.of(), 500, 3);
        XYDataset data = chart.getXYPlot().getDataset();
        int drawn = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            drawn += data.getItemCount(s);
            // Missing class names fall back to "class i".
            assertEquals("class " + s, data.getSeriesKey(s));
        }
        assertEquals(500, drawn);
        assertTrue(subtitles(chart).contains("500 of 3,000 points, drawn at random (seed 3)"), subtitles(chart));
        // Under the limit: every point, no subtitle.
        JFreeChart all = LatentScatterChart.create("PCA", view, labels, List.of(), 5000, 3);
        assertEquals(3000, all.getXYPlot().getDataset().getItemCount(0) * 3);
        assertEquals("", subtitles(all));
    }

    @Test
    void tenClassesGetTenDistinctColours() {
        Set<Color> colours = new HashSet<>();
        for (int c = 0; c < 10; c++) {
            colours.add(ClassPalette.colour(c, 10));
        }
        assertEquals(10, colours.size());
        assertEquals(ClassPalette.TOL_MUTED_AND_BLACK, ClassPalette.forClasses(10));
        assertEquals(ClassPalette.OKABE_ITO, ClassPalette.forClasses(8));
        assertNotEquals(ClassPalette.colour(0, 3), ClassPalette.colour(1, 3));
    }

    @Test
    void sharedRangesCoverBothCharts() {
        int[] labels = new int[30];
        CodeView small = clusters(10, labels);
        float[] p = small.points();
        for (int i = 0; i < p.length; i++) {
            p[i] *= 10;
        }
        JFreeChart a = LatentScatterChart.create("a", small, labels, List.of());
        JFreeChart b = LatentScatterChart.create("b", new CodeView(p, 30, "x", "y"), labels, List.of());
        LatentScatterChart.shareAxisRanges(a, b);
        assertEquals(b.getXYPlot().getDomainAxis().getRange(), a.getXYPlot().getDomainAxis().getRange());
        assertTrue(a.getXYPlot().getRangeAxis().getRange().contains(40));
    }

    private static String subtitles(JFreeChart chart) {
        StringBuilder text = new StringBuilder();
        for (Object title : chart.getSubtitles()) {
            if (title instanceof TextTitle t && !(title instanceof org.jfree.chart.title.LegendTitle)) {
                text.append(t.getText());
            } else if (!(title instanceof Title)) {
                text.append(title);
            }
        }
        return text.toString();
    }
}
