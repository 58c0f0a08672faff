package org.aeworkbench.ui.common;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * Has the renderer draw an image once, out of sight, so that it makes the image's texture now
 * rather than the first time the image is shown. With the software pipeline a texture is an int
 * array of the image's size on the heap, which the JVM fills with zeros; made during a JVM's first
 * run, on heap memory touched for the first time, that cost the renderer 14-21 ms of a core for one
 * frame while the FX thread waited for it (docs/performance.md, round twenty-seven).
 *
 * <p>The view is 1 x 1 and hidden between uses: the texture is made at the image's full size
 * whatever the size it is drawn at, and it stays with the image.
 */
public final class TexturePrimer {

    private final ImageView view = new ImageView();

    public TexturePrimer() {
        view.setManaged(false);
        view.setMouseTransparent(true);
        view.setFitWidth(1);
        view.setFitHeight(1);
        view.setVisible(false);
        view.getStyleClass().add("texture-primer");
    }

    /** The view to put in the scene, beside what will show the images. */
    public ImageView node() {
        return view;
    }

    /**
     * Has {@code image} drawn at the next pulse, then runs {@code then} on the FX thread once that
     * pulse is over, as {@link FxFrames#afterNextPulse} does (FX thread).
     */
    public void prime(Image image, Runnable then) {
        view.setImage(image);
        view.setVisible(true);
        FxFrames.afterNextPulse(() -> {
            if (view.getImage() == image) { // not taken over by a newer image meanwhile
                view.setVisible(false);
                view.setImage(null);
            }
            then.run();
        });
    }
}
