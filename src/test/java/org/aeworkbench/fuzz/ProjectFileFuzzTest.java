package org.aeworkbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.ui.project.Project;
import org.aeworkbench.ui.project.ProjectFile;
import org.junit.jupiter.api.Timeout;

/**
 * Project files ({@code .aewb}, a ZIP of {@code project.json} and {@code model.aem}), read
 * without the JavaFX toolkit. {@link ProjectFile#load} refuses with an {@link IOException}, its
 * documented refusal, which the harness carries as an unchecked {@code IOExceptionRefusal}.
 * {@link #projectFile} mutates the stored ZIP; {@link #projectJson} zips the fuzzer's bytes as
 * {@code project.json} so mutations reach the description. Seeds: {@code ProjectFileFuzzTestInputs/}.
 */
class ProjectFileFuzzTest {

    /** Deflate's 1032:1 into JSON trees and model weights (a value and a gradient per float). */
    private static final long BYTES_PER_INPUT_BYTE = 1032 * 8 + 256;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void projectFile(byte[] data) throws Exception {
        load(data);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void projectJson(byte[] data) throws Exception {
        load(zip("project.json", data));
    }

    private static void load(byte[] stored) throws Exception {
        Path file = FuzzFiles.write("project.aewb", stored);
        Project p = ParserContract.parse(stored, IOExceptionRefusal.class, BYTES_PER_INPUT_BYTE, () -> {
            try {
                return ProjectFile.load(file);
            } catch (IOException e) {
                throw new IOExceptionRefusal(e);
            }
        });
        if (p == null) {
            return;
        }
        assertNotNull(p.spec());
        assertNotNull(p.data());
        if (p.model() != null) {
            assertTrue(SpecValidator.validate(p.model().spec(), p.model().inputShape(), null).isEmpty(),
                    "the saved weights' design is valid for its input");
        }
    }

    static byte[] zip(String entry, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The checked refusal carried through {@link ParserContract}, which expects an unchecked one. */
    static final class IOExceptionRefusal extends RuntimeException {
        IOExceptionRefusal(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
