package org.aeworkbench.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presentation mode's larger type, derived from the window's own stylesheet rather than kept
 * beside it: every rule that sets a font size in pixels gets a twin, under the root's
 * {@code presentation} style class, with the size times {@link #SCALE}. A size added to the
 * stylesheet is scaled with no second place to edit.
 */
public final class PresentationStyle {

    /** The style class the window's root carries in presentation mode. */
    public static final String CLASS = "presentation";
    /** How much larger the type is. */
    public static final double SCALE = 1.5;

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern FONT_SIZE = Pattern.compile("-fx-font-size\\s*:\\s*([0-9.]+)px");

    private PresentationStyle() {
    }

    /** The presentation twin of the stylesheet resource at {@code path}, as a data URI JavaFX loads. */
    public static String forResource(String path) {
        try (InputStream in = PresentationStyle.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the stylesheet " + path + " is missing from the build");
            }
            String css = derive(new String(in.readAllBytes(), StandardCharsets.UTF_8), SCALE);
            return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** For each rule of {@code css} with a pixel font size: the same selectors under the presentation class, the size scaled. */
    static String derive(String css, double scale) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder out = new StringBuilder();
        Matcher rule = RULE.matcher(plain);
        while (rule.find()) {
            Matcher size = FONT_SIZE.matcher(rule.group(2));
            if (!size.find()) {
                continue;
            }
            String scaled = px(Double.parseDouble(size.group(1)) * scale);
            StringBuilder selectors = new StringBuilder();
            for (String selector : rule.group(1).split(",")) {
                String s = selector.strip();
                selectors.append(selectors.length() == 0 ? "" : ", ")
                        .append(s.startsWith(".root") ? ".root." + CLASS + s.substring(".root".length()) : "." + CLASS + " " + s);
            }
            out.append(selectors).append(" { -fx-font-size: ").append(scaled).append("; }\n");
        }
        return out.toString();
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1fpx", v);
    }
}
