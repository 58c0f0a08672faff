package org.aeworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new DataCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void isRegisteredUnderTheRootCommand() {
        assertTrue(new CommandLine(new AeWorkbenchCommand()).getSubcommands().containsKey("data"));
    }

    @Test
    void listPrintsAnAlignedTable() {
        assertEquals(0, run("list"));
        List<String> lines = outLines();
        String header = lines.get(0);
        String mnist = lines.stream().filter(l -> l.startsWith("mnist ")).findFirst().orElseThrow();
        String iris = lines.stream().filter(l -> l.startsWith("iris ")).findFirst().orElseThrow();
        // Shape and description columns start where their headings do; sample counts end aligned.
        assertEquals(header.indexOf("SHAPE"), mnist.indexOf("28x28x1"));
        assertEquals(header.indexOf("SHAPE"), iris.indexOf("4 "));
        assertEquals(mnist.indexOf("10,000") + 6, iris.indexOf("150") + 3);
        assertEquals(header.indexOf("DESCRIPTION"), mnist.indexOf("handwritten"));
        assertTrue(out.toString().contains("curves:n=10000,seed=1"));
    }

    @Test
    void listAsJson() throws Exception {
        assertEquals(0, run("list", "--json"));
        JsonNode sets = new ObjectMapper().readTree(out.toString());
        assertEquals("mnist", sets.get(0).get("name").asText());
        assertEquals(10_000, sets.get(0).get("samples").asInt());
    }

    @Test
    void showMnistEndsWithJsonAndDrawsSamples() throws Exception {
        assertEquals(0, run("show", "mnist", "--json"));
        List<String> lines = outLines();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(10_000, json.get("samples").asInt());
        assertEquals(784, json.get("features").asInt());
        assertEquals("[28,28,1]", json.get("shape").toString());
        assertEquals(10, json.get("labels").get("classes").size());
        assertEquals(1001, json.get("labels").get("counts").get(0).asInt());
        assertTrue(json.get("source").asText().contains("LeCun"));
        // Three 28-pixel-wide pictures side by side: some rows use the darkest glyph.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("#0 8")), out.toString());
        assertTrue(lines.stream().filter(l -> l.contains("@")).count() >= 15, out.toString());
    }

    @Test
    void showCsvFileWithLabelColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("t.csv"), "x,y,kind\n1,2,a\n3,4,b\n5,6,a\n");
        assertEquals(0, run("show", f.toString(), "--json"));
        List<String> lines = outLines();
        assertTrue(out.toString().contains("2 classes (a: 2, b: 1)"), out.toString());
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(3, json.get("samples").asInt());
        assertEquals(f.toString(), json.get("source").asText());
        // With x as the label column, 'kind' must be numeric and is not: bad data, exit code 1.
        assertEquals(1, run("show", f.toString(), "--label-column", "x"));
        assertTrue(err.toString().contains(f + ":2:3:") && err.toString().contains("'kind'"), err.toString());
        out.getBuffer().setLength(0);
        Path g = Files.writeString(dir.resolve("n.tsv"), "1\t2\t7\n3\t4\t8\n");
        assertEquals(0, run("show", g.toString(), "--label-column", "-1", "--no-header", "--json"));
        assertTrue(out.toString().contains("9 classes"), out.toString());
        assertTrue(out.toString().contains("features  2 "), out.toString());
    }

    @Test
    void badDataIsOneLineOnStderrWithExitCode1() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,x\n");
        assertEquals(1, run("show", f.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(f + ":3:2:"), message);
    }

    @Test
    void badArgumentsExitWithCode2() {
        assertEquals(2, run("show", dir.resolve("missing.csv").toString()));
        assertEquals(2, run("show", "curves:n=ten"));
        assertEquals(2, run("show", "blobs:colour=red"));
        assertEquals(2, run("show", "iris", "--image-size", "big"));
        assertEquals(2, run("show", "iris", "--delimiter", ";;"));
    }
}
