package org.aeworkbench.analysis.cluster;

import java.util.SplittableRandom;
import org.aeworkbench.analysis.SquaredDistances;
import org.aeworkbench.engine.blas.Gemm;

/**
 * k-means by Lloyd's algorithm (Lloyd, "Least squares quantization in PCM", IEEE Transactions on
 * Information Theory 28, 1982) from k-means++ seeds (Arthur and Vassilvitskii, "k-means++: the
 * advantages of careful seeding", SODA 2007), with seeded restarts, keeping the start of lowest
 * inertia. Distances of samples to centres go through the engine's GEMM ({@link SquaredDistances}).
 *
 * <p>The details follow scikit-learn 1.2's {@code KMeans(algorithm="lloyd")}, so its results can be
 * checked against it: seeding is the greedy k-means++ variant (2 + floor(ln k) candidates per new
 * centre, drawn with probability proportional to D(x)^2, keeping the one that lowers the potential
 * most); a start stops when no assignment changes, or when the centres' summed squared shift is at
 * most {@code tolerance} times the mean feature variance, after which the samples are assigned once
 * more to the final centres; an empty cluster takes the sample farthest from its centre.
 */
public final class KMeans {

    private static final int ROWS_PER_BLOCK = 2048;

    private KMeans() {
    }

    /**
     * Runs {@code settings.restarts()} starts on n samples of d features.
     *
     * @throws IllegalArgumentException when k exceeds the number of samples
     */
    public static KMeansResult fit(Gemm gemm, float[] x, int n, int d, KMeansSettings settings) {
        checkInput(x, n, d, settings.clusters());
        double tol = settings.tolerance() * meanVariance(x, n, d);
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        KMeansResult best = null;
        for (int r = 0; r < settings.restarts(); r++) {
            SplittableRandom random = new SplittableRandom(seeds.nextLong());
            float[] start = plusPlus(gemm, x, n, d, settings.clusters(), random);
            KMeansResult result = lloyd(gemm, x, n, d, start, settings.clusters(), settings.maxIterations(), tol);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    /** Refuses k outside 1..n with a message naming both. */
    public static void checkInput(float[] x, int n, int d, int k) {
        if ((long) n * d != x.length || n < 1 || d < 1) {
            throw new IllegalArgumentException(x.length + " values do not make " + n + " samples of " + d);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k-means with " + k + " clusters needs at least " + k
                    + " samples, got " + n + "; choose fewer clusters");
        }
    }

    /**
     * Lloyd iterations from the given centres; {@code absoluteTolerance} bounds the summed squared
     * centre shift (already scaled by the data's variance).
     */
    public static KMeansResult lloyd(Gemm gemm, float[] x, int n, int d, float[] initialCentres, int k,
                                     int maxIterations, double absoluteTolerance) {
        float[] centres = initialCentres.clone();
        float[] xNorms = SquaredDistances.rowNorms(x, n, d);
        int[] assignment = new int[n];
        int[] previous = new int[n];
        float[] nearest = new float[n];
        java.util.Arrays.fill(previous, -1);
        int iteration = 0;
        boolean strict = false;
        boolean converged = false;
        while (iteration < maxIterations) {
            iteration++;
            assign(gemm, x, xNorms, n, d, centres, k, assignment, nearest);
            double[] sums = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                int c = assignment[i];
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += x[i * d + j];
                }
            }
            relocateEmpty(x, d, k, assignment, nearest, counts, sums);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    float updated = counts[c] == 0 ? centres[c * d + j] : (float) (sums[c * d + j] / counts[c]);
                    double delta = updated - centres[c * d + j];
                    shift += delta * delta;
                    centres[c * d + j] = updated;
                }
            }
            if (java.util.Arrays.equals(assignment, previous)) {
                strict = true;
                converged = true;
                break;
            }
            System.arraycopy(assignment, 0, previous, 0, n);
            if (shift <= absoluteTolerance) {
                converged = true;
                break;
            }
        }
        if (!strict) {
            // The last update moved the centres: assign once more so the labels match them.
            assign(gemm, x, xNorms, n, d, centres, k, assignment, nearest);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += SquaredDistances.between(x, i, centres, assignment[i], d);
        }
        return new KMeansResult(k, d, centres, assignment, inertia, iteration, converged);
    }

    /** The nearest of k centres for every sample (ties to the lower centre index). */
    public static int[] assign(Gemm gemm, float[] x, int n, int d, float[] centres, int k) {
        int[] assignment = new int[n];
        assign(gemm, x, SquaredDistances.rowNorms(x, n, d), n, d, centres, k, assignment, new float[n]);
        return assignment;
    }

    private static void assign(Gemm gemm, float[] x, float[] xNorms, int n, int d, float[] centres, int k,
                               int[] assignment, float[] nearest) {
        float[] centreNorms = SquaredDistances.rowNorms(centres, k, d);
        float[] block = new float[Math.min(n, ROWS_PER_BLOCK) * k];
        for (int first = 0; first < n; first += ROWS_PER_BLOCK) {
            int rows = Math.min(ROWS_PER_BLOCK, n - first);
            SquaredDistances.block(gemm, x, xNorms, first, rows, centres, centreNorms, k, d, block);
            for (int r = 0; r < rows; r++) {
                int best = 0;
                float bestD = block[r * k];
                for (int c = 1; c < k; c++) {
                    if (block[r * k + c] < bestD) {
                        bestD = block[r * k + c];
                        best = c;
                    }
                }
                assignment[first + r] = best;
                nearest[first + r] = bestD;
            }
        }
    }

    /** Gives each empty cluster the sample farthest from its centre, taking it out of its old cluster's sums. */
    private static void relocateEmpty(float[] x, int d, int k, int[] assignment, float[] nearest, int[] counts,
                                      double[] sums) {
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                continue;
            }
            int far = -1;
            for (int i = 0; i < assignment.length; i++) {
                if (counts[assignment[i]] > 1 && (far < 0 || nearest[i] > nearest[far])) {
                    far = i;
                }
            }
            if (far < 0) {
                return; // every sample is alone in its cluster already
            }
            int old = assignment[far];
            counts[old]--;
            counts[c] = 1;
            for (int j = 0; j < d; j++) {
                sums[old * d + j] -= x[far * d + j];
                sums[c * d + j] = x[far * d + j];
            }
            assignment[far] = c;
            nearest[far] = 0;
        }
    }

    /**
     * Greedy k-means++ seeding: the first centre uniformly, then each next among 2 + floor(ln k)
     * candidates drawn with probability D(x)^2 / sum D^2, the candidate that leaves the smallest
     * potential sum D^2.
     */
    static float[] plusPlus(Gemm gemm, float[] x, int n, int d, int k, SplittableRandom random) {
        float[] centres = new float[k * d];
        float[] xNorms = SquaredDistances.rowNorms(x, n, d);
        int trials = 2 + (int) Math.log(k);
        int first = random.nextInt(n);
        System.arraycopy(x, first * d, centres, 0, d);
        float[] closest = new float[n];
        SquaredDistances.block(gemm, x, xNorms, first, 1, x, xNorms, n, d, closest);
        double potential = sum(closest);
        float[] candidates = new float[trials * d];
        float[] candidateDistances = new float[trials * n];
        int[] picked = new int[trials];
        for (int c = 1; c < k; c++) {
            for (int t = 0; t < trials; t++) {
                picked[t] = drawProportional(closest, potential, random);
                System.arraycopy(x, picked[t] * d, candidates, t * d, d);
            }
            float[] candidateNorms = SquaredDistances.rowNorms(candidates, trials, d);
            SquaredDistances.block(gemm, candidates, candidateNorms, 0, trials, x, xNorms, n, d, candidateDistances);
            int best = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int i = 0; i < n; i++) {
                    p += Math.min(closest[i], candidateDistances[t * n + i]);
                }
                if (p < bestPotential) {
                    bestPotential = p;
                    best = t;
                }
            }
            for (int i = 0; i < n; i++) {
                closest[i] = Math.min(closest[i], candidateDistances[best * n + i]);
            }
            potential = bestPotential;
            System.arraycopy(x, picked[best] * d, centres, c * d, d);
        }
        return centres;
    }

    /** An index drawn with probability weight[i] / total; a zero total (all points on centres) draws uniformly. */
    private static int drawProportional(float[] weight, double total, SplittableRandom random) {
        if (!(total > 0)) {
            return random.nextInt(weight.length);
        }
        double u = random.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < weight.length; i++) {
            acc += weight[i];
            if (acc > u) {
                return i;
            }
        }
        // Rounding can leave u a hair above the running sum: take the last point with any weight.
        for (int i = weight.length - 1; i >= 0; i--) {
            if (weight[i] > 0) {
                return i;
            }
        }
        return weight.length - 1;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    /** Mean over features of the per-feature variance (population), scikit-learn's scale for tol. */
    static double meanVariance(float[] x, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - mean[j];
                total += diff * diff;
            }
        }
        return total / n / d;
    }
}
