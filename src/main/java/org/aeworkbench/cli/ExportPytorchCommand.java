package org.aeworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aeworkbench.export.pytorch.PytorchExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export pytorch}: the design as a Python package that trains it with PyTorch. */
@Command(name = "pytorch", mixinStandardHelpOptions = true,
        description = {"Write the design as a Python package: model.py (one nn.Module), train.py (the workbench's",
            "objective and optimiser, single-process or torchrun with DistributedDataParallel), README.md, and",
            "weights.safetensors when --model is a trained model. Import the trained weights back with 'import pytorch'."})
public final class ExportPytorchCommand implements Callable<Integer> {

    @Mixin
    DesignSource source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (created if needed).")
    Path out;

    @Override
    public Integer call() throws Exception {
        DesignSource.Resolved r = source.resolve();
        OutputPaths.requireWritableFolder(out, "--out");
        System.out.println(r.preparation().line() + (r.trained() ? " (recorded in " + source.model.getFileName() + ")" : ""));
        PytorchExport.Result result = PytorchExport.write(r.model(), r.trained(), out, source.model.getFileName().toString(),
                r.preparation().preprocessing());
        System.out.println("wrote " + out + ": " + String.join(", ", result.files().stream()
                .map(p -> p.getFileName().toString()).toList()));
        System.out.println("train: python3 " + out.resolve("train.py") + " --data FILE --epochs N --out weights.safetensors");
        return 0;
    }
}
