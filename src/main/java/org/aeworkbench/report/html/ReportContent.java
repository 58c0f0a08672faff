package org.aeworkbench.report.html;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What a report page says, before it is written as HTML: a title, a few lines about where it
 * comes from, and sections of text, tables and figures.
 *
 * @param title    the page's heading
 * @param meta     lines under the heading (when, which data, which BLAS)
 * @param sections in order
 */
public record ReportContent(String title, List<String> meta, List<Section> sections) {

    public ReportContent {
        meta = List.copyOf(meta);
        sections = List.copyOf(sections);
    }

    /** @param id the section's anchor ("design", "curves"...) */
    public record Section(String id, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A part of a section. */
    public sealed interface Block permits Text, Table, Figures {
    }

    /** A paragraph. */
    public record Text(String text) implements Block {
    }

    /** A table; cells are text, numbers already formatted. */
    public record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Figures side by side (the autoencoder's codes beside PCA's), or one alone. */
    public record Figures(List<Figure> figures) implements Block {
        public Figures {
            figures = List.copyOf(figures);
        }
    }

    /** @param caption said under the image and as its alternative text */
    public record Figure(String caption, BufferedImage image) {
    }
}
