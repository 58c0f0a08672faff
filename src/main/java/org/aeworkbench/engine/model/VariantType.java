package org.aeworkbench.engine.model;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What the program knows about a variant besides its settings: the key of its part in a spec
 * file, its record class, what the designer shows for it, and the help of its fields.
 *
 * @param id         the part's key in a spec file ({@code "kSparse"}), also the first element of its fields' paths
 * @param spec       the part's record class
 * @param category   the heading of its fields in the property sheet ("k-sparse")
 * @param help       one line per field of the record, by field name
 * @param choices    what the designer's variant chooser offers for it (none for a modifier such as tied weights)
 * @param precedence how strongly the part names a design that combines several: the designer shows
 *                   a design as the choice of its part with the highest precedence (a VAE with noise is a VAE)
 * @param <S>        the record class
 */
public record VariantType<S extends VariantSpec>(String id, Class<S> spec, String category, Map<String, String> help,
                                                 List<Choice> choices, int precedence) {

    public VariantType {
        help = Map.copyOf(help);
        choices = List.copyOf(choices);
    }

    /**
     * One entry of the designer's variant chooser.
     *
     * @param title       what the chooser shows ("k-sparse")
     * @param explanation one sentence on what it does, citing its paper
     * @param formula     its objective in Unicode, legible without a math renderer
     * @param apply       sets the part on a design (which has no chooser part) with its paper's settings,
     *                    sized to the design where they depend on it (k to the code width), and changes
     *                    what the part cannot be combined with (a VAE unties the weights)
     * @param shows       whether a design's part of this type is shown as this choice (L1 or KL sparsity, say)
     */
    public record Choice(String title, String explanation, String formula, UnaryOperator<ModelSpec> apply,
                         Predicate<VariantSpec> shows) {

        /** The only choice of its type: shows every part of it. */
        public Choice(String title, String explanation, String formula, UnaryOperator<ModelSpec> apply) {
            this(title, explanation, formula, apply, part -> true);
        }
    }
}
