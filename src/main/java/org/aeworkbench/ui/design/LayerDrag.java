package org.aeworkbench.ui.design;

import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * Dragging layers from the palette into the designer and within it. It is built on plain mouse
 * events rather than the platform's drag and drop, so the same code runs on every desktop and in
 * the headless test robot; a ghost label follows the pointer on an overlay pane and the designer
 * shows where the layer would land.
 */
public final class LayerDrag {

    /** What is being dragged: a new layer from the palette, or an existing one by its path. */
    public sealed interface Payload permits NewLayer, ExistingLayer {
        String label();
    }

    public record NewLayer(Palette.Entry entry) implements Payload {
        @Override
        public String label() {
            return entry.name();
        }
    }

    public record ExistingLayer(LayerPath path, String label) implements Payload {
    }

    /** Where a drop would go, as the designer computes it from a scene point. */
    public interface Target {
        /** Shows the insertion marker for this point; returns whether a drop here is possible. */
        boolean hover(Point2D scenePoint, Payload payload);

        /** Performs the drop at this point. */
        void drop(Point2D scenePoint, Payload payload);

        /** Hides the insertion marker. */
        void clear();
    }

    /** Pixels the pointer must travel before a press becomes a drag (so clicks still select). */
    private static final double THRESHOLD = 5;

    private final Pane overlay;
    private final Label ghost = new Label();
    private Target target;

    private Payload payload;
    private Point2D pressedAt;
    private boolean dragging;

    public LayerDrag(Pane overlay) {
        this.overlay = overlay;
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        ghost.getStyleClass().add("drag-ghost");
        ghost.setManaged(false);
        ghost.setVisible(false);
        overlay.getChildren().add(ghost);
    }

    public void setTarget(Target target) {
        this.target = target;
    }

    /**
     * Makes {@code source} draggable. {@code onClick} runs for a press and release without a drag
     * (selection); a drag ends in the target's drop.
     */
    public void install(Node source, java.util.function.Supplier<Payload> what, Consumer<MouseEvent> onClick) {
        source.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                payload = what.get();
                pressedAt = new Point2D(e.getSceneX(), e.getSceneY());
                dragging = false;
            }
        });
        source.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (payload == null || pressedAt == null) {
                return;
            }
            Point2D p = new Point2D(e.getSceneX(), e.getSceneY());
            if (!dragging && p.distance(pressedAt) >= THRESHOLD) {
                dragging = true;
                ghost.setText(payload.label());
                ghost.setVisible(true);
                ghost.autosize();
            }
            if (dragging) {
                Point2D local = overlay.sceneToLocal(p);
                ghost.relocate(local.getX() + 12, local.getY() + 8);
                boolean ok = target != null && target.hover(p, payload);
                ghost.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("refused"), !ok);
            }
            e.consume();
        });
        source.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (payload == null) {
                return;
            }
            Payload p = payload;
            boolean wasDragging = dragging;
            payload = null;
            pressedAt = null;
            dragging = false;
            ghost.setVisible(false);
            if (wasDragging) {
                if (target != null) {
                    target.clear();
                    target.drop(new Point2D(e.getSceneX(), e.getSceneY()), p);
                }
            } else if (onClick != null) {
                onClick.accept(e);
            }
            e.consume();
        });
    }
}
