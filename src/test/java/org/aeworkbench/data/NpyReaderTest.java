package org.aeworkbench.data;

import static org.aeworkbench.data.TestFiles.allocatedBytes;
import static org.aeworkbench.data.TestFiles.concat;
import static org.aeworkbench.data.TestFiles.littleEndianFloats;
import static org.aeworkbench.data.TestFiles.npy;
import static org.aeworkbench.data.TestFiles.sparse;
import static org.aeworkbench.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {

    @TempDir
    Path dir;

    /**
     * numpy.save(f, numpy.array([[1, 2], [3, 4]], dtype=numpy.float32)) writes exactly these 144
     * bytes (checked with numpy 1.x: header length 0x76, padded to 128 bytes before the data).
     */
    @Test
    void readsFloat32MatrixWrittenLikeNumpy() {
        byte[] file = npy("<f4", false, "(2, 2)", littleEndianFloats(1, 2, 3, 4));
        assertEquals(144, file.length);
        assertEquals(0x76, file[8]);
        Dataset d = DataSources.load(write(dir, "m.npy", file).toString());
        assertEquals(2, d.samples());
        assertEquals(Shape.vector(2), d.sampleShape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.values());
    }

    @Test
    void readsEveryNumericTypeAndByteOrder() {
        ByteBuffer f8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-8);
        assertArrayEquals(new float[] {0.25f, -8}, read("<f8", "(2,)", f8.array()));
        ByteBuffer be = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(0.25).putDouble(-8);
        assertArrayEquals(new float[] {0.25f, -8}, read(">f8", "(2,)", be.array()));
        assertArrayEquals(new float[] {200, 7}, read("|u1", "(2,)", new byte[] {(byte) 200, 7}));
        assertArrayEquals(new float[] {-56, 7}, read("|i1", "(2,)", new byte[] {(byte) 200, 7}));
        ByteBuffer i2 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -300).putShort((short) 5);
        assertArrayEquals(new float[] {-300, 5}, read("<i2", "(2,)", i2.array()));
        ByteBuffer i4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-100000).putInt(3);
        assertArrayEquals(new float[] {-100000, 3}, read("<i4", "(2,)", i4.array()));
        ByteBuffer i8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-5).putLong(1L << 40);
        assertArrayEquals(new float[] {-5, 1L << 40}, read("<i8", "(2,)", i8.array()));
        assertArrayEquals(new float[] {1, 0}, read("|b1", "(2,)", new byte[] {1, 0}));
    }

    private float[] read(String descr, String shape, byte[] data) {
        return NpyReader.read(write(dir, "a.npy", npy(descr, false, shape, data))).values();
    }

    @Test
    void imageShapesAreKept() {
        Dataset d = DataSources.load(write(dir, "imgs.npy", npy("|u1", false, "(2, 3, 4)", new byte[24])).toString());
        assertEquals(Shape.image(3, 4, 1), d.sampleShape());
        Dataset rgb = DataSources.load(write(dir, "rgb.npy", npy("|u1", false, "(1, 2, 2, 3)", new byte[12])).toString());
        assertEquals(Shape.image(2, 2, 3), rgb.sampleShape());
    }

    @Test
    void fortranOrderIsRefusedWithTheFix() {
        Path f = write(dir, "f.npy", npy("<f8", true, "(2, 3)", new byte[48]));
        DataException e = assertThrows(DataException.class, () -> DataSources.load(f.toString()));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("Fortran")
                && e.getMessage().contains("ascontiguousarray"), e.getMessage());
    }

    @Test
    void pickledObjectArrayIsRefused() {
        // numpy.save of dtype=object writes descr '|O' followed by a pickle stream.
        Path f = write(dir, "o.npy", npy("|O", false, "(2,)", new byte[] {(byte) 0x80, 3, 'N', '.'}));
        DataException e = assertThrows(DataException.class, () -> DataSources.load(f.toString()));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("pickled"), e.getMessage());
    }

    @Test
    void truncatedDataNamesTheByteOffset() {
        // 128-byte header, then 3 of the 4 promised float32 values: the file ends at byte 140.
        Path f = write(dir, "t.npy", npy("<f4", false, "(2, 2)", littleEndianFloats(1, 2, 3)));
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("byte offset 140")
                && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void unsupportedTypeAndBadMagicAreNamed() {
        Path c = write(dir, "c.npy", npy("<c16", false, "(1,)", new byte[16]));
        DataException e = assertThrows(DataException.class, () -> NpyReader.read(c));
        assertTrue(e.getMessage().contains("'<c16'"), e.getMessage());
        Path bad = write(dir, "bad.npy", concat(new byte[] {1, 2, 3}, new byte[20]));
        e = assertThrows(DataException.class, () -> NpyReader.read(bad));
        assertTrue(e.getMessage().contains("byte offset 0"), e.getMessage());
    }

    @Test
    void billionSampleFileIsRefusedBeforeAllocatingWithTheXmxToUse() {
        // A header claiming 10^9 samples of 2 bytes, in a file really that long (a sparse file):
        // 8 GB as floats, beyond this test JVM's heap, so refused with the -Xmx that would do.
        assumeTrue(Runtime.getRuntime().maxMemory() < 8_000_000_000L, "the heap could hold 8 GB");
        byte[] header = npy("|u1", false, "(1000000000, 2)", new byte[0]);
        Path f = sparse(dir, "billion.npy", header, header.length + 2_000_000_000L);
        long before = allocatedBytes();
        DataException e = assertThrows(DataException.class, () -> DataSources.load(f.toString()));
        assertTrue(allocatedBytes() - before < 16 << 20, "refused before allocating");
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("7630 MB")
                && e.getMessage().matches("(?s).*start Java with -Xmx\\d+g or more.*"), e.getMessage());
    }

    @Test
    void emptyElementTypeIsRefused() {
        // Found by NpyFuzzTest (NpyFuzzTestInputs/npy/empty-descr.npy): descr '' crashed the type parser.
        Path f = write(dir, "e.npy", npy("", false, "(2,)", new byte[2]));
        DataException e = assertThrows(DataException.class, () -> DataSources.load(f.toString()));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("element type ''"),
                e.getMessage());
    }
}
