package org.aeworkbench;

import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.cli.AeWorkbenchCommand;
import org.aeworkbench.ui.WorkbenchApp;

/**
 * Entry point of the runnable jar: no arguments opens the workbench window, a subcommand runs
 * headless. It is deliberately not a JavaFX {@code Application} so the shaded jar can start
 * JavaFX from the class path.
 *
 * <p>netlib's pure-Java BLAS reaches SIMD speed only through the incubating Vector API, which
 * the JVM loads only when asked on its command line. A jar cannot ask for it in its manifest, so
 * when the module is missing the launcher starts the same jar once more with
 * {@code --add-modules=jdk.incubator.vector,jdk.incubator.foreign --enable-native-access=ALL-UNNAMED}
 * (the second module lets the engine hold OpenBLAS to one thread), passing its input and output through.
 */
public final class Launcher {

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The foreign linker, with which the engine holds OpenBLAS to one thread (engine/blas/OpenBlasThreads). */
    static final String FOREIGN_MODULE = "jdk.incubator.foreign";
    static final String RELAUNCHED = "aeworkbench.relaunched";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty() && System.getProperty(RELAUNCHED) == null) {
            Integer exit = relaunchWithVectorModule(args);
            if (exit != null) {
                System.exit(exit);
            }
        }
        if (args.length == 0 || opensInWindow(args)) {
            WorkbenchApp.launchApp(args);
        } else {
            // A command writes nothing but its outputs: the log stays on the console unless asked for.
            org.aeworkbench.support.Logs.installCommandLine("ae-workbench-cli");
            System.exit(AeWorkbenchCommand.run(args));
        }
    }

    /**
     * One argument naming a project or model file ({@code .aewb}, {@code .aem}) opens it in the window:
     * what a desktop does when a project is double-clicked (the installers' file association).
     */
    static boolean opensInWindow(String[] args) {
        if (args.length != 1) {
            return false;
        }
        String a = args[0].toLowerCase(java.util.Locale.ROOT);
        return (a.endsWith(".aewb") || a.endsWith(".aem")) && new File(args[0]).isFile();
    }

    /** Returns the child's exit code, or null when this JVM cannot be relaunched (run in place). */
    private static Integer relaunchWithVectorModule(String[] args) {
        try {
            String java = ProcessHandle.current().info().command().orElse(null);
            File jar = new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (java == null || !jar.isFile()) {
                return null;
            }
            List<String> command = new ArrayList<>();
            command.add(java);
            command.add("--add-modules=" + VECTOR_MODULE + "," + FOREIGN_MODULE);
            command.add("--enable-native-access=ALL-UNNAMED");
            command.add("-D" + RELAUNCHED + "=true");
            command.addAll(ProcessHandle.current().info().arguments().map(Launcher::jvmOptions).orElse(List.of()));
            command.add("-cp");
            command.add(jar.getPath());
            command.add(Launcher.class.getName());
            command.addAll(List.of(args));
            Process child = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return child.waitFor();
        } catch (URISyntaxException | java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The -X / -D options this JVM was started with, so a relaunch keeps -Xmx and friends. */
    private static List<String> jvmOptions(String[] arguments) {
        List<String> options = new ArrayList<>();
        for (String a : arguments) {
            if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath")) {
                break;
            }
            if (a.startsWith("-X") || a.startsWith("-D")) {
                options.add(a);
            }
        }
        return options;
    }
}
