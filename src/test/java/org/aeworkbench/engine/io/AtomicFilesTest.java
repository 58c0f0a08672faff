package org.aeworkbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A save interrupted anywhere (a full disk, a bug in the writer, the VM giving up) leaves the
 * previous file byte for byte and no temporary file behind. The content is a real model file's,
 * written over another model's file and cut after every interesting number of bytes: none, one,
 * around the 64 KiB write buffer, half, all but one, all of it (a failure after the last byte).
 */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private Path target;
    private byte[] previous;
    private static byte[] next;

    @BeforeEach
    void saveThePreviousModel() throws IOException {
        Shape in = Shape.vector(20);
        target = dir.resolve("model.aem");
        ModelFile.save(target, ModelBuilder.build(Presets.get("keras-deep", in), in), null);
        previous = Files.readAllBytes(target);
        if (next == null) {
            Path other = Files.createTempFile(dir, "other", ".aem");
            var changed = Presets.get("keras-deep", in).withTraining(Presets.get("keras-deep", in).training().withSeed(7));
            ModelFile.save(other, ModelBuilder.build(changed, in), null);
            next = Files.readAllBytes(other);
            Files.delete(other);
        }
    }

    static Stream<Arguments> interruptions() {
        List<Throwable> failures = List.of(new IOException("No space left on device"),
                new IllegalStateException("the writer crashed"), new OutOfMemoryError("simulated"));
        return failures.stream().flatMap(f -> Stream.of("0", "1", "65535", "65536", "65537", "half", "all but one", "all")
                .map(cut -> Arguments.of(f.getClass().getSimpleName(), cut, f)));
    }

    /** @param cut bytes written before the failure: a number, "half", "all but one" or "all" */
    @ParameterizedTest(name = "{0} after {1} bytes")
    @MethodSource("interruptions")
    void anInterruptedSaveLeavesThePreviousFileIntact(String kind, String cut, Throwable failure) throws IOException {
        int bytes = switch (cut) {
            case "half" -> next.length / 2;
            case "all but one" -> next.length - 1;
            case "all" -> next.length; // then fail on the final flush
            default -> Integer.parseInt(cut);
        };
        Throwable thrown = assertThrows(Throwable.class, () -> AtomicFiles.write(target, out ->
                writeInChunks(new FailingAfter(out, bytes, failure), next)));
        assertSame(failure, thrown, "the failure reaches the caller unchanged");
        assertArrayEquals(previous, Files.readAllBytes(target), "the previous file is byte-identical");
        assertEquals(List.of(target), filesInDir(), "no temporary file is left behind");
    }

    @Test
    void theSameWriterWithoutAFailureReplacesTheFile() throws IOException {
        // The control for the test above: the file does change when nothing goes wrong.
        AtomicFiles.write(target, out -> writeInChunks(new FailingAfter(out, Integer.MAX_VALUE, null), next));
        assertArrayEquals(next, Files.readAllBytes(target));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    void aFailedFirstSaveLeavesNoFileAtAll() throws IOException {
        Path fresh = dir.resolve("new.aem");
        assertThrows(IOException.class, () -> AtomicFiles.write(fresh, out ->
                writeInChunks(new FailingAfter(out, 100, new IOException("No space left on device")), next)));
        assertFalse(Files.exists(fresh));
        assertEquals(List.of(target), filesInDir());
    }

    /**
     * A cancel is an interrupt of the writing thread, from another thread, here when half the
     * bytes are written or all of them (just before the move): either way the previous file stays.
     */
    @ParameterizedTest(name = "cancelled after {0} of the bytes")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"half", "all"})
    void aCancelledSaveLeavesThePreviousFileAndNoTemporaryFile(String when) throws Exception {
        int before = when.equals("half") ? next.length / 2 : next.length;
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread saver = new Thread(() -> {
            try {
                AtomicFiles.write(target, out -> {
                    out.write(next, 0, before);
                    written.countDown();
                    try {
                        never.await(); // until cancelled
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // as any cooperative writer does
                    }
                    out.write(next, before, next.length - before);
                });
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        saver.start();
        written.await();
        saver.interrupt();
        saver.join(10_000);
        assertTrue(outcome.get() instanceof java.io.InterruptedIOException, String.valueOf(outcome.get()));
        assertTrue(outcome.get().getMessage().contains("cancelled"), outcome.get().getMessage());
        assertArrayEquals(previous, Files.readAllBytes(target), "the previous file is byte-identical");
        assertEquals(List.of(target), filesInDir(), "no temporary file is left behind");
    }

    /** Writes as a model file does: headers, then arrays of various lengths. */
    private static void writeInChunks(OutputStream out, byte[] content) throws IOException {
        int at = 0;
        for (int chunk = 1; at < content.length; chunk = chunk * 3 + 1) {
            int n = Math.min(chunk, content.length - at);
            out.write(content, at, n);
            at += n;
        }
        out.flush();
    }

    private List<Path> filesInDir() throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Passes bytes through until {@code limit} have gone, then throws {@code failure}. */
    private static final class FailingAfter extends FilterOutputStream {
        private final Throwable failure;
        private long left;

        FailingAfter(OutputStream out, long limit, Throwable failure) {
            super(out);
            this.left = limit;
            this.failure = failure;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int now = (int) Math.min(len, left);
            out.write(b, off, now);
            left -= now;
            if (now < len) {
                fail();
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            super.flush();
            if (left == 0 && failure != null) {
                fail(); // everything written: the failure comes after the last byte
            }
        }

        private void fail() throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) failure;
        }
    }
}
