package org.aeworkbench.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A step's text as the panel draws it: paragraphs, **bold** and `code`, the little Markdown a
 * lesson file's text uses (docs/lessons.md). Anything else is shown as written.
 */
final class StepText {

    private StepText() {
    }

    static TextFlow flow(String text) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("lesson-text");
        flow.getChildren().setAll(runs(text));
        return flow;
    }

    static List<Text> runs(String text) {
        List<Text> out = new ArrayList<>();
        String[] paragraphs = text.split("\n\n");
        for (int p = 0; p < paragraphs.length; p++) {
            String para = paragraphs[p];
            int i = 0;
            StringBuilder plain = new StringBuilder();
            while (i < para.length()) {
                String marker = para.startsWith("**", i) ? "**" : para.charAt(i) == '`' ? "`" : null;
                int close = marker == null ? -1 : para.indexOf(marker, i + marker.length());
                if (marker != null && close > i + marker.length()) {
                    add(out, plain.toString(), null);
                    plain.setLength(0);
                    add(out, para.substring(i + marker.length(), close), marker.equals("**") ? "lesson-bold" : "lesson-code");
                    i = close + marker.length();
                } else {
                    plain.append(para.charAt(i++));
                }
            }
            add(out, plain.toString(), null);
            if (p < paragraphs.length - 1) {
                add(out, "\n\n", null);
            }
        }
        return out;
    }

    /** The text without its markup, for a label that shows it plainly. */
    static String plain(String text) {
        StringBuilder b = new StringBuilder();
        for (Text t : runs(text)) {
            b.append(t.getText());
        }
        return b.toString();
    }

    private static void add(List<Text> out, String s, String style) {
        if (s.isEmpty()) {
            return;
        }
        Text t = new Text(s);
        t.getStyleClass().add("lesson-run");
        if (style != null) {
            t.getStyleClass().add(style);
        }
        out.add(t);
    }
}
