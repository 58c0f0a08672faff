package org.aeworkbench.ui.reconstructions;

import java.util.SplittableRandom;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Corrupts samples for the denoising display, following {@link NoiseSpec}'s definitions
 * (Vincent et al. 2008): masking zeroes a fraction of the values, gaussian adds N(0, level^2),
 * salt-and-pepper sets a fraction to 0 or 1, patch blanks a square covering about {@code level}
 * of an image; values are clipped to [0, 1] when the spec says so. Seeded, so the same slider
 * position shows the same corruption.
 */
final class Corruption {

    private Corruption() {
    }

    static float[] apply(float[] x, int n, Shape shape, NoiseSpec.Kind kind, double level, boolean clip, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = shape.size();
        float[] out = x.clone();
        for (int s = 0; s < n; s++) {
            int off = s * d;
            switch (kind) {
                case MASKING -> {
                    for (int i = 0; i < d; i++) {
                        if (random.nextDouble() < level) {
                            out[off + i] = 0f;
                        }
                    }
                }
                case GAUSSIAN -> {
                    for (int i = 0; i < d; i++) {
                        out[off + i] += (float) (level * gaussian(random));
                    }
                }
                case SALT_AND_PEPPER -> {
                    for (int i = 0; i < d; i++) {
                        if (random.nextDouble() < level) {
                            out[off + i] = random.nextBoolean() ? 1f : 0f;
                        }
                    }
                }
                case PATCH -> patch(out, off, shape, level, random);
            }
            if (clip) {
                for (int i = 0; i < d; i++) {
                    out[off + i] = Math.max(0f, Math.min(1f, out[off + i]));
                }
            }
        }
        return out;
    }

    private static void patch(float[] out, int off, Shape shape, double level, SplittableRandom random) {
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        int side = (int) Math.round(Math.sqrt(level * h * w));
        if (side < 1 || shape.isVector()) {
            return;
        }
        int top = random.nextInt(Math.max(1, h - side + 1));
        int left = random.nextInt(Math.max(1, w - side + 1));
        for (int y = top; y < Math.min(h, top + side); y++) {
            for (int x = left; x < Math.min(w, left + side); x++) {
                for (int ch = 0; ch < c; ch++) {
                    out[off + (y * w + x) * c + ch] = 0f;
                }
            }
        }
    }

    /** Box-Muller; one draw per call keeps the stream simple. */
    private static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
