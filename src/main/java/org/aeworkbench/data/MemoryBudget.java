package org.aeworkbench.data;

import org.aeworkbench.engine.core.Heap;

/**
 * Refuses, before allocating, a data set that would not fit in this JVM's heap, so a huge or
 * corrupt file gives a message instead of an OutOfMemoryError that takes the application down.
 */
final class MemoryBudget {

    private MemoryBudget() {
    }

    /** Throws unless {@code count} floats fit in one array and in the heap. */
    static void checkFloats(long count, String file) {
        if (count < 0 || count > Heap.MAX_ARRAY) {
            throw new DataException(file + ": claims " + count + " values, more than one Java array"
                    + " can hold (" + Heap.MAX_ARRAY + "); the file is corrupt or too large, load a subset of it");
        }
        long bytes = count * Float.BYTES;
        long available = Heap.availableBytes();
        if (bytes > available) {
            throw new DataException(file + ": needs " + Heap.megabytes(bytes) + " MB as floats but only "
                    + Heap.megabytes(available) + " MB of memory is free; start Java with -Xmx"
                    + Heap.gigabytesFor(bytes) + "g or more, or load a subset of the file");
        }
    }
}
