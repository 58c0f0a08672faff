package org.aeworkbench.ui.shell;

import java.util.List;
import javafx.scene.input.KeyCombination;

/** The keyboard shortcuts, in one table that both the menus and Help > Keyboard shortcuts read. */
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
    public static final Shortcut TAB_TRAINING = of("Training tab", "Shortcut+1");
    public static final Shortcut TAB_LATENT = of("Latent space tab", "Shortcut+2");
    public static final Shortcut TAB_RECONSTRUCTIONS = of("Reconstructions tab", "Shortcut+3");
    public static final Shortcut TAB_GENERATE = of("Generate tab", "Shortcut+4");
    public static final Shortcut TAB_WEIGHTS = of("Weights tab", "Shortcut+5");
    public static final Shortcut CANCEL_JOB = of("Cancel loading, PCA or export", "Esc");
    public static final Shortcut HELP = of("Keyboard shortcuts", "F1");
    public static final Shortcut QUIT = of("Quit", "Shortcut+Q");

    public static final List<Shortcut> ALL = List.of(TRAIN, PAUSE, STOP, RESET, UNDO, REDO, DELETE, MIRROR, NEW, OPEN,
            SAVE, SAVE_AS, THEME, TAB_TRAINING, TAB_LATENT, TAB_RECONSTRUCTIONS, TAB_GENERATE, TAB_WEIGHTS, CANCEL_JOB, HELP, QUIT);

    private Shortcuts() {
    }

    private static Shortcut of(String action, String keys) {
        return new Shortcut(action, KeyCombination.valueOf(keys));
    }
}
