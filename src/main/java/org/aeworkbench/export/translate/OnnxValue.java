package org.aeworkbench.export.translate;

/**
 * A value flowing through an ONNX graph: its name, and whether it is an image batch
 * (N, C, H, W) or a batch of vectors (N, features) in the workbench's channels-last order.
 */
public record OnnxValue(String name, boolean image) {

    /** As a batch of channels-last vectors: an image is transposed to (N, H, W, C) and flattened. */
    public OnnxValue asVector(OnnxGraph g, String stem) {
        if (!image) {
            return this;
        }
        String nhwc = g.op("Transpose", stem + "/to_channels_last", new String[] {name}, OnnxGraph.ints("perm", 0, 2, 3, 1));
        return new OnnxValue(g.op("Flatten", stem + "/flatten", new String[] {nhwc}, OnnxGraph.attr("axis", 1L)), false);
    }

    /**
     * As an image batch of {@code height x width x channels} samples: a vector batch is read as
     * (N, H, W, C) and transposed to (N, C, H, W).
     */
    public OnnxValue asImage(OnnxGraph g, String stem, int height, int width, int channels) {
        if (image) {
            return this;
        }
        String shape = g.int64s(stem + "/shape", -1, height, width, channels);
        String nhwc = g.op("Reshape", stem + "/to_image", new String[] {name, shape});
        return new OnnxValue(g.op("Transpose", stem + "/to_channels_first", new String[] {nhwc},
                OnnxGraph.ints("perm", 0, 3, 1, 2)), true);
    }
}
