package org.aeworkbench.data;

import static org.aeworkbench.data.TestFiles.concat;
import static org.aeworkbench.data.TestFiles.gzip;
import static org.aeworkbench.data.TestFiles.idxHeader;
import static org.aeworkbench.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full set is read from Debian's install folder; here a miniature of that folder stands in. */
class FashionMnistFullTest {

    @TempDir
    Path dir;

    @Test
    void trainThenTestImagesScaledWithLabels() {
        assertFalse(BundledSets.fashionFullInstalled(dir));
        byte[] train = new byte[2 * 4];
        train[0] = (byte) 255;
        byte[] test = new byte[4];
        test[3] = 51;
        write(dir, "train-images-idx3-ubyte.gz", gzip(concat(idxHeader(0x08, 2, 2, 2), train)));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(concat(idxHeader(0x08, 2), new byte[] {9, 0})));
        write(dir, "t10k-images-idx3-ubyte.gz", gzip(concat(idxHeader(0x08, 1, 2, 2), test)));
        write(dir, "t10k-labels-idx1-ubyte.gz", gzip(concat(idxHeader(0x08, 1), new byte[] {3})));
        assertTrue(BundledSets.fashionFullInstalled(dir));
        Dataset d = BundledSets.fashionMnistFull(dir);
        assertEquals(3, d.samples());
        assertEquals(Shape.image(2, 2, 1), d.sampleShape());
        assertArrayEquals(new int[] {9, 0, 3}, d.labels());
        assertEquals("Ankle boot", d.classNames().get(9));
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2f}, d.values(), 1e-7f);
    }
}
