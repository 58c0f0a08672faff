package org.aeworkbench.analysis.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weights against scikit-learn 1.2.1's {@code LogisticRegression(multi_class="multinomial",
 * solver="lbfgs", C=..., tol=1e-12)} on three Gaussian classes in 4-D (60 samples), from
 * src/test/resources/org/aeworkbench/analysis/probe/probe_reference.py. The products run in float,
 * whose rounding (about 1e-7 of each logit) ends the search once the gradient is near 1e-5, so the
 * weights agree to 1e-4 rather than to scikit-learn's double precision.
 */
class SoftmaxRegressionTest {

    private static final float[] X = {
        0.001f, 0.299f, -0.274f, -0.891f, -0.455f, -0.992f, 0.06f, 1.34f, -0.492f, -0.62f, 0.49f, 0.357f, 0.105f, -0.93f, -0.029f, 0.695f, -1.344f, -0.458f, -1.901f, -1.29f, -1.842f, -0.235f, -1.267f, 0.271f, 0.157f, -0.187f, -2.517f, -0.539f, -0.049f, 0.113f, -1.53f, -0.478f, -0.979f, -0.809f, 1.061f, -0.808f, -0.033f, 0.884f, -0.584f, -0.112f, 0.11f, 0.064f, -1.225f, 0.076f, 1.359f, -1.547f, 0.859f, 0.119f, -0.641f, 2.0f, 0.762f, -1.199f, 0.075f, 0.577f, -0.189f, 0.683f, -0.067f, 0.667f, 1.439f, -0.676f, 0.203f, -0.463f, 0.127f, -1.187f, -0.579f, -0.196f, 0.899f, 1.145f, -1.324f, -0.795f, 0.647f, -1.992f, -0.463f, -0.097f, 1.257f, 0.689f, -0.327f, -0.369f, -0.25f, 1.524f, 1.072f, 0.196f, -0.647f, -0.121f, 1.303f, -0.614f, -1.012f, -0.444f, 2.666f, 1.153f, -1.024f, 0.668f, 1.16f, 1.552f, -1.005f, 0.583f, 0.209f, 0.847f, -2.688f, -2.035f, 1.196f, -0.4f, -0.836f, 2.245f, 0.668f, -0.124f, -0.795f, 0.493f, 1.324f, 0.294f, -0.298f, 0.52f, 0.466f, 0.421f, -0.965f, -1.054f, 1.76f, -0.358f, -0.028f, 0.193f, 1.589f, -0.091f, -1.119f, -1.998f, 0.369f, 0.863f, -3.129f, 0.847f, -0.246f, 1.257f, -1.845f, 0.779f, 1.631f, -1.037f, 0.249f, 1.442f, 1.434f, 0.226f, -1.16f, -0.975f, 2.599f, -0.043f, -1.051f, -0.793f, 0.874f, -0.778f, 0.257f, -0.154f, 2.466f, 0.513f, -1.694f, -0.327f, 0.94f, 0.508f, -1.375f, -0.3f, 0.121f, -0.307f, 0.654f, -0.671f, -1.054f, 2.337f, 1.907f, -0.454f, -0.209f, 1.368f, -1.261f, 1.735f, -0.023f, 2.071f, -0.252f, 1.455f, -0.539f, 1.857f, -0.608f, -0.216f, 1.336f, 1.493f, 0.792f, 0.966f, -0.441f, 1.492f, 1.13f, 0.698f, -0.151f, 2.022f, 1.677f, 1.681f, 0.383f, 1.436f, -0.882f, 1.95f, 0.966f, 1.859f, 1.042f, 1.781f, 0.831f, 2.921f, 0.044f, 2.515f, -1.247f, 2.862f, 0.994f, 1.874f, 1.879f, 3.484f, -0.645f, -0.689f, 0.817f, 0.985f, 0.488f, 1.84f, -1.644f, -0.11f, 0.759f, 1.044f, -0.246f, 2.039f, -0.361f, -0.513f, -0.167f, 1.028f, -1.143f, 1.506f, -0.061f, 2.407f, -0.489f, 0.342f, -0.999f, 1.113f, 0.695f, 0.217f, 0.356f, 2.34f, 2.525f, -0.393f, 0.888f, 1.911f, 0.486f, -0.45f,
    };
    private static final int N = 60;
    private static final int D = 4;
    private static final Lbfgs.Settings TIGHT = new Lbfgs.Settings(2000, 1e-9, 0, 10);

    private static Compute compute;

    @BeforeAll
    static void open() {
        compute = Compute.create(Backend.JAVA, 1);
    }

    @AfterAll
    static void close() {
        compute.close();
    }

    private static int[] labels() {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i / 20;
        }
        return y;
    }

    private static double[] centred(double[] b) {
        double mean = 0;
        for (double v : b) {
            mean += v / b.length;
        }
        double[] c = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            c[i] = b[i] - mean;
        }
        return c;
    }

    @Test
    void weightsMatchScikitLearnAtC1() {
        SoftmaxRegression m = SoftmaxRegression.fit(compute.gemm(), X, N, D, labels(), 3, 1.0, TIGHT);
        assertTrue(m.fit().converged(), m.fit().toString());
        assertArrayEquals(new double[] {-0.8087508105549172, 1.3349541037963182, -0.5262032932414009, -0.9981757952846804,
            -0.568101156715629, 1.5662769520003088, 0.058586610028587394, -0.7083579059625956, 0.6497712959340081,
            -0.5928178776947863, -0.3755072156410682, 0.9683250933358545}, m.weights(), 1e-4);
        assertArrayEquals(new double[] {1.3541625878896795, -0.021270601277546285, -1.332891986612133}, centred(m.bias()), 1e-4);
        assertEquals(0.8833333333333333, m.accuracy(compute.gemm(), X, N, labels()), 1e-12);
    }

    @Test
    void weightsMatchScikitLearnUnderStrongRegularisation() {
        SoftmaxRegression m = SoftmaxRegression.fit(compute.gemm(), X, N, D, labels(), 3, 1 / 0.05, TIGHT);
        assertArrayEquals(new double[] {-0.30840581217728447, 0.42154386533550237, -0.11313805315821801,
            -0.34321046857953535, -0.17250477710467746, 0.5157152456842128, 0.06660969512174589, -0.2751374905265116,
            0.20852779540476568, -0.14418851490292106, -0.09651515883144585, 0.24070367373436688}, m.weights(), 1e-4);
        assertArrayEquals(new double[] {0.4093492578367683, -0.061720001266339586, -0.34762925657042876},
                centred(m.bias()), 1e-4);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        var f = new SoftmaxRegression.Objective(compute.gemm(), X, N, D, labels(), 3, 0.7);
        double[] theta = new double[D * 3 + 3];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < theta.length; i++) {
            theta[i] = r.nextDouble() - 0.5;
        }
        double[] g = new double[theta.length];
        f.valueAndGradient(theta, g);
        double h = 1e-3;
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (f.valueAndGradient(plus, new double[theta.length])
                    - f.valueAndGradient(minus, new double[theta.length])) / (2 * h);
            assertEquals(numeric, g[i], 1e-5, "component " + i);
        }
    }

    @Test
    void lbfgsFindsTheRosenbrockMinimum() {
        Lbfgs.Result r = Lbfgs.minimise((p, g) -> {
            double a = 1 - p[0];
            double b = p[1] - p[0] * p[0];
            g[0] = -2 * a - 400 * p[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }, new double[] {-1.2, 1}, new Lbfgs.Settings(500, 1e-10, 0, 5));
        assertTrue(r.converged());
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-8);
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SoftmaxRegression.fit(compute.gemm(), new float[] {1, 2}, 2, 1, new int[] {0, 3}, 2, 1, TIGHT));
    }
}
