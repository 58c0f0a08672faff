package org.aeworkbench.export.translate;

import onnx.Onnx.AttributeProto;
import org.aeworkbench.engine.conv.WindowGeometry;

/**
 * The zeros a window geometry puts around an image, side by side: top and left from the
 * geometry, bottom and right as many as the last window reaches past the image (none when it
 * stops short, as "valid" windows may).
 */
record Pads(int top, int left, int bottom, int right) {

    static Pads of(WindowGeometry g) {
        int bottom = Math.max(0, (g.outHeight() - 1) * g.stride() + g.kernel() - g.height() - g.padTop());
        int right = Math.max(0, (g.outWidth() - 1) * g.stride() + g.kernel() - g.width() - g.padLeft());
        return new Pads(g.padTop(), g.padLeft(), bottom, right);
    }

    /** ONNX's order: begins of each spatial axis, then ends. */
    AttributeProto onnx() {
        return OnnxGraph.ints("pads", top, left, bottom, right);
    }

    /** {@code F.pad}'s order: last axis first, (left, right, top, bottom). */
    String python() {
        return "(" + left + ", " + right + ", " + top + ", " + bottom + ")";
    }
}
