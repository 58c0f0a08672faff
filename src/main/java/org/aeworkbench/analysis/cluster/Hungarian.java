package org.aeworkbench.analysis.cluster;

import java.util.Arrays;

/**
 * The assignment problem: pair each row with a distinct column so that the summed weight is
 * largest (Kuhn, "The Hungarian method for the assignment problem", Naval Research Logistics
 * Quarterly 2, 1955; Munkres 1957). This is the O(n^2 m) shortest-augmenting-path form with row and
 * column potentials (Jonker and Volgenant 1987 use the same dual), on costs = -weights; with
 * more rows than columns the matrix is padded with zero-weight columns, so every row gets a column
 * and those beyond the real ones get none (-1).
 */
public final class Hungarian {

    private Hungarian() {
    }

    /**
     * The column assigned to each row that maximises the summed weight; -1 for rows left without
     * a real column (more rows than columns).
     *
     * @param weight rows x columns, every row of the same length, finite
     */
    public static int[] maximise(double[][] weight) {
        int rows = weight.length;
        int cols = rows == 0 ? 0 : weight[0].length;
        for (double[] row : weight) {
            if (row.length != cols) {
                throw new IllegalArgumentException("the weight matrix has rows of " + cols + " and " + row.length + " columns");
            }
            for (double w : row) {
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("the weight matrix holds " + w + "; weights must be finite");
                }
            }
        }
        int n = rows;
        int m = Math.max(rows, cols); // padded columns weigh 0
        // Potentials u (rows) and v (columns), 1-based with a virtual column 0, as in the textbook form.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minSlack = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int j0 = 0;
            Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfColumn[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (used[j]) {
                        continue;
                    }
                    double cost = j <= cols ? -weight[i0 - 1][j - 1] : 0;
                    double slack = cost - u[i0] - v[j];
                    if (slack < minSlack[j]) {
                        minSlack[j] = slack;
                        way[j] = j0;
                    }
                    if (minSlack[j] < delta) {
                        delta = minSlack[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfColumn[j0] != 0);
            // Flip the augmenting path back to column 0.
            do {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int j = 1; j <= cols; j++) {
            if (rowOfColumn[j] != 0) {
                assignment[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return assignment;
    }
}
