package org.aeworkbench.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.text.Text;

/**
 * Finds the texts a window shows cut short: a label, button or cell whose skin replaced the end
 * of its text by an ellipsis, a label that runs past the right edge of the pane that clips it (a
 * side pane, a tab), or a spinner whose field is narrower than its number. Only what is showing
 * counts (nodes in a hidden tab or scrolled out of a viewport still have their full size).
 */
final class TruncatedTexts {

    private TruncatedTexts() {
    }

    /** One line per text cut short: its id or class, its whole text and what is shown. */
    static List<String> in(Parent root, String... allowedIds) {
        List<String> found = new ArrayList<>();
        walk(root, found, List.of(allowedIds));
        return found;
    }

    private static void walk(Node n, List<String> found, List<String> allowed) {
        if (!n.isVisible() || n.getOpacity() == 0 || n.getId() != null && allowed.contains(n.getId())) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = shownText(l);
            String text = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
            if (shown != null && !normal(shown).equals(normal(text))) {
                found.add(name(l) + ": \"" + l.getText() + "\" shows as \"" + shown + "\"");
            } else if (shown != null) {
                double past = pastClip(l);
                if (past > 1) {
                    found.add(name(l) + ": \"" + l.getText() + "\" runs " + Math.round(past) + " px past its pane");
                }
            }
        }
        if (n instanceof Spinner<?> s && s.getEditor() != null && s.getValue() != null) {
            Text probe = new Text(s.getEditor().getText());
            probe.setFont(s.getEditor().getFont());
            double room = s.getEditor().getWidth() - s.getEditor().snappedLeftInset() - s.getEditor().snappedRightInset();
            if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                found.add(name(s) + ": spinner value \"" + s.getEditor().getText() + "\" needs "
                        + Math.round(probe.getLayoutBounds().getWidth()) + " px, has " + Math.round(room));
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, found, allowed);
            }
        }
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /**
     * How far the node's right edge lies past that of its nearest ancestor that clips (a side
     * pane, a tab's content, a viewport scrolled only vertically); 0 inside tables, whose cells
     * scroll sideways and say so with an ellipsis.
     */
    private static double pastClip(Node n) {
        // A table's header row and its cells' container clip too, below the table: look for the table first.
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableView<?> || p instanceof javafx.scene.control.skin.VirtualFlow<?>) {
                return 0;
            }
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                if (p.getParent() instanceof javafx.scene.control.ScrollPane sp
                        && sp.getHbarPolicy() != javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER && !sp.isFitToWidth()) {
                    return 0;
                }
                Bounds clip = p.localToScene(p.getClip().getBoundsInParent());
                Bounds own = n.localToScene(n.getLayoutBounds());
                return own.getMaxX() - clip.getMaxX();
            }
        }
        return 0;
    }

    /** The text the skin draws, or null when the label has no skin text yet or lies outside the window. */
    private static String shownText(Labeled l) {
        if (l.getScene() == null || l.getWidth() <= 0) {
            return null;
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        if (b.getMaxX() < 0 || b.getMaxY() < 0 || b.getMinX() > l.getScene().getWidth() || b.getMinY() > l.getScene().getHeight()) {
            return null;
        }
        StringBuilder shown = null;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                shown = shown == null ? new StringBuilder() : shown;
                shown.append(t.getText());
            }
        }
        return shown == null ? null : shown.toString();
    }

    private static String name(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName() + n.getStyleClass();
        Node p = n.getParent();
        for (int i = 0; i < 6 && p != null; i++, p = p.getParent()) {
            if (p.getId() != null) {
                return id + " in #" + p.getId();
            }
        }
        return id;
    }
}
