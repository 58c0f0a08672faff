package org.aeworkbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the files shipped in {@code sample-data/}. Maven copies that folder onto the classpath
 * (see the resources section of pom.xml), so the same code works from the shaded jar, from
 * {@code mvn test} and from an IDE; a {@code sample-data/} folder in the working directory is the
 * fallback for a run straight from sources that skipped the resource copy.
 */
final class BundledFiles {

    private static final String FOLDER = "sample-data/";

    private BundledFiles() {
    }

    static InputStream open(String fileName) {
        InputStream in = BundledFiles.class.getClassLoader().getResourceAsStream(FOLDER + fileName);
        if (in != null) {
            return in;
        }
        Path local = Path.of(FOLDER, fileName);
        if (Files.isRegularFile(local)) {
            try {
                return Files.newInputStream(local);
            } catch (IOException e) {
                throw new DataException(local + ": cannot read the bundled file (" + e.getMessage() + ")", e);
            }
        }
        throw new DataException(FOLDER + fileName + ": bundled file missing from the classpath and the"
                + " working directory; rebuild with 'mvn package' or see sample-data/README.md");
    }

    /** Reads a bundled IDX file (trusted, so no stored-length check). */
    static NumericArray readIdx(String fileName) {
        try (InputStream in = open(fileName)) {
            return IdxReader.read(in, FOLDER + fileName, -1);
        } catch (IOException e) {
            throw new DataException(FOLDER + fileName + ": cannot read the bundled file (" + e.getMessage() + ")", e);
        }
    }
}
