package org.aeworkbench.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.Color;
import javafx.application.Application;

/**
 * The light and dark looks: an AtlantaFX user-agent stylesheet for the controls, and the
 * matching colours for JFreeChart, which draws with Java2D and cannot read CSS.
 */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet(), new Color(0xffffff), new Color(0x1f2328),
            new Color(0x656d76), new Color(0xd0d7de)),
    DARK(new PrimerDark().getUserAgentStylesheet(), new Color(0x0d1117), new Color(0xe6edf3),
            new Color(0x8d96a0), new Color(0x30363d));

    private final String stylesheet;
    private final Color background;
    private final Color foreground;
    private final Color muted;
    private final Color grid;

    Theme(String stylesheet, Color background, Color foreground, Color muted, Color grid) {
        this.stylesheet = stylesheet;
        this.background = background;
        this.foreground = foreground;
        this.muted = muted;
        this.grid = grid;
    }

    /** Switches the whole application's controls to this theme. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }

    public Color chartBackground() {
        return background;
    }

    public Color chartForeground() {
        return foreground;
    }

    public Color chartMuted() {
        return muted;
    }

    public Color chartGrid() {
        return grid;
    }

    public boolean dark() {
        return this == DARK;
    }
}
