package org.aeworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code export}: hands a design and its weights to another engine. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a design and its weights: 'export pytorch' (code to train on GPUs or several machines)"
                + " or 'export onnx' (a file for inference elsewhere).",
        subcommands = {ExportPytorchCommand.class, ExportOnnxCommand.class})
public final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to export: pytorch or onnx");
    }
}
