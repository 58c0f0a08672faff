package org.aeworkbench.engine.variant;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;

import org.aeworkbench.engine.tensor.Shape;

/**
 * The corruption processes of denoising autoencoders (Vincent et al., "Extracting and Composing
 * Robust Features with Denoising Autoencoders", ICML 2008; Vincent et al., JMLR 2010, section 4.2):
 * <ul>
 *   <li>masking: each value is set to 0 with probability {@code level};</li>
 *   <li>gaussian: {@code x + N(0, level^2)} on every value;</li>
 *   <li>salt-and-pepper: each value is, with probability {@code level}, replaced by 0 or 1 with equal odds;</li>
 *   <li>patch: per image, a square of side {@code round(sqrt(level) * min(H, W))} at a uniform random
 *       position is blanked to 0 in every channel, so it covers about {@code level} of a square image
 *       (inpainting, as in Pathak et al. 2016's context encoders).</li>
 * </ul>
 * Optionally every corrupted value is clipped to [0, 1].
 *
 * <p>Each sample gets its own stream, split from the caller's in sample order, so samples can be
 * corrupted in parallel and the result depends only on the caller's stream, not on the thread count.
 */
public final class Corruption {

    private Corruption() {
    }

    /** A corrupted copy of {@code n} samples of {@code x}, e.g. for a before/after view. */
    public static float[] apply(Noise noise, Shape shape, float[] x, int n, SplittableRandom random) {
        float[] out = new float[n * shape.size()];
        SplittableRandom[] streams = split(random, n, null);
        corruptRows(noise, shape, x, out, streams, 0, n);
        return out;
    }

    /** Writes the corruption of {@code n} samples of {@code x} into {@code out}, samples split over threads. */
    static SplittableRandom[] apply(Compute compute, Noise noise, Shape shape, float[] x, float[] out, int n,
                                    SplittableRandom random, SplittableRandom[] scratch) {
        SplittableRandom[] streams = split(random, n, scratch);
        compute.parallelRows(n, shape.size(), (r0, r1) -> corruptRows(noise, shape, x, out, streams, r0, r1));
        return streams;
    }

    private static SplittableRandom[] split(SplittableRandom random, int n, SplittableRandom[] scratch) {
        SplittableRandom[] streams = scratch != null && scratch.length >= n ? scratch : new SplittableRandom[n];
        for (int s = 0; s < n; s++) {
            streams[s] = random.split();
        }
        return streams;
    }

    /** Side of the blanked square for an image of {@code shape} at rate {@code level}. */
    public static int patchSide(Shape shape, double level) {
        int small = Math.min(shape.height(), shape.width());
        return (int) Math.min(small, Math.max(0, Math.round(Math.sqrt(level) * small)));
    }

    private static void corruptRows(Noise noise, Shape shape, float[] x, float[] out, SplittableRandom[] streams,
                                    int r0, int r1) {
        int size = shape.size();
        double level = noise.level();
        for (int s = r0; s < r1; s++) {
            SplittableRandom random = streams[s];
            int from = s * size;
            int to = from + size;
            switch (noise.kind()) {
                case MASKING -> {
                    for (int i = from; i < to; i++) {
                        out[i] = random.nextDouble() < level ? 0f : x[i];
                    }
                }
                case GAUSSIAN -> {
                    for (int i = from; i < to; i++) {
                        out[i] = (float) (x[i] + level * random.nextGaussian());
                    }
                }
                case SALT_AND_PEPPER -> {
                    double half = level / 2;
                    for (int i = from; i < to; i++) {
                        double u = random.nextDouble();
                        out[i] = u >= level ? x[i] : u < half ? 0f : 1f;
                    }
                }
                case PATCH -> patch(shape, x, out, from, level, random);
            }
            if (noise.clip()) {
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(1f, Math.max(0f, out[i]));
                }
            }
        }
    }

    private static void patch(Shape shape, float[] x, float[] out, int from, double level, SplittableRandom random) {
        if (shape.isVector()) {
            throw new IllegalArgumentException("patch corruption blanks a square of an image, but samples of shape "
                    + shape + " are not image-shaped: use masking noise");
        }
        int w = shape.width();
        int c = shape.channels();
        int side = patchSide(shape, level);
        System.arraycopy(x, from, out, from, shape.size());
        int top = random.nextInt(shape.height() - side + 1);
        int left = random.nextInt(w - side + 1);
        for (int row = top; row < top + side; row++) {
            int start = from + (row * w + left) * c;
            Arrays.fill(out, start, start + side * c, 0f);
        }
    }
}
