package org.aeworkbench.ui.design;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a layer sits in a spec, in the engine's own field syntax ("encoder[2]", "decoder[0]"),
 * so problems reported by the validator ("decoder[0].units") map straight onto layers.
 *
 * @param decoder whether the layer is in the decoder list
 * @param index   0-based index in its list
 */
public record LayerPath(boolean decoder, int index) {

    private static final Pattern FIELD = Pattern.compile("^(encoder|decoder)\\[(\\d+)\\]");

    public static LayerPath encoder(int index) {
        return new LayerPath(false, index);
    }

    public static LayerPath decoder(int index) {
        return new LayerPath(true, index);
    }

    /** The layer a field path starts with, or null ("loss", "variational.beta", "encoder"). */
    public static LayerPath parse(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = FIELD.matcher(field);
        return m.find() ? new LayerPath(m.group(1).equals("decoder"), Integer.parseInt(m.group(2))) : null;
    }

    public String field() {
        return (decoder ? "decoder[" : "encoder[") + index + "]";
    }

    @Override
    public String toString() {
        return field();
    }
}
