package org.aeworkbench.report.html;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.aeworkbench.engine.io.AtomicFiles;

/**
 * Writes a report as one self-contained HTML page: well-formed XHTML (any XML parser reads it),
 * every image embedded as a PNG data URI, the stylesheet inline, with rules for print (black on
 * white, no figure split across pages, figures one under the other) so a student can hand it in
 * on paper and a teacher can project it.
 */
public final class ReportPage {

    private ReportPage() {
    }

    public static void write(Path file, ReportContent content) throws IOException {
        byte[] bytes = html(content).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static String html(ReportContent c) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<meta name=\"generator\" content=\"AE Workbench\"/>\n")
                .append("<title>").append(escape(c.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<header>\n<h1>").append(escape(c.title())).append("</h1>\n");
        for (String m : c.meta()) {
            b.append("<p class=\"meta\">").append(escape(m)).append("</p>\n");
        }
        b.append("</header>\n");
        for (ReportContent.Section s : c.sections()) {
            b.append("<section id=\"").append(escape(s.id())).append("\">\n<h2>").append(escape(s.title())).append("</h2>\n");
            for (ReportContent.Block block : s.blocks()) {
                if (block instanceof ReportContent.Text t) {
                    b.append("<p>").append(escape(t.text())).append("</p>\n");
                } else if (block instanceof ReportContent.Table t) {
                    table(b, t);
                } else if (block instanceof ReportContent.Figures f) {
                    figures(b, f);
                }
            }
            b.append("</section>\n");
        }
        b.append("<footer><p>Written by AE Workbench. The figures were computed by the workbench on the data named above;"
                + " the same numbers come from its command line.</p></footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, ReportContent.Table t) {
        b.append("<table>\n");
        if (!t.caption().isEmpty()) {
            b.append("<caption>").append(escape(t.caption())).append("</caption>\n");
        }
        b.append("<thead><tr>");
        for (String h : t.header()) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(escape(row.get(i))).append(i == 0 ? "</th>" : "</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void figures(StringBuilder b, ReportContent.Figures f) {
        b.append(f.figures().size() > 1 ? "<div class=\"row\">\n" : "<div>\n");
        for (ReportContent.Figure fig : f.figures()) {
            BufferedImage img = fig.image();
            b.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png(img)))
                    .append("\" width=\"").append(img.getWidth()).append("\" height=\"").append(img.getHeight())
                    .append("\" alt=\"").append(escape(fig.caption())).append("\"/><figcaption>").append(escape(fig.caption()))
                    .append("</figcaption></figure>\n");
        }
        b.append("</div>\n");
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text as XHTML character data or an attribute value. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Characters XML forbids (controls other than tab and line breaks) are dropped.
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
                   max-width: 1200px; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { font-size: 1.3em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; margin-top: 1.6em; }
            .meta { color: #656d76; margin: 0.1em 0; }
            table { border-collapse: collapse; margin: 0.8em 0; font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
            th, td { border: 1px solid #d0d7de; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            thead th { background: #f6f8fa; }
            td { text-align: right; }
            .row { display: flex; flex-wrap: wrap; gap: 1em; }
            figure { margin: 0.8em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
            figcaption { color: #656d76; font-size: 0.9em; }
            footer { margin-top: 2.5em; color: #656d76; font-size: 0.85em; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
              h2 { break-after: avoid; }
              .row { display: block; }
              figure, table { break-inside: avoid; }
              figure img { max-width: 100%; border: none; }
              th, td { border-color: #888; }
              thead th { background: none; }
              @page { margin: 15mm; }
            }
            """;
}
