package org.aeworkbench.engine.conv;

/**
 * Convolution and transposed convolution written straight from their definitions, one output
 * (or one input) at a time, with explicit padding offsets: the independent reference the lowered
 * GEMM versions are compared with. Slow, and meant to be.
 */
final class DirectConvolution {

    private DirectConvolution() {
    }

    /**
     * y[oy, ox, f] = b[f] + sum over ky, kx, c of x[oy s - pt + ky, ox s - pl + kx, c] w[ky, kx, c, f],
     * for one sample of h x w x c.
     */
    static float[] conv(float[] x, int h, int w, int c, float[] weight, float[] bias, int f, int k, int s,
                        int padTop, int padLeft, int outH, int outW) {
        float[] y = new float[outH * outW * f];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int o = 0; o < f; o++) {
                    double sum = bias[o];
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = oy * s - padTop + ky;
                            int ix = ox * s - padLeft + kx;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                continue;
                            }
                            for (int ch = 0; ch < c; ch++) {
                                sum += (double) x[(iy * w + ix) * c + ch] * weight[((ky * k + kx) * c + ch) * f + o];
                            }
                        }
                    }
                    y[(oy * outW + ox) * f + o] = (float) sum;
                }
            }
        }
        return y;
    }

    /**
     * Transposed convolution by scattering: every input x[iy, ix, c] adds x w[ky, kx, f, c] to
     * y[iy s - pt + ky, ix s - pl + kx, f] where that lies inside the outH x outW output.
     */
    static float[] transposed(float[] x, int h, int w, int c, float[] weight, float[] bias, int f, int k, int s,
                              int padTop, int padLeft, int outH, int outW) {
        double[] y = new double[outH * outW * f];
        for (int iy = 0; iy < h; iy++) {
            for (int ix = 0; ix < w; ix++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int oy = iy * s - padTop + ky;
                        int ox = ix * s - padLeft + kx;
                        if (oy < 0 || oy >= outH || ox < 0 || ox >= outW) {
                            continue;
                        }
                        for (int o = 0; o < f; o++) {
                            for (int ch = 0; ch < c; ch++) {
                                y[(oy * outW + ox) * f + o] += (double) x[(iy * w + ix) * c + ch]
                                        * weight[((ky * k + kx) * f + o) * c + ch];
                            }
                        }
                    }
                }
            }
        }
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) (y[i] + bias[i % f]);
        }
        return out;
    }
}
