package org.aeworkbench.ui.clustering;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.aeworkbench.analysis.cluster.ClusterAgreement;
import org.aeworkbench.analysis.cluster.ContingencyTable;

/**
 * Clusters against labels as a grid of counts, each cell shaded by its share of the cluster. Rows
 * are ordered by the class the Hungarian matching gives each cluster, so a good clustering reads
 * as a dark diagonal; unmatched clusters come last.
 */
final class ConfusionGrid extends GridPane {

    ConfusionGrid() {
        setId("confusion-matrix");
        setHgap(1);
        setVgap(1);
        getStyleClass().add("confusion-grid");
    }

    void show(int[] clusters, int[] labels, List<String> classNames) {
        getChildren().clear();
        if (clusters == null || labels == null) {
            add(new Label("The confusion matrix needs labels."), 0, 0);
            return;
        }
        ContingencyTable t = ContingencyTable.of(clusters, labels);
        int[] map = ClusterAgreement.clusterToClass(t);
        Integer[] order = new Integer[t.clusters()];
        for (int a = 0; a < order.length; a++) {
            order[a] = a;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(map[a] < 0 ? Integer.MAX_VALUE : map[a],
                map[b] < 0 ? Integer.MAX_VALUE : map[b]));
        add(header("cluster"), 0, 0);
        for (int c = 0; c < t.classes(); c++) {
            Label h = header(c < classNames.size() ? shortName(classNames.get(c)) : Integer.toString(c));
            if (c < classNames.size() && !h.getText().equals(classNames.get(c))) {
                h.setTooltip(new Tooltip(classNames.get(c)));
            }
            add(h, c + 1, 0);
        }
        long[] sizes = t.clusterSizes();
        for (int r = 0; r < order.length; r++) {
            int a = order[r];
            add(header(Integer.toString(a + 1)), 0, r + 1);
            for (int c = 0; c < t.classes(); c++) {
                long v = t.counts()[a][c];
                Label cell = new Label(Long.toString(v));
                cell.setMinWidth(31);
                cell.setAlignment(Pos.CENTER);
                double share = sizes[a] == 0 ? 0 : v / (double) sizes[a];
                int shade = (int) Math.round(255 - 180 * share);
                cell.setStyle(String.format("-fx-background-color: rgb(%d,%d,255); -fx-text-fill: %s; -fx-padding: 1 2;"
                        + " -fx-font-size: 11px;",
                        shade, shade, share > 0.55 ? "white" : "black"));
                add(cell, c + 1, r + 1);
            }
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("image-caption");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /**
     * A class name short enough for a column of counts: its first word, and past six characters its
     * first five and an ellipsis ("T-shirt/top" to "T-shi…"), so a cut name reads as one; the
     * header's tooltip gives it whole. Cut without the ellipsis, "T-shir" and "Trouse" looked like
     * text the window had clipped.
     */
    static String shortName(String name) {
        String n = name.split("[/ ]")[0];
        return n.length() > 6 ? n.substring(0, 5) + "\u2026" : n;
    }
}
