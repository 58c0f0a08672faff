package org.aeworkbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The headless command line: {@code java -jar target/ae-workbench.jar <command> ...}.
 * Each subcommand is its own class, registered here once.
 */
@Command(name = "ae-workbench", mixinStandardHelpOptions = true, version = "AE Workbench 0.1.0",
        description = "Design, train and compare autoencoders; without a command it opens the workbench window.",
        subcommands = {
            CommandLine.HelpCommand.class,
            TrainCommand.class,
            DataCommand.class,
            CompareCommand.class,
            AnomalyCommand.class,
            RetrieveCommand.class,
            ClusterCommand.class,
            ProbeCommand.class,
            EvaluateCommand.class,
            EncodeCommand.class,
            ReconstructCommand.class,
            PresetsCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            org.aeworkbench.cli.bench.BenchCommand.class,
        })
public final class AeWorkbenchCommand implements Runnable {

    /** Exit code for bad arguments, as picocli's usage errors. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * A command writes nothing but its outputs unless asked: the log goes to the console
     * (warnings and errors), and to this file as well when given. Inherited, so it may follow
     * the command's name like its other options.
     */
    @CommandLine.Option(names = "--log", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Also write the log (every step, and the details of a failure for a bug report) to FILE,"
                    + " appending; by default a command writes nothing but its outputs")
    java.nio.file.Path log;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new AeWorkbenchCommand());
        // Path.of("") is the working folder: an empty file argument would be read or written there.
        cli.registerConverter(java.nio.file.Path.class, text -> {
            if (text.isBlank()) {
                throw new CommandLine.TypeConversionException("the path is empty; give a file name");
            }
            return java.nio.file.Path.of(text);
        });
        // One line for bad arguments, not a usage dump: scripts read the message.
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("ae-workbench: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return USAGE_ERROR;
        });
        // Bad data, a design that cannot work, a damaged file: one line naming it, exit code 1.
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            // Options that do not fit together, or a request for something that does not exist: exit code 2.
            if (ex instanceof BadUsage || ex instanceof org.aeworkbench.data.BadParameterException
                    || ex instanceof picocli.CommandLine.ParameterException) {
                c.getErr().println("ae-workbench: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName()
                        + " --help')");
                return USAGE_ERROR;
            }
            if (ex instanceof UserError || ex instanceof org.aeworkbench.data.DataException
                    || ex instanceof org.aeworkbench.engine.core.SpecException
                    || ex instanceof java.io.IOException || ex instanceof IllegalArgumentException) {
                c.getErr().println("ae-workbench: " + ex.getMessage());
                return 1;
            }
            return unexpected(c.getErr(), ex);
        });
        // The log file, if asked for, is opened after parsing and before the command runs.
        // It is closed once the command and its failure, if any, are told.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        boolean[] logOpened = {false};
        cli.setExecutionStrategy(parsed -> {
            java.nio.file.Path file = logFile(parsed);
            if (file != null) {
                openLog(file, cli);
                logOpened[0] = true;
            }
            return runLast.execute(parsed);
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return unexpected(cli.getErr(), e);
        } finally {
            if (logOpened[0]) {
                org.aeworkbench.support.Logs.uninstall();
            }
        }
    }

    /** The {@code --log} given on the command or any of its parents, or null. */
    private static java.nio.file.Path logFile(CommandLine.ParseResult parsed) {
        java.nio.file.Path file = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            file = p.matchedOptionValue("--log", file);
        }
        return file;
    }

    private static void openLog(java.nio.file.Path file, CommandLine cli) {
        try {
            OutputPaths.requireWritableFile(file, "--log");
            java.nio.file.Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
            org.aeworkbench.support.Logs.installFile("ae-workbench-cli", file);
        } catch (UserError e) {
            throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new CommandLine.ExecutionException(cli, e.getMessage(), new UserError("--log " + file
                    + ": cannot be written (" + e.getMessage() + "); choose another path"));
        }
    }

    /**
     * What nothing above expected (a bug, or memory running out where no check foresaw it): one
     * line for the user saying what to do, and the stack trace in the log file for a bug report,
     * not on the terminal.
     */
    private static int unexpected(java.io.PrintWriter err, Throwable e) {
        java.util.logging.Logger.getLogger(AeWorkbenchCommand.class.getName())
                .log(java.util.logging.Level.INFO, "unexpected failure, reported as one line", e);
        java.nio.file.Path log = org.aeworkbench.support.Logs.currentFile();
        String details = log == null ? "; run it again with --log FILE to keep the details for a bug report"
                : "; the details are in " + log;
        if (e instanceof OutOfMemoryError) {
            err.println("ae-workbench: out of memory (the heap holds at most " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB): start Java with a larger -Xmx, or use less data or a smaller design" + details);
        } else if (e instanceof StackOverflowError) {
            err.println("ae-workbench: the input is nested too deeply to read" + details);
        } else {
            err.println("ae-workbench: internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("")) + "); please report it" + details);
        }
        err.flush();
        return 1;
    }
}
