package org.aeworkbench.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/** An image with a caption under it, the cell of every gallery. */
public final class Gallery {

    private Gallery() {
    }

    public static VBox cell(Image image, String caption) {
        ImageView view = new ImageView(image);
        view.setSmooth(false);
        VBox box = new VBox(1, view);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("gallery-cell");
        if (caption != null) {
            Label l = new Label(caption);
            l.getStyleClass().add("image-caption");
            box.getChildren().add(l);
        }
        return box;
    }

    public static Label rowTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("row-title");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /** A node that says why a view is empty. */
    public static Node placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("placeholder-text");
        l.setWrapText(true);
        return l;
    }
}
