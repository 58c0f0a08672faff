package org.aeworkbench.export;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python that imports torch and numpy, for the tests that run exported code. Debian's
 * {@code /usr/bin/python3} with {@code python3-torch} is tried first (a pyenv {@code python3} first on
 * the PATH usually lacks torch), then {@code python3}. Tests call {@link #require()}, which skips
 * them with a message naming what was tried when there is none.
 */
public final class PythonTorch {

    private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");
    private static String found;
    private static String tried;

    private PythonTorch() {
    }

    /** The interpreter, or a skip of the calling test saying why. */
    public static synchronized String require() {
        if (found == null && tried == null) {
            StringBuilder t = new StringBuilder();
            for (String c : CANDIDATES) {
                try {
                    Process p = new ProcessBuilder(c, "-c", "import torch, numpy").redirectErrorStream(true).start();
                    p.getInputStream().readAllBytes();
                    if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        found = c;
                        break;
                    }
                    t.append(c).append(" (no torch or numpy) ");
                } catch (IOException e) {
                    t.append(c).append(" (not found) ");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            tried = t.toString().trim();
        }
        assumeTrue(found != null, "skipped: no Python with PyTorch and numpy here (tried " + tried
                + "); install Debian's python3-torch to run it");
        return found;
    }

    /** The result of a finished Python run. */
    public record Run(int exit, String output) {
    }

    /** Runs {@code python args...} in {@code dir}, output and errors together, with a time limit. */
    public static Run run(Path dir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(require());
        cmd.addAll(List.of(args));
        return exec(dir, timeoutSeconds, cmd);
    }

    public static Run exec(Path dir, long timeoutSeconds, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python did not finish in " + timeoutSeconds + " s: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Writes a float32 .npy file of the given shape (C order). */
    public static void writeNpy(Path file, float[] values, long... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims.toString().trim() + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : values) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
    }

    /** The float32 values of a .npy file written by numpy (little-endian, C order). */
    public static float[] readNpy(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = bytes[6] == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = (bytes[6] == 1 ? 10 : 12) + headerLength;
        String header = new String(bytes, bytes[6] == 1 ? 10 : 12, headerLength, StandardCharsets.US_ASCII);
        if (!header.contains("'<f4'")) {
            throw new AssertionError(file + " is not float32: " + header);
        }
        float[] v = new float[(bytes.length - start) / 4];
        b.position(start);
        b.asFloatBuffer().get(v);
        return v;
    }
}
