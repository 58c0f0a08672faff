package org.aeworkbench.ui.plot;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import org.aeworkbench.ui.common.TexturePrimer;

/**
 * The image behind one of a scatter's pixel layers, made before a run needs it and kept while its
 * size changes a little (FX thread).
 *
 * <p>The renderer makes an image's texture the first time it draws it, and made during a run
 * that was the longest pause of a JVM's first run on the Latent space tab ({@link TexturePrimer}).
 * So the image is made, and drawn once out of sight, when the plot is laid out at rest; it is a
 * little larger than asked, so that the data area growing by a few pixels (wider tick labels)
 * needs no new one; the layer shows its top left corner.
 */
final class LayerImage {

    /** Sizes are rounded up to this many pixels: a new axis label moves the data area by fewer. */
    static final int STEP = 64;

    private final ImageView layer;
    private final TexturePrimer primer;
    private IntArgbImage image;

    /** @param primer draws a new image once, out of sight; its node is in the layer's scene */
    LayerImage(ImageView layer, TexturePrimer primer) {
        this.layer = layer;
        this.primer = primer;
    }

    /**
     * Makes sure an image holds {@code w x h} pixels, and has the renderer draw a new one at the
     * next frame, out of sight. Called at rest, as the plot is laid out.
     */
    void prepare(int w, int h) {
        if (w >= 1 && h >= 1 && grow(w, h)) {
            // The layer is hidden; its viewport stays that of the last pixels shown.
            primer.prime(image.image(), () -> { });
        }
    }

    /** Shows {@code w x h} premultiplied pixels; a new image only when they do not fit the one there is. */
    void show(int[] argbPre, int w, int h) {
        grow(w, h);
        image.put(argbPre, w, h);
        Rectangle2D shown = layer.getViewport();
        if (shown == null || shown.getWidth() != w || shown.getHeight() != h) {
            layer.setViewport(new Rectangle2D(0, 0, w, h));
        }
    }

    /** The image's size in pixels, {width, height}, or null before the first (tests). */
    int[] size() {
        return image == null ? null : new int[] {image.width, image.height};
    }

    /**
     * Puts a new image on the layer when {@code w x h} pixels do not fit the one there is, large
     * enough for both; whether it did.
     */
    private boolean grow(int w, int h) {
        if (image != null && image.holds(w, h)) {
            return false;
        }
        image = new IntArgbImage(roundUp(Math.max(w, image == null ? 0 : image.width)),
                roundUp(Math.max(h, image == null ? 0 : image.height)));
        layer.setImage(image.image());
        return true;
    }

    private static int roundUp(int pixels) {
        return (pixels + STEP - 1) / STEP * STEP;
    }
}
