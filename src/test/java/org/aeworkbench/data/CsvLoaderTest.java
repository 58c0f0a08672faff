package org.aeworkbench.data;

import static org.aeworkbench.data.TestFiles.gzip;
import static org.aeworkbench.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

    @TempDir
    Path dir;

    private Dataset load(Path f) {
        return DataSources.load(f.toString());
    }

    @Test
    void aLoadWhoseThreadIsInterruptedStopsAsCancelledNamingTheFile() {
        Path f = write(dir, "big.csv", "a,b\n1,2\n3,4\n");
        Thread.currentThread().interrupt(); // the UI's cancel
        try {
            var e = assertThrows(java.util.concurrent.CancellationException.class, () -> load(f));
            assertTrue(e.getMessage().contains("big.csv") && e.getMessage().contains("cancelled"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
        assertEquals(2, load(f).samples(), "the next load is unaffected");
    }

    @Test
    void headerAndCategoricalLabelColumnAreDetected() {
        Path f = write(dir, "flowers.csv", "width,height,kind\n1.5,2,rose\n3,4.25,tulip\n5,6,rose\n");
        Dataset d = load(f);
        assertEquals(3, d.samples());
        assertEquals(2, d.features());
        assertArrayEquals(new float[] {1.5f, 2, 3, 4.25f, 5, 6}, d.values());
        assertEquals(List.of("rose", "tulip"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());
        assertEquals("flowers.csv", d.name());
        assertEquals(List.of("width", "height"), d.featureNames(), "the header names the features, the label column left out");
        assertEquals(List.of("width", "height"), d.subset(new int[] {2}, "one").featureNames(), "a subset keeps them");
    }

    @Test
    void labelColumnNamedLabelIsPickedEvenWhenNumeric() {
        Path f = write(dir, "digits.csv", "label,p1,p2\n3,0.1,0.2\n1,0.3,0.4\n");
        Dataset d = load(f);
        assertArrayEquals(new int[] {3, 1}, d.labels());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, d.values());
    }

    @Test
    void noHeaderAllNumbersGivesUnlabelledRows() {
        Dataset d = load(write(dir, "plain.csv", "1,2,3\n4,5,6\n"));
        assertFalse(d.hasLabels());
        assertEquals(3, d.features());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.values());
        assertEquals(List.of(), d.featureNames(), "no header, no names");
    }

    @Test
    void delimitersAreDetected() {
        assertArrayEquals(new float[] {1, 2, 3, 4}, load(write(dir, "t.tsv", "a\tb\n1\t2\n3\t4\n")).values());
        assertArrayEquals(new float[] {1, 2, 3, 4}, load(write(dir, "s.csv", "1;2\n3;4\n")).values());
        assertArrayEquals(new float[] {1, 2, 3, 4}, load(write(dir, "w.txt", "1  2\n 3 4\n")).values());
        // Quoted cells may hold the delimiter.
        Dataset q = load(write(dir, "q.csv", "x,name\n1,\"a, b\"\n2,c\n"));
        assertEquals(List.of("a, b", "c"), q.classNames());
    }

    @Test
    void labelColumnByNameOrIndexAndNoLabels() {
        Path f = write(dir, "m.csv", "a,b,c\n1,2,3\n4,5,6\n");
        CsvOptions byIndex = CsvOptions.detect().withLabelColumn("0");
        Dataset d = DataSources.load(f.toString(), LoadOptions.defaults().withCsv(byIndex));
        assertArrayEquals(new int[] {1, 4}, d.labels());
        assertArrayEquals(new float[] {2, 3, 5, 6}, d.values());
        d = DataSources.load(f.toString(), LoadOptions.defaults().withCsv(CsvOptions.detect().withLabelColumn("c")));
        assertArrayEquals(new float[] {1, 2, 4, 5}, d.values());
        d = DataSources.load(f.toString(), LoadOptions.defaults().withCsv(CsvOptions.detect().withLabelColumn("-1")));
        assertArrayEquals(new float[] {1, 2, 4, 5}, d.values());
        DataException e = assertThrows(DataException.class, () -> DataSources.load(f.toString(),
                LoadOptions.defaults().withCsv(CsvOptions.detect().withLabelColumn("kind"))));
        assertTrue(e.getMessage().contains("no column named 'kind'"), e.getMessage());
        Path named = write(dir, "n.csv", "p,label\n1,7\n2,8\n");
        d = DataSources.load(named.toString(),
                LoadOptions.defaults().withCsv(CsvOptions.detect().withLabelColumn(CsvOptions.NO_LABELS)));
        assertFalse(d.hasLabels());
        assertArrayEquals(new float[] {1, 7, 2, 8}, d.values());
    }

    @Test
    void gzippedCsvIsRead() {
        Path f = write(dir, "z.csv.gz", gzip("1,2\n3,4\n".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new float[] {1, 2, 3, 4}, load(f).values());
    }

    @Test
    void raggedRowNamesFileAndLine() {
        Path f = write(dir, "ragged.csv", "a,b,c\n1,2,3\n\n4,5\n");
        DataException e = assertThrows(DataException.class, () -> load(f));
        assertTrue(e.getMessage().startsWith(f + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("2 cells, expected 3"), e.getMessage());
    }

    @Test
    void nonNumericCellNamesLineColumnAndColumnName() {
        Path f = write(dir, "bad.csv", "a,b,c\n1,2,3\n4,oops,6\n7,8,nine\n");
        DataException e = assertThrows(DataException.class, () -> load(f));
        assertTrue(e.getMessage().startsWith(f + ":3:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("'oops' is not a number"), e.getMessage());
    }

    @Test
    void nanInfinityAndEmptyCellsAreRefused() {
        Path nan = write(dir, "nan.csv", "1,2\n3,NaN\n");
        DataException e = assertThrows(DataException.class, () -> load(nan));
        assertTrue(e.getMessage().startsWith(nan + ":2:2:") && e.getMessage().contains("finite"), e.getMessage());
        Path inf = write(dir, "inf.csv", "1,-Infinity\n3,4\n");
        e = assertThrows(DataException.class, () -> load(inf));
        assertTrue(e.getMessage().startsWith(inf + ":1:2:"), e.getMessage());
        Path overflow = write(dir, "big.csv", "1,1e39\n3,4\n");
        assertThrows(DataException.class, () -> load(overflow));
        Path empty = write(dir, "gap.csv", "1,2\n3,\n");
        e = assertThrows(DataException.class, () -> load(empty));
        assertTrue(e.getMessage().startsWith(empty + ":2:2:") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void emptyFileAndHeaderOnlyAreRefused() {
        Path empty = write(dir, "empty.csv", "\n\n");
        DataException e = assertThrows(DataException.class, () -> load(empty));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("empty"), e.getMessage());
        Path header = write(dir, "header.csv", "a,b,c\n");
        e = assertThrows(DataException.class, () -> load(header));
        assertTrue(e.getMessage().startsWith(header + ":1:") && e.getMessage().contains("no data rows"),
                e.getMessage());
    }

    @Test
    void labelsFromATextFileOneLinePerSample() {
        Path data = write(dir, "x.csv", "1,2\n3,4\n5,6\n");
        Path labels = write(dir, "y.txt", "cat\ndog\ncat\n");
        Dataset d = DataSources.load(data.toString(), LoadOptions.defaults().withLabels(labels));
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());
        Path short_ = write(dir, "z.txt", "1\n2\n");
        DataException e = assertThrows(DataException.class,
                () -> DataSources.load(data.toString(), LoadOptions.defaults().withLabels(short_)));
        assertTrue(e.getMessage().contains("2 labels") && e.getMessage().contains("3 samples"), e.getMessage());
    }

    @Test
    void progressRisesToOne() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            rows.append(i).append(',').append(i * 2).append('\n');
        }
        Path f = write(dir, "long.csv", rows.toString());
        List<Double> seen = new java.util.ArrayList<>();
        Dataset d = DataSources.load(f.toString(), LoadOptions.defaults().withProgress(seen::add));
        assertEquals(5000, d.samples());
        assertTrue(seen.size() > 1, "reported " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1));
        }
        assertEquals(1.0, seen.get(seen.size() - 1));
    }

    @Test
    void columnsNamedXAndYAreFeaturesNotLabels() {
        Dataset d = load(write(dir, "xy.csv", "x,y\n1,2\n3,4\n"));
        assertFalse(d.hasLabels());
        assertEquals(2, d.features());
    }

    @Test
    void pathWithAColonIsAFileNotGeneratorParameters() {
        Path f = write(dir, "run:2.csv", "1,2\n3,4\n");
        assertArrayEquals(new float[] {1, 2, 3, 4}, load(f).values());
    }
}
