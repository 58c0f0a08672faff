package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * File > Export report after two short runs: the page is parsed as XML (it is XHTML), its sections
 * are there (design with its shapes, curves, latent scatters beside PCA, reconstructions, metrics,
 * runs), every image is an embedded PNG that decodes at the size the page gives it, the design
 * table's parameter count is the design's, and a print stylesheet is included.
 */
@ExtendWith(ApplicationExtension.class)
class ReportUiTest {

    private static PreparedData tiny;

    @TempDir
    Path dir;

    private WorkbenchModel wb;
    private MainWindow window;

    @BeforeAll
    static void data() {
        tiny = TestWindow.prepare(500);
    }

    @Start
    void start(Stage stage) {
        TestWindow shown = TestWindow.show(stage, 1260, 780);
        wb = shown.wb();
        window = shown.main();
        wb.data().set(tiny);
        wb.design().reset(TestWindow.small(784, 2)); // 784-32-2-32-784
    }

    @Test
    void theReportIsOnePageWithEverySectionAndItsImagesEmbedded(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        TestWindow.waitFor(120, () -> wb.training().state() == State.IDLE && wb.runs().runs().size() == 1);
        robot.clickOn("#train-button"); // goes on from the trained weights: a second run
        TestWindow.waitFor(120, () -> wb.training().state() == State.IDLE && wb.runs().runs().size() == 2);

        Path file = dir.resolve("report.html");
        AtomicReference<String> failed = new AtomicReference<>();
        robot.interact(() -> window.exportReport(file, p -> { }, failed::set));
        TestWindow.waitFor(120, () -> Files.exists(file) || failed.get() != null);
        assertEquals(null, failed.get());

        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        List<String> sections = new ArrayList<>();
        NodeList s = page.getElementsByTagName("section");
        for (int i = 0; i < s.getLength(); i++) {
            sections.add(((Element) s.item(i)).getAttribute("id"));
        }
        assertEquals(List.of("design", "curves", "latent", "reconstructions", "metrics", "runs"), sections);

        NodeList images = page.getElementsByTagName("img");
        // Curves, the two scatters, the reconstruction grid, the runs overlaid.
        assertEquals(5, images.getLength());
        for (int i = 0; i < images.getLength(); i++) {
            Element img = (Element) images.item(i);
            String src = img.getAttribute("src");
            assertTrue(src.startsWith("data:image/png;base64,"), "embedded, not linked: " + src.substring(0, 40));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                    src.substring("data:image/png;base64,".length()))));
            assertNotNull(decoded, img.getAttribute("alt"));
            assertEquals(Integer.parseInt(img.getAttribute("width")), decoded.getWidth());
            assertEquals(Integer.parseInt(img.getAttribute("height")), decoded.getHeight());
            assertTrue(distinctColours(decoded) > 2, "a picture, not a blank: " + img.getAttribute("alt"));
        }

        // The design table ends with the total: 784*32+32 + 32*2+2 + 2*32+32 + 32*784+784 parameters.
        String text = page.getDocumentElement().getTextContent();
        assertTrue(text.contains("51,154"), "the parameter count of 784-32-2-32-784");
        assertTrue(text.contains("5-NN accuracy"), "the metrics table");
        assertTrue(text.contains("1: ") && text.contains("2: "), "both runs listed");
        String style = page.getElementsByTagName("style").item(0).getTextContent();
        assertTrue(style.contains("@media print"), "a print stylesheet");
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
