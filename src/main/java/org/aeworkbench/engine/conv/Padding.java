package org.aeworkbench.engine.conv;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a sliding window treats the border, per spatial dimension of length n, kernel k, stride s.
 * The rules are TensorFlow's ({@code tf.nn.conv2d}), which the Keras designs we reproduce use:
 * <ul>
 *   <li>"valid": no padding; out = floor((n - k) / s) + 1, so the kernel must fit (n &gt;= k).</li>
 *   <li>"same": out = ceil(n / s), zero-padded by max((out - 1) s + k - n, 0) in total, the odd
 *       element going after (bottom, right).</li>
 *   <li>an explicit p: p zeros on each side (PyTorch's {@code padding=p}); out = floor((n + 2p - k) / s) + 1.</li>
 * </ul>
 * In JSON it is written {@code "same"}, {@code "valid"} or a number of pixels.
 *
 * @param kind   same, valid or explicit
 * @param pixels zeros on each side for explicit padding, else 0
 */
public record Padding(Kind kind, int pixels) {

    public enum Kind { SAME, VALID, EXPLICIT }

    public static final Padding SAME = new Padding(Kind.SAME, 0);
    public static final Padding VALID = new Padding(Kind.VALID, 0);

    public Padding {
        if (kind == null) {
            throw new IllegalArgumentException("padding is missing: use \"same\", \"valid\" or a number of pixels");
        }
        if (kind != Kind.EXPLICIT) {
            pixels = 0;
        } else if (pixels < 0) {
            throw new IllegalArgumentException("padding cannot be negative, was " + pixels);
        }
    }

    /** {@code p} zeros on each side. */
    public static Padding of(int p) {
        return new Padding(Kind.EXPLICIT, p);
    }

    /** Parses "same", "valid" or a whole number, as written in a model spec. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Padding parse(Object value) {
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("padding " + n + " is not a whole number of pixels");
            }
            return of(n.intValue());
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "same":
                return SAME;
            case "valid":
                return VALID;
            default:
                try {
                    return of(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown padding '" + value
                            + "': use \"same\", \"valid\" or a number of pixels");
                }
        }
    }

    /** "same", "valid", or the number of pixels. */
    @JsonValue
    public Object json() {
        return kind == Kind.EXPLICIT ? (Object) pixels : toString();
    }

    @Override
    public String toString() {
        return kind == Kind.EXPLICIT ? Integer.toString(pixels) : kind.name().toLowerCase(Locale.ROOT);
    }

    /** Output length along a dimension of length n, or a value below 1 when the window cannot fit. */
    public int outputLength(int n, int k, int s) {
        return switch (kind) {
            case SAME -> (n + s - 1) / s;
            case VALID -> n >= k ? (n - k) / s + 1 : 0;
            case EXPLICIT -> n + 2 * pixels >= k ? (n + 2 * pixels - k) / s + 1 : 0;
        };
    }

    /** Zeros before the first element (top or left) along a dimension of length n. */
    public int before(int n, int k, int s) {
        return switch (kind) {
            case SAME -> Math.max((outputLength(n, k, s) - 1) * s + k - n, 0) / 2;
            case VALID -> 0;
            case EXPLICIT -> pixels;
        };
    }

    /**
     * Length of a transposed convolution's output for an input of length n: the largest length
     * whose convolution by this padding gives back n (Keras's {@code deconv_output_length}).
     */
    public int transposedLength(int n, int k, int s) {
        return switch (kind) {
            case SAME -> n * s;
            case VALID -> n * s + Math.max(k - s, 0);
            case EXPLICIT -> (n - 1) * s + k - 2 * pixels;
        };
    }
}
