package org.aeworkbench.ui.design;

import java.util.List;
import org.aeworkbench.engine.model.LayerSpec;
import org.aeworkbench.engine.model.LayerType;
import org.aeworkbench.engine.model.Layers;

/**
 * The layer types offered in the palette, each a name and the layer a drop creates, as the
 * engine's layer registry ({@link Layers}) lists them: a new layer type brings its own entries.
 */
public final class Palette {

    /**
     * One palette item.
     *
     * @param name        what the palette shows
     * @param description the tooltip: what the layer does and when to use it
     * @param prototype   the layer a drop inserts
     */
    public record Entry(String name, String description, LayerSpec prototype) {
    }

    private Palette() {
    }

    public static List<Entry> entries() {
        return Layers.palette().stream().map(Palette::entry).toList();
    }

    private static Entry entry(LayerType.PaletteEntry e) {
        return new Entry(e.name(), e.description(), e.prototype());
    }
}
