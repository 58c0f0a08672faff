package org.aeworkbench.engine.model;

import java.util.List;

/**
 * What the program knows about a layer type besides its settings: its name in a spec file
 * ({@code "type": "dense"}), its record class, and what the designer's palette offers for it.
 *
 * @param id      the {@code type} of the layer in a spec file
 * @param spec    the layer's record class
 * @param palette the palette's entries for it, in order (none for a type the palette does not offer)
 * @param <S>     the record class
 */
public record LayerType<S extends LayerSpec>(String id, Class<S> spec, List<PaletteEntry> palette) {

    public LayerType {
        palette = List.copyOf(palette);
    }

    /**
     * One item of the designer's palette.
     *
     * @param name        what the palette shows
     * @param description the tooltip: what the layer does and when to use it
     * @param prototype   the layer a drop inserts
     */
    public record PaletteEntry(String name, String description, LayerSpec prototype) {
    }
}
