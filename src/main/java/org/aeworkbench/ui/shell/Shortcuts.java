package org.aeworkbench.ui.shell;

import java.util.List;
import javafx.scene.input.KeyCombination;

/**
 * The keyboard shortcuts, in one table that both the menus and Help > Keyboard shortcuts read;
 * the centre tabs' shortcuts follow their order ({@link #tab}).
 */
public final class Shortcuts {

    /** @param action what it does, as the menu says; @param keys the combination */
    public record Shortcut(String action, KeyCombination keys) {
        public String display() {
            return keys.getDisplayText();
        }
    }

    public static final Shortcut TRAIN = of("Train", "Shortcut+Enter");
    public static final Shortcut PAUSE = of("Pause / resume", "Shortcut+P");
    public static final Shortcut STOP = of("Stop", "Shortcut+Period");
    public static final Shortcut RESET = of("Reset weights", "Shortcut+R");
    public static final Shortcut UNDO = of("Undo", "Shortcut+Z");
    public static final Shortcut REDO = of("Redo", "Shortcut+Shift+Z");
    public static final Shortcut DELETE = of("Delete selected layer", "Delete");
    public static final Shortcut MIRROR = of("Mirror encoder", "Shortcut+M");
    public static final Shortcut NEW = of("New design (default preset)", "Shortcut+N");
    public static final Shortcut OPEN = of("Open project", "Shortcut+O");
    public static final Shortcut SAVE = of("Save project", "Shortcut+S");
    public static final Shortcut SAVE_AS = of("Save project as", "Shortcut+Shift+S");
    public static final Shortcut THEME = of("Light / dark theme", "Shortcut+D");
    public static final Shortcut PRESENTATION = of("Presentation mode (large type, full screen)", "F11");
    public static final Shortcut CANCEL_JOB = of("Cancel loading, PCA or export", "Esc");
    public static final Shortcut HELP = of("Keyboard shortcuts", "F1");
    public static final Shortcut QUIT = of("Quit", "Shortcut+Q");

    public static final List<Shortcut> ALL = List.of(TRAIN, PAUSE, STOP, RESET, UNDO, REDO, DELETE, MIRROR, NEW, OPEN,
            SAVE, SAVE_AS, THEME, PRESENTATION, CANCEL_JOB, HELP, QUIT);

    /** The centre tabs are selected with Ctrl+1, Ctrl+2... in their order (up to nine). */
    public static Shortcut tab(int index, String title) {
        return index < 9 ? of(title + " tab", "Shortcut+" + (index + 1)) : new Shortcut(title + " tab", KeyCombination.NO_MATCH);
    }

    private Shortcuts() {
    }

    private static Shortcut of(String action, String keys) {
        return new Shortcut(action, KeyCombination.valueOf(keys));
    }
}
