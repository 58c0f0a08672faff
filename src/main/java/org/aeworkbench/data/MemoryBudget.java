package org.aeworkbench.data;

/**
 * Refuses, before allocating, a data set that would not fit in this JVM's heap, so a huge or
 * corrupt file gives a message instead of an OutOfMemoryError that takes the application down.
 */
final class MemoryBudget {

    /** Java arrays cannot hold more elements than this. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private MemoryBudget() {
    }

    /** Bytes the data may take: 3/4 of what the heap can still grow to, leaving room to work. */
    static long availableBytes() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return (rt.maxMemory() - used) / 4 * 3;
    }

    /** Throws unless {@code count} floats fit in one array and in the heap. */
    static void checkFloats(long count, String file) {
        if (count < 0 || count > MAX_ARRAY) {
            throw new DataException(file + ": claims " + count + " values, more than one Java array"
                    + " can hold (" + MAX_ARRAY + "); the file is corrupt or too large, load a subset of it");
        }
        long bytes = count * Float.BYTES;
        long available = availableBytes();
        if (bytes > available) {
            throw new DataException(file + ": needs " + megabytes(bytes) + " MB as floats but only "
                    + megabytes(available) + " MB of memory is free; start Java with -Xmx"
                    + heapGigabytesFor(bytes) + "g or more, or load a subset of the file");
        }
    }

    /** The -Xmx (whole gigabytes) at which {@link #availableBytes()} would cover {@code bytes}. */
    static long heapGigabytesFor(long bytes) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long heap = used + bytes / 3 * 4 + 4;
        return (heap + (1L << 30) - 1) >> 30;
    }

    static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
