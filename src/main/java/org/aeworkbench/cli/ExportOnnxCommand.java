package org.aeworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.data.TrainedModel;
import org.aeworkbench.export.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export onnx}: a trained model as an ONNX file, for inference in another program. */
@Command(name = "onnx", mixinStandardHelpOptions = true,
        description = {"Write a trained model as ONNX (opset " + OnnxExport.OPSET + "): the encoder, the decoder or the whole",
            "autoencoder. Inputs are (N, features), or (N, C, H, W) for convolutional designs, prepared as the",
            "workbench prepares its data; a VAE's encoder returns mu and log_variance."})
public final class ExportOnnxCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M.aem", description = "A trained model (.aem).")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "Where to write the ONNX file.")
    Path out;

    @Option(names = "--part", paramLabel = "PART", description = "encoder, decoder or autoencoder (default: autoencoder).")
    String part = "autoencoder";

    @Override
    public Integer call() throws Exception {
        OnnxExport.Part p;
        try {
            p = OnnxExport.Part.parse(part);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--part: " + e.getMessage());
        }
        if (model.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw new UserError(model + ": ONNX holds trained weights, and a spec has none: train it first"
                    + " (train --model " + model + " --out M.aem) and export the model file");
        }
        InputPaths.requireFile(model, "--model", "give a trained model (.aem)");
        OutputPaths.requireWritableFile(out, "--out");
        TrainedModel loaded = TrainedModel.load(model);
        System.out.println(loaded.preparation().line() + " (inputs are expected prepared; the file's metadata records it)");
        OnnxExport.write(loaded.model(), p, out, Version.TEXT, loaded.preparation().toJson().toString());
        System.out.println("wrote " + out + " (" + p.id() + " of '" + loaded.model().spec().name() + "', "
                + String.format(Locale.ROOT, "%,d", Files.size(out)) + " bytes, ONNX opset " + OnnxExport.OPSET + ")");
        return 0;
    }
}
