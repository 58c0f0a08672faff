package org.aeworkbench.engine.blas;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner loop of {@link VectorGemm}: an {@link #MR} x {@link #NR} block of C
 * held in vector accumulators while k runs, one broadcast element of A times one row of two
 * vectors of B per row and step (the BLIS micro-kernel: Van Zee and van de Geijn, "BLIS: A
 * Framework for Rapidly Instantiating BLAS Functionality", ACM TOMS 41(3), 2015). Products with
 * at most {@link #L} columns use a one-vector-wide tile instead, which wastes half as many lanes.
 *
 * <p>The accumulators are named locals rather than an array, and the update of C is written out
 * rather than in a helper: C2 keeps named vector locals in registers, but boxes vectors it cannot
 * prove stay local, and it declined to inline a helper called once after the loop (ten times
 * slower). Shapes measured in L1 on AVX-512 (16 lanes, 32 registers): 8 x 32, 6 x 32, 12 x 32,
 * 8 x 48 and 6 x 64 all ran at 150-175 GFLOP/s, 14 x 32 spilled (85); 8 rows divide the engine's
 * batch blocks evenly. With 8 lanes (AVX2, 16 registers) sixteen accumulators spill, and 6 rows
 * (twelve accumulators) ran 1.6 times faster than 8.
 *
 * <p>Each element of C is a chain of fused multiply-adds over k in order, starting from zero, then
 * c += alpha acc rounded once, in every kernel here: its bits depend neither on where its tile
 * sits, nor on the tile's width, nor on whether the JIT has compiled the loop yet (the
 * interpreter's fma is fused too).
 */
final class GemmMicroKernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes of a vector, and the width of a narrow tile. */
    static final int L = S.length();
    /** Rows of C per tile: elements of A broadcast per step. */
    static final int MR = L >= 16 ? 8 : 6;
    /** Columns of C per wide tile: two vectors. */
    static final int NR = 2 * L;

    private GemmMicroKernel() {
    }

    /** Whether the preferred vectors are wide enough for this kernel to beat a plain loop. */
    static boolean worthwhile() {
        return L >= 8;
    }

    /**
     * C[0..MR)[0..width) += alpha * Ap Bp, where Ap is an MR x kc panel stored k-major (element
     * (i, p) at {@code ao + p * MR + i}) and Bp a kc x width panel stored k-major (element (p, j) at
     * {@code bo + p * width + j}), width being {@link #NR} or {@link #L}. The caller scales C by
     * beta first, as OpenBLAS does, so the kernel has one update.
     */
    static void multiply(int width, int kc, float[] ap, int ao, float[] bp, int bo, float alpha,
                         float[] c, int co, int ldc) {
        if (width == NR) {
            if (MR == 8) {
                eightRows(kc, ap, ao, bp, bo, alpha, c, co, ldc);
            } else {
                sixRows(kc, ap, ao, bp, bo, alpha, c, co, ldc);
            }
        } else if (MR == 8) {
            eightNarrowRows(kc, ap, ao, bp, bo, alpha, c, co, ldc);
        } else {
            sixNarrowRows(kc, ap, ao, bp, bo, alpha, c, co, ldc);
        }
    }

    private static void eightRows(int kc, float[] ap, int ao, float[] bp, int bo,
            float alpha, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int a = ao + p * 8;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * NR);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + p * NR + L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        c00.fma(av, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c01.fma(av, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        c10.fma(av, FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
        c11.fma(av, FloatVector.fromArray(S, c, co + ldc + L)).intoArray(c, co + ldc + L);
        c20.fma(av, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
        c21.fma(av, FloatVector.fromArray(S, c, co + 2 * ldc + L)).intoArray(c, co + 2 * ldc + L);
        c30.fma(av, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
        c31.fma(av, FloatVector.fromArray(S, c, co + 3 * ldc + L)).intoArray(c, co + 3 * ldc + L);
        c40.fma(av, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
        c41.fma(av, FloatVector.fromArray(S, c, co + 4 * ldc + L)).intoArray(c, co + 4 * ldc + L);
        c50.fma(av, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
        c51.fma(av, FloatVector.fromArray(S, c, co + 5 * ldc + L)).intoArray(c, co + 5 * ldc + L);
        c60.fma(av, FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
        c61.fma(av, FloatVector.fromArray(S, c, co + 6 * ldc + L)).intoArray(c, co + 6 * ldc + L);
        c70.fma(av, FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
        c71.fma(av, FloatVector.fromArray(S, c, co + 7 * ldc + L)).intoArray(c, co + 7 * ldc + L);
    }

    private static void sixRows(int kc, float[] ap, int ao, float[] bp, int bo,
            float alpha, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int a = ao + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * NR);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + p * NR + L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        c00.fma(av, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c01.fma(av, FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        c10.fma(av, FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
        c11.fma(av, FloatVector.fromArray(S, c, co + ldc + L)).intoArray(c, co + ldc + L);
        c20.fma(av, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
        c21.fma(av, FloatVector.fromArray(S, c, co + 2 * ldc + L)).intoArray(c, co + 2 * ldc + L);
        c30.fma(av, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
        c31.fma(av, FloatVector.fromArray(S, c, co + 3 * ldc + L)).intoArray(c, co + 3 * ldc + L);
        c40.fma(av, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
        c41.fma(av, FloatVector.fromArray(S, c, co + 4 * ldc + L)).intoArray(c, co + 4 * ldc + L);
        c50.fma(av, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
        c51.fma(av, FloatVector.fromArray(S, c, co + 5 * ldc + L)).intoArray(c, co + 5 * ldc + L);
    }

    private static void eightNarrowRows(int kc, float[] ap, int ao, float[] bp, int bo,
            float alpha, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int a = ao + p * 8;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(x, c00);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = b0.fma(x, c10);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = b0.fma(x, c20);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = b0.fma(x, c30);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = b0.fma(x, c40);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = b0.fma(x, c50);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = b0.fma(x, c60);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = b0.fma(x, c70);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        c00.fma(av, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c10.fma(av, FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
        c20.fma(av, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
        c30.fma(av, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
        c40.fma(av, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
        c50.fma(av, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
        c60.fma(av, FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
        c70.fma(av, FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
    }

    private static void sixNarrowRows(int kc, float[] ap, int ao, float[] bp, int bo,
            float alpha, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int a = ao + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(x, c00);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = b0.fma(x, c10);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = b0.fma(x, c20);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = b0.fma(x, c30);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = b0.fma(x, c40);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = b0.fma(x, c50);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        c00.fma(av, FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c10.fma(av, FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
        c20.fma(av, FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
        c30.fma(av, FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
        c40.fma(av, FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
        c50.fma(av, FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
    }
}
