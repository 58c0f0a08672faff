package org.aeworkbench.engine.core;

import java.util.Locale;

/**
 * What this JVM's heap can still hold, so that data and models too large for it are refused
 * with a sentence before anything is allocated, instead of an {@link OutOfMemoryError} that takes
 * the program down. One rule for data sets and designs alike.
 */
public final class Heap {

    /** Java arrays cannot hold more elements than this (HotSpot keeps a few words for the header). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private Heap() {
    }

    /** Bytes a new allocation may take: 3/4 of what the heap can still grow to, leaving room to work. */
    public static long availableBytes() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return (rt.maxMemory() - used) / 4 * 3;
    }

    /**
     * {@link #availableBytes()}, measured again after a garbage collection when {@code bytes} do
     * not fit: what is in use counts garbage not yet collected, and a design or data set that fits
     * once it is collected must not be refused.
     */
    public static long availableFor(long bytes) {
        long available = availableBytes();
        if (bytes > available) {
            System.gc();
            available = availableBytes();
        }
        return available;
    }

    /** The {@code -Xmx} (whole gigabytes) at which {@link #availableBytes()} would cover {@code bytes}. */
    public static long gigabytesFor(long bytes) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long heap = used + bytes / 3 * 4 + 4;
        return (heap + (1L << 30) - 1) >> 30;
    }

    /** Whole megabytes, rounded up. */
    public static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** "1,907 MB" */
    public static String describe(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", megabytes(bytes));
    }
}
