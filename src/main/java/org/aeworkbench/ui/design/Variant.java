package org.aeworkbench.ui.design;

import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.VariantSpec;
import org.aeworkbench.engine.model.VariantType;
import org.aeworkbench.engine.model.Variants;

/**
 * What the variant chooser offers: the plain autoencoder, then each choice of each registered
 * variant ({@link Variants}), with the sentence, the objective in Unicode and the paper's settings
 * the variant's type gives. The spec itself can combine parts (a preset or a file may); choosing a
 * variant here replaces every part the chooser offers with this one, and keeps the others (tied weights).
 *
 * @param title       what the chooser shows
 * @param explanation one sentence, citing the paper
 * @param formula     the objective in Unicode
 * @param type        the variant, or null for the plain autoencoder
 * @param choice      the variant's choice, or null for the plain autoencoder
 */
public record Variant(String title, String explanation, String formula, VariantType<?> type, VariantType.Choice choice) {

    public static final Variant PLAIN = new Variant("Plain",
            "Encoder f and decoder g trained to reproduce the input through a narrow code.",
            "L = \u2113(x, g(f(x)))", null, null);

    /** Plain, then every registered choice in registry order. */
    public static List<Variant> all() {
        List<Variant> all = new ArrayList<>();
        all.add(PLAIN);
        for (VariantType<?> t : Variants.all()) {
            for (VariantType.Choice c : t.choices()) {
                all.add(new Variant(c.title(), c.explanation(), c.formula(), t, c));
            }
        }
        return all;
    }

    /** The chooser's entry with this title, e.g. "k-sparse". */
    public static Variant titled(String title) {
        return all().stream().filter(v -> v.title.equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant titled " + title));
    }

    /** The spec with every part the chooser offers removed and this variant's set to its defaults. */
    public ModelSpec applyTo(ModelSpec spec) {
        ModelSpec plain = spec;
        for (VariantSpec part : spec.variants()) {
            if (!part.type().choices().isEmpty()) {
                plain = plain.without(part.getClass());
            }
        }
        return choice == null ? plain : choice.apply().apply(plain);
    }

    /** The variant a spec shows as: the choice of its part of highest precedence (a VAE with noise is a VAE). */
    public static Variant of(ModelSpec s) {
        VariantSpec defining = null;
        for (VariantSpec part : s.variants()) {
            if (!part.type().choices().isEmpty()
                    && (defining == null || part.type().precedence() > defining.type().precedence())) {
                defining = part;
            }
        }
        if (defining == null) {
            return PLAIN;
        }
        for (Variant v : all()) {
            if (v.type == defining.type() && v.choice.shows().test(defining)) {
                return v;
            }
        }
        return PLAIN;
    }

    @Override
    public String toString() {
        return title;
    }
}
