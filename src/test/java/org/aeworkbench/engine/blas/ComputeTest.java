package org.aeworkbench.engine.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComputeTest {

    @Test
    void openBlasThreadsItselfUnlessAskedToSplitByRows() {
        assumeTrue(System.getenv("OPENBLAS_NUM_THREADS") == null, "the user chose OpenBLAS's threads");
        try (Compute compute = Compute.create(Backend.NATIVE, 2)) {
            assumeTrue(compute.description().contains("OpenBLAS"), "no OpenBLAS here: " + compute.description());
            assertTrue(!compute.description().contains("rows split"), compute.description());
        } catch (IllegalStateException noNativeBlas) {
            assumeTrue(false, noNativeBlas.getMessage());
        }
        System.setProperty(Compute.SPLIT_PROPERTY, "true");
        try (Compute split = Compute.create(Backend.NATIVE, 2)) {
            assertTrue(split.description().contains("rows split over 2 threads"), split.description());
        } finally {
            System.clearProperty(Compute.SPLIT_PROPERTY);
            OpenBlasThreads.release();
        }
    }

    /**
     * The native library is named by what it says of itself (OpenBLAS's own configuration string),
     * found through the library netlib loaded, not through a path.
     */
    @Test
    void nativeBlasIsNamedByTheLibraryNetlibLoaded() {
        try (Compute compute = Compute.create(Backend.NATIVE, 1)) {
            boolean openBlas = NativeBlasLibrary.isOpenBlas();
            assertEquals(openBlas, compute.description().contains("OpenBLAS 0."), compute.description());
            if (openBlas) {
                assertTrue(NativeBlasLibrary.threads() >= 1);
            }
        } catch (IllegalStateException noNativeBlas) {
            assumeTrue(false, noNativeBlas.getMessage());
        }
    }

    /** Split or not, each element of C is one thread's full dot product over k. */
    @Test
    void aProductSplitByRowsEqualsTheWholeProduct() {
        int m = 203;
        int n = 67;
        int k = 129;
        SplittableRandom r = new SplittableRandom(5);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
        float[] whole = new float[m * n];
        float[] split = new float[m * n];
        try (Compute one = Compute.create(Backend.AUTO, 1); Compute two = Compute.create(Backend.AUTO, 2)) {
            for (boolean transA : new boolean[] {false, true}) {
                float[] op = transA ? transpose(a, m, k) : a;
                one.gemm().sgemm(transA, false, m, n, k, 1f, op, b, 0f, whole);
                two.gemm().sgemm(transA, false, m, n, k, 1f, op, b, 0f, split);
                for (int i = 0; i < whole.length; i++) {
                    assertEquals(whole[i], split[i], 1e-4f * (1 + Math.abs(whole[i])),
                            two.description() + ", transA " + transA + ", element " + i);
                }
            }
        }
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    @Test
    void theThreadCountIsSpelledForOneAndForMany() {
        try (Compute one = Compute.create(Backend.EJML, 1); Compute two = Compute.create(Backend.EJML, 2)) {
            assertTrue(one.description().endsWith(", 1 thread"), one.description());
            assertTrue(two.description().endsWith("2 threads"), two.description());
        }
    }
}
