package org.aeworkbench.ui.common;

import java.util.Locale;

/** How numbers read in the UI: grouped counts, short losses, durations. */
public final class Formats {

    private Formats() {
    }

    /** 1234567 as "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A loss or error with four significant digits. */
    public static String loss(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "\u2014" : "\u221e";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.4f", v);
    }

    /**
     * A data value as a table shows it, to two decimals ("0.97", "-1.25", "145.20"; a value that
     * rounds to zero reads "0.00", never "-0.00" or "5.6e-06"), and in powers of ten from 10,000.
     */
    public static String value(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "\u2014" : "\u221e";
        }
        if (Math.abs(v) >= 1e4) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    /** A fraction in [0, 1] as a percentage with one decimal. */
    public static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "\u2014";
    }

    /** Seconds as "42 s", "3 min 05 s", "1 h 02 min". */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "\u2014";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Samples per second, rounded to a readable figure. */
    public static String rate(double perSecond) {
        if (!Double.isFinite(perSecond) || perSecond <= 0) {
            return "\u2014";
        }
        return String.format(Locale.ROOT, "%,.0f samples/s", perSecond);
    }
}
