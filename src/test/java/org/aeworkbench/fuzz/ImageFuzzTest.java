package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.ImageFolderLoader;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Timeout;

/**
 * Image files (PNG, JPEG, GIF, BMP: whatever javax.imageio recognises from the content) through
 * the image-folder loader, one image in a class sub-folder. Seeds: {@code ImageFuzzTestInputs/}.
 */
class ImageFuzzTest {

    /**
     * Compressed pixels legitimately expand a lot: up to 8256 one-bit pixels a byte (deflate's
     * 1032:1), decoded to up to 8 bytes each plus a float copy. What must never happen is a
     * header alone buying gigabytes.
     */
    private static final long BYTES_PER_INPUT_BYTE = 1032 * 8 * 12;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void image(byte[] data) throws Exception {
        Path folder = FuzzFiles.write("images/digit/sample.png", data).getParent().getParent();
        Dataset d = ParserContract.parse(data, DataException.class, BYTES_PER_INPUT_BYTE,
                () -> ImageFolderLoader.load(folder, 28, 28));
        ValidDatasets.check(d);
        ValidDatasets.checkByteScale(d);
        if (d != null) {
            assertEquals(Shape.image(28, 28, 1), d.sampleShape());
        }
    }
}
