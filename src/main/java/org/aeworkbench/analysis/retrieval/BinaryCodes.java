package org.aeworkbench.analysis.retrieval;

import java.util.Arrays;

/**
 * Binary codes of up to 64 bits, one {@code long} per item: bit j of item i is set when the
 * item's j-th code value is on. Hamming distance is then one XOR and one popcount
 * ({@link Long#bitCount}, a single instruction where the processor has it).
 *
 * @param bits  code length b, 1 to 64
 * @param words one word per item; bits above b are zero
 */
public record BinaryCodes(int bits, long[] words) {

    /** The widest code one word holds. */
    public static final int MAX_BITS = 64;

    public BinaryCodes {
        checkBits(bits);
        if (words == null) {
            throw new IllegalArgumentException("binary codes need their words");
        }
    }

    /** Refuses a code length outside 1..64 with a message that says what to give. */
    public static void checkBits(int bits) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be between 1 and " + MAX_BITS + ", got " + bits);
        }
    }

    /**
     * Codes of n items from real values: bit j is set when value j is above {@code threshold}
     * (0.5 for a sigmoid code, 0 for signed projections).
     *
     * @param values n x bits, row-major
     */
    public static BinaryCodes above(float[] values, int n, int bits, float threshold) {
        checkBits(bits);
        if ((long) n * bits != values.length) {
            throw new IllegalArgumentException(values.length + " values do not make " + n + " codes of " + bits + " bits");
        }
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            long w = 0;
            for (int j = 0; j < bits; j++) {
                if (values[i * bits + j] > threshold) {
                    w |= 1L << j;
                }
            }
            words[i] = w;
        }
        return new BinaryCodes(bits, words);
    }

    /** Number of items. */
    public int size() {
        return words.length;
    }

    /** Whether bit j of item i is set. */
    public boolean bit(int item, int j) {
        return (words[item] >>> j & 1L) != 0;
    }

    /** The codes of the items at {@code indices}, in that order. */
    public BinaryCodes subset(int[] indices) {
        long[] w = new long[indices.length];
        for (int r = 0; r < indices.length; r++) {
            w[r] = words[indices[r]];
        }
        return new BinaryCodes(bits, w);
    }

    /** Number of bits in which two codes differ. */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Share of items with bit j set, per bit: a bit always on or always off carries nothing. */
    public double[] bitBalance() {
        double[] on = new double[bits];
        for (long w : words) {
            for (int j = 0; j < bits; j++) {
                on[j] += w >>> j & 1L;
            }
        }
        for (int j = 0; j < bits; j++) {
            on[j] /= Math.max(1, words.length);
        }
        return on;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryCodes other && other.bits == bits && Arrays.equals(other.words, words);
    }

    @Override
    public int hashCode() {
        return 31 * bits + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return words.length + " codes of " + bits + " bits";
    }
}
