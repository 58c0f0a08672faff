package org.aeworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PresentationStyleTest {

    @Test
    void everyPixelFontSizeGetsAScaledTwinUnderThePresentationClass() {
        String css = """
                .root { -fx-font-size: 13px; -fx-base: #fff; }
                /* a comment { -fx-font-size: 99px; } */
                .metrics, .lesson-text:hover { -fx-text-fill: red; -fx-font-size: 11px }
                .pane { -fx-padding: 4; }
                """;
        assertEquals(".root.presentation { -fx-font-size: 19.5px; }\n"
                + ".presentation .metrics, .presentation .lesson-text:hover { -fx-font-size: 16.5px; }\n",
                PresentationStyle.derive(css, 1.5));
    }

    @Test
    void theWindowsStylesheetHasItsSizesScaled() throws Exception {
        String css;
        try (InputStream in = PresentationStyle.class.getResourceAsStream("/org/aeworkbench/ui/workbench.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String derived = PresentationStyle.derive(css, PresentationStyle.SCALE);
        Matcher sizes = Pattern.compile("-fx-font-size\\s*:\\s*([0-9.]+)px").matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        int n = 0;
        while (sizes.find()) {
            n++;
        }
        assertTrue(n > 0);
        assertEquals(n, derived.split("\n").length, "one twin per rule with a pixel size");
        assertTrue(derived.lines().allMatch(l -> l.contains(".presentation")), derived);
    }
}
