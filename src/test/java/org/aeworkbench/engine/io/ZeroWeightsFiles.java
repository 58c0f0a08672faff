package org.aeworkbench.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Model files of huge designs whose weights are all zero, as a hostile or corrupted file may be:
 * deflate shrinks zeros about 1000:1, so megabytes of file declare gigabytes of weights.
 */
public final class ZeroWeightsFiles {

    private ZeroWeightsFiles() {
    }

    /**
     * The signature, version and header of a model file, then {@code megabytes} of zeros, deflated:
     * one megabyte of zeros is deflated once and its blocks repeated (each decodes to zeros whatever
     * precedes it). The trailer is not written: the file is refused before it would be read.
     */
    public static byte[] of(ModelSpec spec, Shape input, int megabytes) throws IOException {
        var header = ModelSpecJson.mapper().createObjectNode();
        header.set("spec", ModelSpecJson.mapper().valueToTree(spec));
        header.putObject("input").put("height", 1).put("width", 1).put("channels", input.channels());
        byte[] json = ModelSpecJson.mapper().writeValueAsBytes(header);
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(prefix)) {
            out.write("AEWB-MODEL".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(ModelFile.VERSION);
            out.writeInt(json.length);
            out.write(json);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] head = deflated(deflater, prefix.toByteArray());
        byte[] zeros = deflated(deflater, new byte[1 << 20]);
        deflater.end();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
        file.write(head);
        for (int i = 0; i < megabytes; i++) {
            file.write(zeros);
        }
        return file.toByteArray();
    }

    /** {@code input} deflated up to a byte boundary (a sync flush), the stream left open. */
    private static byte[] deflated(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }
}
