package org.aeworkbench.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The log file a user can open and attach to a bug report: {@code ~/.ae-workbench/logs/<app>.0.log}
 * (the newest), rotated through {@code <app>.1.log} .. {@code <app>.4.log} at 1 MB each.
 *
 * <p>Call {@link #install(String)} once at startup, before anything logs. It routes
 * java.util.logging to the file, and with it SLF4J (bound to java.util.logging by slf4j-jdk14)
 * and JavaFX's own logging; the console then shows warnings and errors only. Exceptions no
 * code caught are logged too. The folder moves with the system property {@value #DIRECTORY_PROPERTY}
 * or the environment variable {@value #DIRECTORY_ENV}. Logging never stops the program: if the
 * file cannot be opened (a read-only home), the console keeps everything and one line says why.
 *
 * <p>A command of the command line writes nothing but its outputs: {@link #installCommandLine}
 * keeps its log on the console (warnings and errors, one line each, no stack trace), and writes a
 * file only when asked, with {@code --log FILE} ({@link #installFile}) or the folder's property or
 * environment variable.
 */
public final class Logs {

    public static final String DIRECTORY_PROPERTY = "aeworkbench.logDir";
    public static final String DIRECTORY_ENV = "AE_WORKBENCH_LOG_DIR";
    static final int FILE_BYTES = 1 << 20;
    static final int FILES = 5;

    private static Handler file;
    private static Path currentFile;
    private static Thread.UncaughtExceptionHandler previousUncaught;

    private Logs() {
    }

    /**
     * Starts logging to {@code <directory()>/<appName>.0.log}; call again to switch files.
     *
     * @param appName the file's base name, e.g. "ae-workbench" for the window, "ae-workbench-cli"
     *                for commands (so both can run at once without sharing a file)
     * @return the file now written, or null when it could not be opened
     */
    public static synchronized Path install(String appName) {
        return install(appName, directory(), FILE_BYTES, FILES);
    }

    /**
     * The command line's logging: the rotating files in the folder the property or the
     * environment variable names, if one does; otherwise the console only, warnings and errors
     * one line each, so that a command writes nothing outside the outputs it is given.
     *
     * @return the file now written, or null when the log is on the console only
     */
    public static synchronized Path installCommandLine(String appName) {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        String environment = System.getenv(DIRECTORY_ENV);
        if ((property != null && !property.isBlank()) || (environment != null && !environment.isBlank())) {
            Path written = install(appName);
            consoleBrief();
            return written;
        }
        uninstall();
        consoleBrief();
        return null;
    }

    /**
     * Logs everything to {@code file} as well, appending (the command line's {@code --log FILE}):
     * that file and nothing else, no rotation and no lock file beside it.
     *
     * @throws IOException when the file cannot be opened for appending
     */
    public static synchronized Path installFile(String appName, Path target) throws IOException {
        uninstall();
        OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        StreamHandler handler = new StreamHandler(out, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush(); // a crash must not lose what was said before it
            }
        };
        handler.setEncoding("UTF-8");
        handler.setLevel(Level.INFO);
        Logger.getLogger("").addHandler(handler);
        consoleBrief();
        file = handler;
        currentFile = target;
        previousUncaught = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(Logs::logUncaught);
        started(appName);
        return target;
    }

    /** The console shows warnings and errors, one line each: a stack trace is for the file. */
    private static void consoleBrief() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (h instanceof ConsoleHandler) {
                h.setLevel(Level.WARNING);
                h.setFormatter(new OneLine(false));
            }
        }
    }

    /** Where the log files are: the property, else the environment variable, else ~/.ae-workbench/logs. */
    public static Path directory() {
        return directory(System.getProperty(DIRECTORY_PROPERTY), System.getenv(DIRECTORY_ENV),
                System.getProperty("user.home"));
    }

    /** The file being written now, or null before {@link #install} (or when it failed). */
    public static synchronized Path currentFile() {
        return currentFile;
    }

    static Path directory(String property, String environment, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        return Path.of(home, ".ae-workbench", "logs");
    }

    static synchronized Path install(String appName, Path directory, int fileBytes, int files) {
        if (!appName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("log name '" + appName + "' must be letters, digits, '.', '_' or '-'");
        }
        uninstall();
        Logger root = Logger.getLogger("");
        OneLine format = new OneLine();
        try {
            Files.createDirectories(directory);
            // FileHandler patterns treat '%' as special: escape it in the folder's name.
            String pattern = directory.toAbsolutePath().toString().replace("%", "%%") + "/" + appName + ".%g.log";
            FileHandler handler = new FileHandler(pattern, fileBytes, files, true);
            handler.setFormatter(format);
            handler.setEncoding("UTF-8");
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
            for (Handler h : root.getHandlers()) {
                if (h instanceof ConsoleHandler) {
                    h.setLevel(Level.WARNING); // the file has the rest
                    h.setFormatter(format);
                }
            }
            file = handler;
            currentFile = directory.resolve(appName + ".0.log");
        } catch (IOException | RuntimeException e) {
            System.err.println("AE Workbench: cannot write the log in " + directory + " (" + e.getMessage()
                    + "); logging to the console only");
            return null;
        }
        previousUncaught = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(Logs::logUncaught);
        started(appName);
        return currentFile;
    }

    /** The first line of a log: what ran, on what. */
    private static void started(String appName) {
        Runtime rt = Runtime.getRuntime();
        Logger.getLogger(Logs.class.getName()).info(() -> appName + " started: Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", " + rt.availableProcessors() + " cores, max heap "
                + (rt.maxMemory() >> 20) + " MB");
    }

    /** Stops writing the file and restores what {@link #install} changed (for tests, and after a command). */
    public static synchronized void uninstall() {
        if (file == null) {
            return;
        }
        Logger.getLogger("").removeHandler(file);
        file.close();
        file = null;
        currentFile = null;
        Thread.setDefaultUncaughtExceptionHandler(previousUncaught);
        previousUncaught = null;
    }

    private static void logUncaught(Thread thread, Throwable e) {
        Logger.getLogger(Logs.class.getName()).log(Level.SEVERE, "uncaught in thread " + thread.getName(), e);
        Thread.UncaughtExceptionHandler previous = previousUncaught;
        if (previous != null) {
            previous.uncaughtException(thread, e);
        }
    }

    /**
     * {@code 2025-01-31 14:02:03.123 WARNING [main] org.aeworkbench.X: message}, then any stack
     * trace; without traces (the command line's console), {@code ae-workbench: warning: message
     * (the exception's message)} on one line.
     */
    static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        private final boolean traces;

        OneLine() {
            this(true);
        }

        OneLine(boolean traces) {
            this.traces = traces;
        }

        @Override
        public String format(LogRecord r) {
            if (!traces) {
                Throwable e = r.getThrown();
                return "ae-workbench: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                        + formatMessage(r).strip() + (e == null || e.getMessage() == null ? ""
                        : " (" + e.getMessage().lines().findFirst().orElse("") + ")") + System.lineSeparator();
            }
            StringBuilder line = new StringBuilder(160)
                    .append(TIME.format(LocalDateTime.ofInstant(r.getInstant(), ZoneId.systemDefault())))
                    .append(' ').append(r.getLevel().getName())
                    .append(" [").append(Thread.currentThread().getName()).append("] ")
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
