package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aeworkbench.data.AsciiPreview;
import org.aeworkbench.data.BadParameterException;
import org.aeworkbench.data.CsvOptions;
import org.aeworkbench.data.DataException;
import org.aeworkbench.data.DataSources;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.data.DatasetInfo;
import org.aeworkbench.data.DatasetRegistry;
import org.aeworkbench.data.DatasetSummary;
import org.aeworkbench.data.LoadOptions;
import org.aeworkbench.data.Preparation;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.engine.tensor.Shape;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code data list} prints the bundled and generated sets; {@code data show NAME|FILE} loads one
 * and prints its summary and, for images, a few samples drawn as characters. Bad data: one line
 * on stderr naming the file and place, exit code 1; bad arguments: exit code 2.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "List the bundled data sets, or load one (or a file) and summarise it.",
        subcommands = {DataCommand.ListSets.class, DataCommand.Show.class})
public final class DataCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled and generated data sets.")
    static final class ListSets implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON array instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<DatasetInfo> sets = DatasetRegistry.list();
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                for (DatasetInfo info : sets) {
                    ObjectNode o = array.addObject();
                    o.put("name", info.name()).put("samples", info.samples());
                    o.set("shape", shape(info.shape()));
                    o.put("classes", info.classes()).put("labels", info.labelled())
                            .put("description", info.description()).put("source", info.source())
                            .put("parameters", info.parameters());
                }
                out.println(JSON.writeValueAsString(array));
                out.flush();
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "SAMPLES", "SHAPE", "LABELS", "DESCRIPTION"});
            for (DatasetInfo info : sets) {
                rows.add(new String[] {info.name(), String.format(Locale.ROOT, "%,d", info.samples()),
                    info.shape().toString(), info.labelled() ? info.classes() + " classes" : "-", info.description()});
            }
            printTable(out, rows);
            out.println();
            out.println("Generators take parameters after a colon, e.g. curves:n=2000,seed=3. Defaults:");
            for (DatasetInfo info : sets) {
                if (info.generated()) {
                    out.println("  " + info.name() + ":" + info.parameters());
                }
            }
            out.println("Any file works too: CSV/TSV, IDX (.gz), NPY, or a folder of images; see 'data show --help'.");
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Load a bundled set or a file and print its summary; image data also draws 3 samples.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME|FILE",
                description = "A registry name (see 'data list'; generators take parameters, e.g. blobs:dims=5)"
                        + " or a CSV/TSV, IDX, NPY file or a folder of images (one sub-folder per class).")
        String source;

        @Option(names = "--labels", paramLabel = "FILE",
                description = "Labels from a separate file: IDX, NPY (one dimension) or one label per line.")
        Path labels;

        @Option(names = "--label-column", paramLabel = "COLUMN",
                description = "CSV: the label column by name or index (0 first, -1 last), or 'none'. Default: detected.")
        String labelColumn;

        @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV: the cell separator ('tab' for tab). Default: detected.")
        String delimiter;

        @Option(names = "--header", negatable = true, description = "CSV: whether the first row names the columns. Default: detected.")
        Boolean header;

        @Option(names = "--image-size", paramLabel = "HxW", description = "Image folders: resize to this size (default 28x28).")
        String imageSize = "28x28";

        @Option(names = "--scale", paramLabel = "RULE", converter = ScaleChoiceConverter.class,
                description = "Show the values scaled as training would scale them: auto (default), none, 255, minmax,"
                        + " zscore (statistics of all the samples shown).")
        ScaleChoice scale = ScaleChoice.AUTO;

        @Option(names = "--json", description = "End with one line of JSON: samples, features, shape, labels, source.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LoadOptions options = options();
            Dataset set;
            try {
                set = DataSources.load(source, options);
            } catch (BadParameterException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            } catch (DataException e) {
                err.println("ae-workbench: " + e.getMessage());
                err.flush();
                return 1;
            }
            // No design is known here: auto decides by the values alone (bytes / 255, others as they are).
            Preparation preparation = Preparation.fit(scale, set, null);
            Dataset shown = preparation.apply(set);
            out.println(preparation.line());
            DatasetSummary s = DatasetSummary.of(shown);
            printSummary(out, s);
            if (preparation.scaling() != org.aeworkbench.data.Scaling.NONE) {
                out.printf(Locale.ROOT, "  stored    %s .. %s%s%n", number(set.minValue()), number(set.maxValue()),
                        set.unsignedBytes() ? " (unsigned bytes)" : "");
            }
            if (s.imageShaped() && s.samples() > 0) {
                out.println();
                int[] first = new int[Math.min(3, s.samples())];
                for (int i = 0; i < first.length; i++) {
                    first[i] = i;
                }
                AsciiPreview.render(shown, first).forEach(out::println);
            }
            if (json) {
                ObjectNode o = toJson(s);
                RunJson.putScaling(o, preparation);
                o.put("stored_min", set.minValue()).put("stored_max", set.maxValue()).put("unsigned_bytes", set.unsignedBytes());
                out.println(JSON.writeValueAsString(o));
            }
            out.flush();
            return 0;
        }

        /** Checks the arguments that are not data: a wrong one is a usage error (exit code 2). */
        private LoadOptions options() {
            if (!DatasetRegistry.contains(source) && !Files.exists(Path.of(source))) {
                throw new CommandLine.ParameterException(spec.commandLine(), source
                        + ": no such file or folder, and not a bundled data set; 'data list' shows those");
            }
            String labelsProblem = labels == null ? null : org.aeworkbench.engine.core.InputFiles.notAFile(labels);
            if (labelsProblem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--labels " + labels + ": " + labelsProblem
                        + "; give a labels file, one label a line");
            }
            Character delim = null;
            if (delimiter != null) {
                String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter.equals("\\t") ? "\t" : delimiter;
                if (d.length() != 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--delimiter must be one character (or 'tab'), not '" + delimiter + "'");
                }
                delim = d.charAt(0);
            }
            String[] hw = imageSize.toLowerCase(Locale.ROOT).split("x");
            int height;
            int width;
            try {
                height = Integer.parseInt(hw[0].trim());
                width = hw.length == 2 ? Integer.parseInt(hw[1].trim()) : height;
            } catch (NumberFormatException e) {
                height = -1;
                width = -1;
            }
            if (hw.length > 2 || height < 1 || width < 1 || height > 1024 || width > 1024) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--image-size must be HxW between 1 and 1024, e.g. 28x28, not '" + imageSize + "'");
            }
            LoadOptions o = LoadOptions.defaults().withCsv(new CsvOptions(delim, header, labelColumn))
                    .withImageSize(height, width);
            return labels == null ? o : o.withLabels(labels);
        }
    }

    static void printSummary(PrintWriter out, DatasetSummary s) {
        out.println(s.name());
        out.printf(Locale.ROOT, "  samples   %,d%n", s.samples());
        out.printf(Locale.ROOT, "  features  %,d (shape %s)%n", s.features(), s.shape());
        out.printf(Locale.ROOT, "  values    %s .. %s%s%n", number(s.min()), number(s.max()),
                s.inUnitInterval() ? " (in [0,1])" : " (outside [0,1]: scale it before using BCE)");
        if (s.labelled()) {
            StringBuilder classes = new StringBuilder();
            for (int c = 0; c < s.classCounts().length; c++) {
                classes.append(c == 0 ? "" : ", ").append(s.classNames().get(c)).append(": ").append(s.classCounts()[c]);
            }
            out.printf(Locale.ROOT, "  labels    %d classes (%s)%n", s.classCounts().length, classes);
        } else {
            out.println("  labels    none");
        }
        out.println("  source    " + s.source());
    }

    static ObjectNode toJson(DatasetSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", s.name()).put("samples", s.samples()).put("features", s.features());
        o.set("shape", shape(s.shape()));
        if (s.labelled()) {
            ObjectNode labels = o.putObject("labels");
            ArrayNode names = labels.putArray("classes");
            s.classNames().forEach(names::add);
            ArrayNode counts = labels.putArray("counts");
            for (int c : s.classCounts()) {
                counts.add(c);
            }
        } else {
            o.putNull("labels");
        }
        o.put("min", s.min()).put("max", s.max()).put("inUnitInterval", s.inUnitInterval());
        o.put("source", s.source());
        return o;
    }

    private static ArrayNode shape(Shape shape) {
        return JSON.createArrayNode().add(shape.height()).add(shape.width()).add(shape.channels());
    }

    private static String number(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Columns padded to their widest cell; the last column is left ragged. */
    static void printTable(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                boolean numeric = c == 1;
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == columns - 1 ? cell : numeric ? pad + cell : cell + pad);
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
