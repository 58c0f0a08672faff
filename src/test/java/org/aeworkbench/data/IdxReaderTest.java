package org.aeworkbench.data;

import static org.aeworkbench.data.TestFiles.concat;
import static org.aeworkbench.data.TestFiles.gzip;
import static org.aeworkbench.data.TestFiles.allocatedBytes;
import static org.aeworkbench.data.TestFiles.idxHeader;
import static org.aeworkbench.data.TestFiles.sparse;
import static org.aeworkbench.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsUnsignedBytesAsTheirValues() {
        // Two 2x3 images; 0xff must read as 255, not -1.
        byte[] pixels = {0, 1, 2, 3, 4, (byte) 0xff, 10, 20, 30, 40, 50, (byte) 0x80};
        Path f = write(dir, "img-idx3-ubyte", concat(idxHeader(0x08, 2, 2, 3), pixels));
        NumericArray a = IdxReader.read(f);
        assertArrayEquals(new int[] {2, 2, 3}, a.dims());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 255, 10, 20, 30, 40, 50, 128}, a.values());
        Dataset d = DataSources.load(f.toString());
        assertEquals(Shape.image(2, 3, 1), d.sampleShape());
        assertEquals(2, d.samples());
    }

    @Test
    void readsGzippedFilesByContentNotName() {
        Path f = write(dir, "data.bin", gzip(concat(idxHeader(0x08, 1, 2), new byte[] {7, 9})));
        assertArrayEquals(new float[] {7, 9}, IdxReader.read(f).values());
    }

    @Test
    void readsEverySignedAndWideElementType() {
        assertArrayEquals(new float[] {-1, 127}, read(0x09, new byte[] {(byte) 0xff, 0x7f}));
        assertArrayEquals(new float[] {-2, 258},
                read(0x0B, ByteBuffer.allocate(4).putShort((short) -2).putShort((short) 258).array()));
        assertArrayEquals(new float[] {-70000, 16777216},
                read(0x0C, ByteBuffer.allocate(8).putInt(-70000).putInt(1 << 24).array()));
        assertArrayEquals(new float[] {0.5f, -3.25f},
                read(0x0D, ByteBuffer.allocate(8).putFloat(0.5f).putFloat(-3.25f).array()));
        assertArrayEquals(new float[] {1e-3f, 2.5f},
                read(0x0E, ByteBuffer.allocate(16).putDouble(1e-3).putDouble(2.5).array()));
    }

    private float[] read(int type, byte[] body) {
        return IdxReader.read(write(dir, "t" + type + ".idx", concat(idxHeader(type, 2), body))).values();
    }

    @Test
    void attachesIdxLabelsAndChecksTheirCount() {
        Path images = write(dir, "i-idx2-ubyte", concat(idxHeader(0x08, 3, 2), new byte[6]));
        Path labels = write(dir, "l-idx1-ubyte", concat(idxHeader(0x08, 3), new byte[] {2, 0, 2}));
        Dataset d = DataSources.load(images.toString(), LoadOptions.defaults().withLabels(labels));
        assertArrayEquals(new int[] {2, 0, 2}, d.labels());
        assertEquals(3, d.classNames().size());

        Path fewer = write(dir, "l2-idx1-ubyte", concat(idxHeader(0x08, 2), new byte[] {1, 0}));
        DataException e = assertThrows(DataException.class,
                () -> DataSources.load(images.toString(), LoadOptions.defaults().withLabels(fewer)));
        assertTrue(e.getMessage().contains("l2-idx1-ubyte") && e.getMessage().contains("2 labels")
                && e.getMessage().contains("3 samples"), e.getMessage());
    }

    @Test
    void truncatedFileNamesTheByteOffset() {
        // Header (16 bytes) promises 2x2x2 = 8 bytes; only 5 follow, so it ends at offset 21.
        Path f = write(dir, "cut-idx3-ubyte", concat(idxHeader(0x08, 2, 2, 2), new byte[5]));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset 21") && e.getMessage().contains("truncated"),
                e.getMessage());
    }

    @Test
    void absurdHeaderIsRefusedBeforeAllocating() {
        // 2^31-1 images of 28x28 would need 6 TB: refused from the header alone.
        Path f = write(dir, "huge-idx3-ubyte", concat(idxHeader(0x08, Integer.MAX_VALUE, 28, 28), new byte[10]));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("byte offset 4"),
                e.getMessage());
        // The same lie inside a gzip is caught by deflate's maximum ratio.
        Path g = write(dir, "huge.gz", gzip(concat(idxHeader(0x08, 1_000_000, 28, 28), new byte[10])));
        assertThrows(DataException.class, () -> IdxReader.read(g));
    }

    @Test
    void billionSampleFileIsRefusedBeforeAllocatingWithTheXmxToUse() {
        // A header claiming 10^9 samples of 2 bytes, in a file really that long (a sparse file):
        // 8 GB as floats, beyond this test JVM's heap, so refused with the -Xmx that would do.
        assumeTrue(Runtime.getRuntime().maxMemory() < 8_000_000_000L, "the heap could hold 8 GB");
        Path f = sparse(dir, "billion-idx2-ubyte", idxHeader(0x08, 1_000_000_000, 2), 12 + 2_000_000_000L);
        long before = allocatedBytes();
        DataException e = assertThrows(DataException.class, () -> DataSources.load(f.toString()));
        assertTrue(allocatedBytes() - before < 16 << 20, "refused before allocating");
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("7630 MB")
                && e.getMessage().matches("(?s).*start Java with -Xmx\\d+g or more.*"), e.getMessage());
    }

    @Test
    void wrongMagicUnknownTypeAndEmptyFileAreNamed() {
        Path text = write(dir, "notes-idx.txt", "hello world");
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(text));
        assertTrue(e.getMessage().contains("byte offset 0") && e.getMessage().contains("not an IDX"), e.getMessage());

        Path type = write(dir, "type-idx", concat(new byte[] {0, 0, 0x07, 1}, new byte[4]));
        e = assertThrows(DataException.class, () -> IdxReader.read(type));
        assertTrue(e.getMessage().contains("byte offset 2") && e.getMessage().contains("0x07"), e.getMessage());

        Path empty = write(dir, "empty-idx", new byte[0]);
        e = assertThrows(DataException.class, () -> IdxReader.read(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void labelsFileWithTwoDimensionsIsRefused() {
        Path images = write(dir, "a-idx2-ubyte", concat(idxHeader(0x08, 2, 2), new byte[4]));
        DataException e = assertThrows(DataException.class,
                () -> DataSources.withLabels(DataSources.load(images.toString()), images));
        assertTrue(e.getMessage().contains("one dimension"), e.getMessage());
    }

    @Test
    void memoryBudgetRefusesWhatTheHeapCannotHold() {
        DataException e = assertThrows(DataException.class,
                () -> MemoryBudget.checkFloats(2_000_000_000L, "big.csv"));
        assertTrue(e.getMessage().startsWith("big.csv") && e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void tooManyDimensionsForADataSetIsRefused() {
        Path f = write(dir, "five-idx", concat(idxHeader(0x08, 1, 1, 1, 1, 2), new byte[2]));
        DataException e = assertThrows(DataException.class, () -> DataSources.load(f.toString()));
        assertTrue(e.getMessage().startsWith(f + ": has 5 dimensions"), e.getMessage());
    }
}
