package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.export.pytorch.TorchWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code import pytorch}: weights trained by an exported train.py, back into a model file. */
@Command(name = "pytorch", mixinStandardHelpOptions = true,
        description = {"Read a safetensors file written by the exported train.py (single or distributed) into a",
            "model file (.aem) of the design it was exported from. Every tensor's name and shape is checked against",
            "the design, and each mismatch is listed. The file is read as data: nothing is unpickled."})
public final class ImportPytorchCommand implements Callable<Integer> {

    @Option(names = "--weights", required = true, paramLabel = "FILE.safetensors", description = "The trained weights.")
    Path weights;

    @Mixin
    DesignSource source;

    @Option(names = "--out", required = true, paramLabel = "M2.aem", description = "The model file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        InputPaths.requireFile(weights, "--weights", "give the safetensors file train.py wrote (--out)");
        OutputPaths.requireWritableFile(out, "--out");
        DesignSource.Resolved r = source.resolve();
        TorchWeights.load(r.model(), weights);
        ObjectNode info = r.info() != null && r.info().isObject() ? ((ObjectNode) r.info()).deepCopy()
                : ModelSpecJson.mapper().createObjectNode();
        info.put("imported_from", weights.toAbsolutePath().toString());
        ModelFile.save(out, r.model(), info, r.preparation().toJson());
        System.out.println("imported " + weights + " into " + out + " ('" + r.model().spec().name() + "', "
                + String.format(java.util.Locale.ROOT, "%,d", r.model().parameterCount()) + " parameters)");
        return 0;
    }
}
