package org.aeworkbench.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only regular files are read, and what is not one is named (issue 21: {@code --data /dev/zero}
 * filled the heap, and a link to a device was reported as "no such file").
 */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileOrALinkToOneIsReadable() throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "1,2\n");
        assertNull(InputFiles.notAFile(file));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), file);
        assertNull(InputFiles.notAFile(link));
    }

    @Test
    void aFolderIsRefusedAsAFileAndAcceptedWhereFoldersAre() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("images"));
        assertEquals("is a folder, not a file", InputFiles.notAFile(folder));
        assertNull(InputFiles.notAFileOrFolder(folder));
    }

    @Test
    void aMissingFileAndABrokenLinkAreToldApart() throws IOException {
        assertEquals("no such file", InputFiles.notAFile(dir.resolve("none.csv")));
        Path link = Files.createSymbolicLink(dir.resolve("broken.csv"), dir.resolve("gone.csv"));
        assertEquals("is a link to " + dir.resolve("gone.csv") + ", which does not exist", InputFiles.notAFile(link));
    }

    @Test
    void aDeviceAndALinkToItAreNamedAsADevice() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a Unix device to try");
        assertEquals("is a character device, not a file", InputFiles.notAFile(zero));
        assertEquals("is a character device, not a file", InputFiles.notAFileOrFolder(zero));
        Path link = Files.createSymbolicLink(dir.resolve("spec.json"), zero);
        assertEquals("is a link to /dev/zero, a character device, not a file", InputFiles.notAFile(link));
    }

    @Test
    void aNamedPipeIsNamedAsSuchWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("fifo.csv");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo made a pipe");
        // Opening it to read would block until a writer came: the check looks at its type only.
        assertEquals("is a named pipe (FIFO), not a file", InputFiles.notAFile(fifo));
    }

    @Test
    void aSocketIsNamedAsSuch() throws IOException {
        Path socket = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals("is a socket, not a file", InputFiles.notAFile(socket));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no Unix domain sockets here");
        }
    }
}
