package org.aeworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code import}: takes weights trained elsewhere back into a model file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import weights trained elsewhere: 'import pytorch' reads the safetensors file that the exported"
                + " train.py writes.",
        subcommands = {ImportPytorchCommand.class})
public final class ImportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to import: pytorch");
    }
}
