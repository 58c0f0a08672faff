package org.aeworkbench.engine.variant;

import java.util.SplittableRandom;
import org.aeworkbench.engine.model.NoiseSpec;
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
 * Optionally every corrupted value is clipped to [0, 1]. Random numbers are drawn in sample then
 * feature order, one per value (patch: two per sample), so a given stream always yields the same
 * corruption.
 */
public final class Corruption {

    private Corruption() {
    }

    /** A corrupted copy of {@code n} samples of {@code x}, e.g. for a before/after view. */
    public static float[] apply(NoiseSpec noise, Shape shape, float[] x, int n, SplittableRandom random) {
        float[] out = new float[n * shape.size()];
        apply(noise, shape, x, out, n, random);
        return out;
    }

    /** Writes the corruption of {@code n} samples of {@code x} into {@code out} (which may not be x). */
    static void apply(NoiseSpec noise, Shape shape, float[] x, float[] out, int n, SplittableRandom random) {
        int count = n * shape.size();
        double level = noise.level();
        switch (noise.kind()) {
            case MASKING -> {
                for (int i = 0; i < count; i++) {
                    out[i] = random.nextDouble() < level ? 0f : x[i];
                }
            }
            case GAUSSIAN -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) (x[i] + level * random.nextGaussian());
                }
            }
            case SALT_AND_PEPPER -> {
                double half = level / 2;
                for (int i = 0; i < count; i++) {
                    double u = random.nextDouble();
                    out[i] = u >= level ? x[i] : u < half ? 0f : 1f;
                }
            }
            case PATCH -> patch(shape, x, out, n, level, random);
        }
        if (noise.clip()) {
            for (int i = 0; i < count; i++) {
                out[i] = Math.min(1f, Math.max(0f, out[i]));
            }
        }
    }

    /** Side of the blanked square for an image of {@code shape} at rate {@code level}. */
    public static int patchSide(Shape shape, double level) {
        int small = Math.min(shape.height(), shape.width());
        return (int) Math.min(small, Math.max(0, Math.round(Math.sqrt(level) * small)));
    }

    private static void patch(Shape shape, float[] x, float[] out, int n, double level, SplittableRandom random) {
        if (shape.isVector()) {
            throw new IllegalArgumentException("patch corruption blanks a square of an image, but samples of shape "
                    + shape + " are not image-shaped: use masking noise");
        }
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        int size = shape.size();
        int side = patchSide(shape, level);
        System.arraycopy(x, 0, out, 0, n * size);
        for (int s = 0; s < n; s++) {
            int top = random.nextInt(h - side + 1);
            int left = random.nextInt(w - side + 1);
            for (int row = top; row < top + side; row++) {
                int from = s * size + (row * w + left) * c;
                java.util.Arrays.fill(out, from, from + side * c, 0f);
            }
        }
    }
}
