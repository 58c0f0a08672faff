package org.aeworkbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    /**
     * Points on the ellipse (2 cos t, sin t) at jittered angles t, labelled by quadrant. A one-number code can hold
     * them exactly (the angle t), which a line cannot: PCA at k = 1 keeps the long axis, loses
     * the short one's variance (1/2 per sample) and folds quadrant I onto IV and II onto III.
     */
    private static Dataset ellipse(int n, long seed, String name) {
        Random random = new Random(seed);
        float[] values = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            // A jittered grid: even coverage (so the variances are close to their limits) without mirror-image ties.
            double t = 2 * Math.PI * (i + random.nextDouble()) / n;
            values[2 * i] = (float) (2 * Math.cos(t));
            values[2 * i + 1] = (float) Math.sin(t);
            labels[i] = (int) (t / (Math.PI / 2));
        }
        return new Dataset(name, Shape.vector(2), values, labels, List.of("I", "II", "III", "IV"), "test");
    }

    /** The ideal non-linear codec for the ellipse: code = angle, decode = (2 cos, sin). */
    private static final Codec ANGLE = new Codec() {
        @Override
        public float[] encode(float[] x, int n) {
            float[] z = new float[n];
            for (int i = 0; i < n; i++) {
                z[i] = (float) Math.atan2(x[2 * i + 1], x[2 * i] / 2);
            }
            return z;
        }

        @Override
        public float[] reconstruct(float[] x, int n) {
            float[] z = encode(x, n);
            float[] out = new float[2 * n];
            for (int i = 0; i < n; i++) {
                out[2 * i] = (float) (2 * Math.cos(z[i]));
                out[2 * i + 1] = (float) Math.sin(z[i]);
            }
            return out;
        }

        @Override
        public int codeSize() {
            return 1;
        }
    };

    @Test
    void aNonLinearCodeBeatsPcaOnTheEllipse() {
        Dataset train = ellipse(400, 1, "train");
        Dataset test = ellipse(200, 2, "test");
        Comparison c = Comparison.of(CodecOutputs.of("autoencoder", ANGLE, train, test, 0), train, test);
        assertEquals(1, c.codeSize());
        assertEquals(0.0, c.autoencoder().reconError(), 1e-12);
        // Uniform angles: the dropped axis carries variance 1/2, all of it lost; the kept one 2 of 2.5.
        assertEquals(0.5, c.pca().reconError(), 0.01);
        assertEquals(0.25, c.pca().perFeatureError(), 0.005);
        assertEquals(0.8, c.pca().explainedVariance(), 0.01);
        assertTrue(Double.isNaN(c.autoencoder().explainedVariance()));
        // The angle orders the quadrants; only points near a boundary can be outvoted.
        assertTrue(c.autoencoder().knnAccuracy() > 0.97, "AE kNN " + c.autoencoder().knnAccuracy());
        // One axis folds each quadrant onto its mirror image: about half the votes go wrong.
        assertTrue(c.pca().knnAccuracy() < 0.6, "PCA kNN " + c.pca().knnAccuracy());
        assertTrue(c.autoencoder().trustworthiness() > c.pca().trustworthiness(),
                c.autoencoder().trustworthiness() + " vs " + c.pca().trustworthiness());
        assertEquals(200, c.trustworthinessPoints());
    }

    @Test
    void pcaScoredAsAnAutoencoderScoresExactlyLikeThePcaBaseline() {
        int d = 6;
        float[] all = PcaTest.correlatedData(500, d, 31);
        int[] labels = new int[500];
        for (int i = 0; i < 500; i++) {
            labels[i] = all[i * d + 1] > all[i * d + 2] ? 1 : 0;
        }
        Dataset data = new Dataset("mix", Shape.vector(d), all, labels, List.of("a", "b"), "test");
        Dataset train = data.subset(range(0, 350), "train");
        Dataset test = data.subset(range(350, 500), "test");
        Comparison.Settings settings = new Comparison.Settings(5, 5, 100, 2, 7, 2);
        PcaBaseline baseline = PcaBaseline.fit(train, test, 2, 1);
        CodecOutputs same = CodecOutputs.of("autoencoder", baseline.pca(), train, test, 0);
        Comparison c = Comparison.of(same, baseline, train, test, settings);
        assertEquals(c.pca().reconError(), c.autoencoder().reconError(), 0.0);
        assertEquals(c.pca().knnAccuracy(), c.autoencoder().knnAccuracy(), 0.0);
        assertEquals(c.pca().trustworthiness(), c.autoencoder().trustworthiness(), 0.0);
        assertEquals(100, c.trustworthinessPoints());
        // And the numbers are the ones the measures give directly.
        Pca pca = Pca.fit(train.values(), 350, d, 2);
        assertEquals(pca.reconstructionError(test.values(), 150).meanSummedSquaredError(), c.pca().reconError(), 1e-12);
        assertEquals(KnnAccuracy.of(pca.transform(train.values(), 350), train.labels(), 350,
                pca.transform(test.values(), 150), test.labels(), 150, 2), c.pca().knnAccuracy(), 0.0);
        assertEquals(pca.keptVarianceRatio(), c.pca().explainedVariance(), 1e-15);
    }

    @Test
    void wideCodesSkipTheNeighbourMeasuresByDefault() {
        int d = 6;
        Dataset data = new Dataset("mix", Shape.vector(d), PcaTest.correlatedData(100, d, 3), null, List.of(), "test");
        Dataset train = data.subset(range(0, 70), "train");
        Dataset test = data.subset(range(70, 100), "test");
        PcaBaseline baseline = PcaBaseline.fit(train, test, 3, 1);
        Comparison c = Comparison.of(CodecOutputs.of("autoencoder", baseline.pca(), train, test, 0), train, test);
        assertTrue(Double.isNaN(c.autoencoder().knnAccuracy()));
        assertTrue(Double.isNaN(c.pca().trustworthiness()));
        assertEquals(0, c.trustworthinessPoints());
    }

    @Test
    void codeSizesMustMatch() {
        Dataset train = ellipse(40, 3, "train");
        Dataset test = ellipse(20, 4, "test");
        PcaBaseline twoComponents = PcaBaseline.fit(train, test, 2, 1);
        CodecOutputs ae = CodecOutputs.of("autoencoder", ANGLE, train, test, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.of(ae, twoComponents, train, test, Comparison.Settings.defaults()));
        assertTrue(e.getMessage().contains("compare at equal code size"), e.getMessage());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
