package org.aeworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrays written as NPY and CSV read back: by our own readers, and by numpy where it is installed. */
class ArrayFilesTest {

    @TempDir
    Path dir;

    private static float[] values(int n) {
        SplittableRandom r = new SplittableRandom(4);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-6, 6)));
        }
        v[0] = -0f;
        v[1] = Float.MIN_VALUE;
        return v;
    }

    @Test
    void npyReadsBackBitForBitWithItsShape() throws Exception {
        float[] v = values(5 * 3 * 4);
        Path f = dir.resolve("a.npy");
        NpyWriter.write(f, v, 5, 3, 4);
        byte[] bytes = Files.readAllBytes(f);
        int headerEnd = 10 + (bytes[8] & 0xff) + ((bytes[9] & 0xff) << 8);
        assertEquals(0, headerEnd % 64, "the data starts on a 64-byte boundary, as numpy.save writes it");
        assertEquals(headerEnd + 4 * v.length, bytes.length);
        NumericArray back = NpyReader.read(f);
        assertArrayEquals(new int[] {5, 3, 4}, back.dims());
        assertArrayEquals(v, back.values(), 0f);
        NpyWriter.write(dir.resolve("v.npy"), new float[] {1, 2}, 2);
        assertArrayEquals(new int[] {2}, NpyReader.read(dir.resolve("v.npy")).dims());
    }

    /** Opt-in where numpy is missing: /usr/bin/python3 with numpy reads the file as float32 in C order. */
    @Test
    void numpyLoadsWhatWeWrite() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        float[] v = values(6);
        Path f = dir.resolve("codes.npy");
        NpyWriter.write(f, v, 2, 3);
        Process p = new ProcessBuilder(python.toString(), "-c", "import numpy, sys\n"
                + "a = numpy.load(sys.argv[1])\n"
                + "print(a.dtype, a.shape, a.flags['C_CONTIGUOUS'])\n"
                + "print(' '.join(repr(float(x)) for x in a[1]))", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0 || !out.contains("No module named 'numpy'"), "numpy is not installed: " + out);
        assertEquals(0, p.waitFor(), out);
        List<String> lines = out.lines().toList();
        assertEquals("float32 (2, 3) True", lines.get(0));
        String[] row = lines.get(1).split(" ");
        for (int j = 0; j < 3; j++) {
            assertEquals(v[3 + j], Float.parseFloat(row[j]), 0f);
        }
    }

    @Test
    void csvHasAHeaderAndLabelsAndReadsBack() throws Exception {
        float[] v = values(3 * 2);
        Dataset labelled = new Dataset("l", Shape.vector(1), new float[3], new int[] {1, 0, 1}, List.of("plain", "a, \"quoted\" one"), "");
        Path f = dir.resolve("codes.csv");
        MatrixCsv.write(f, v, 3, 2, "z", labelled);
        List<String> lines = Files.readAllLines(f);
        assertEquals("z1,z2,label", lines.get(0));
        assertEquals(v[0] + "," + v[1] + ",\"a, \"\"quoted\"\" one\"", lines.get(1));
        assertEquals(v[2] + "," + v[3] + ",plain", lines.get(2));
        Dataset back = DataSources.load(f.toString(), LoadOptions.defaults().withCsv(new CsvOptions(',', true, "label")));
        assertArrayEquals(v, back.values(), 0f);
        assertEquals(List.of("a, \"quoted\" one", "plain"), back.classNames());
        MatrixCsv.write(f, v, 3, 2, "x", null);
        assertEquals("x1,x2", Files.readAllLines(f).get(0));
        assertArrayEquals(v, DataSources.load(f.toString()).values(), 0f);
    }
}
