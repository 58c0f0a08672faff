package org.aeworkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small vector icons for the toolbar, drawn in the text colour so they follow the theme. */
public final class Icons {

    private Icons() {
    }

    public static Node play() {
        return icon("M4 2 L14 8 L4 14 Z");
    }

    public static Node pause() {
        return icon("M4 2 H7 V14 H4 Z M9 2 H12 V14 H9 Z");
    }

    public static Node stop() {
        return icon("M3 3 H13 V13 H3 Z");
    }

    public static Node reset() {
        return icon("M8 2 A6 6 0 1 0 14 8 H12 A4 4 0 1 1 8 4 V6.5 L11.5 3 L8 -0.5 Z");
    }

    public static Node undo() {
        return icon("M5 3 L1 6.5 L5 10 V7.5 H10 A3 3 0 0 1 10 13.5 H7 V15.5 H10 A5 5 0 0 0 10 5.5 H5 Z");
    }

    public static Node redo() {
        return icon("M11 3 L15 6.5 L11 10 V7.5 H6 A3 3 0 0 0 6 13.5 H9 V15.5 H6 A5 5 0 0 1 6 5.5 H11 Z");
    }

    public static Node moon() {
        return icon("M10 1 A7 7 0 1 0 15 11 A5.5 5.5 0 1 1 10 1 Z");
    }

    private static Node icon(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }
}
