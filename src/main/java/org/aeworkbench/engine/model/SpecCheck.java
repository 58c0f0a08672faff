package org.aeworkbench.engine.model;

import java.util.List;
import org.aeworkbench.engine.tensor.Shape;

/**
 * A design under validation, as a variant part sees it: the spec, the data's sample shape, the
 * layer rows with their shapes, and the list the part adds its problems to.
 */
public record SpecCheck(ModelSpec spec, Shape input, List<LayerRow> rows, List<SpecProblem> problems) {

    /** The code layer's output width, or 0 when the design has no code layer or its shape is broken. */
    public int codeWidth() {
        int code = spec.encoder().size() - 1;
        return code < 0 || rows.get(code).output() == null ? 0 : rows.get(code).output().size();
    }

    /** Index of the code layer among the encoder layers (-1 without an encoder). */
    public int codeIndex() {
        return spec.encoder().size() - 1;
    }

    public void problem(String field, String message) {
        problems.add(new SpecProblem(field, message));
    }
}
