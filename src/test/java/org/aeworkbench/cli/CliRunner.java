package org.aeworkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process for tests, capturing what it prints. */
public final class CliRunner {

    /** Exit code, standard output and standard error of one run. */
    public record Result(int code, String out, String err) {
        /** The last line of standard output (the JSON line of --json). */
        public String lastLine() {
            String[] lines = out.trim().split("\n");
            return lines[lines.length - 1];
        }
    }

    private CliRunner() {
    }

    public static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = AeWorkbenchCommand.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
