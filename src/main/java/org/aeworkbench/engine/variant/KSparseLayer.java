package org.aeworkbench.engine.variant;

import java.util.Arrays;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.EpochAware;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.tensor.Shape;

/**
 * The k-sparse code of Makhzani and Frey, "k-Sparse Autoencoders" (ICLR 2014, arXiv 1312.5663):
 * per sample, the k largest code activations are kept and the others set to zero,
 * {@code z = supp_k(h)}; the gradient flows only through the kept units.
 *
 * <p>Ties at the k-th value are broken by the lowest index, so the selection (and a run) is
 * deterministic. Following the paper's schedule (section 3.2), training may start with every
 * unit kept and lower k linearly to its target, which stops units dying early
 * ({@link #scheduledK}); inference always keeps the target k, so a trained or loaded model has
 * exactly k non-zero codes.
 */
public final class KSparseLayer extends ShapePreservingStage implements EpochAware {

    private final int width;
    private final int k;
    private final int scheduleEpochs;
    private int trainingK;

    private float[] out;
    private boolean[] kept;
    private float[] gradIn;
    private float[] sorted;

    /**
     * @param k              activations kept per sample, 1 to the width of {@code shape}
     * @param scheduleEpochs epochs over which training lowers k from the width to {@code k} (0 = none)
     */
    public KSparseLayer(Shape shape, int k, int scheduleEpochs) {
        super(shape);
        this.width = shape.size();
        String problem = kProblem(k, width);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.k = k;
        this.scheduleEpochs = scheduleEpochs;
        this.trainingK = k;
        this.sorted = new float[width];
    }

    /**
     * Why {@code k} cannot be kept of {@code codeWidth} activations, or null when it can: the one
     * statement of the range, used by the layer and by the design's validation. A code width of 0
     * (not known yet) checks only the lower bound.
     */
    public static String kProblem(int k, int codeWidth) {
        return k < 1 || (codeWidth > 0 && k > codeWidth)
                ? "k must be between 1 and the code size " + codeWidth + ", not " + k : null;
    }

    /**
     * k for training epoch {@code epoch} (0-based): falls linearly from the code width at epoch 0
     * to {@code k} at epoch {@code scheduleEpochs} and stays there.
     */
    public static int scheduledK(int k, int scheduleEpochs, int codeWidth, int epoch) {
        int epochs = scheduleEpochs;
        if (epochs <= 0 || epoch >= epochs) {
            return k;
        }
        double t = Math.max(0, epoch) / (double) epochs;
        return (int) Math.round(codeWidth + (k - codeWidth) * t);
    }

    @Override
    public void onEpochStart(int epoch) {
        trainingK = scheduledK(k, scheduleEpochs, width, epoch);
    }

    /** The k training passes use now. */
    public int trainingK() {
        return trainingK;
    }

    public int k() {
        return k;
    }

    @Override
    public String kind() {
        return "k-sparse";
    }

    @Override
    public float[] forward(float[] h, int batch, Pass pass) {
        int keep = pass.training() ? trainingK : k;
        out = Buffers.ensure(out, batch * width);
        kept = kept != null && kept.length >= batch * width ? kept : new boolean[batch * width];
        for (int r = 0; r < batch; r++) {
            selectRow(h, r * width, keep);
        }
        return out;
    }

    /**
     * Keeps the values above the k-th largest, then as many equal to it as still fit, lowest index first.
     */
    private void selectRow(float[] h, int off, int k) {
        System.arraycopy(h, off, sorted, 0, width);
        Arrays.sort(sorted);
        float threshold = sorted[width - k];
        int above = 0;
        for (int j = 0; j < width; j++) {
            if (h[off + j] > threshold) {
                above++;
            }
        }
        int tiesLeft = k - above;
        for (int j = 0; j < width; j++) {
            float v = h[off + j];
            boolean keep = v > threshold || (v == threshold && tiesLeft-- > 0);
            kept[off + j] = keep;
            out[off + j] = keep ? v : 0f;
        }
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) {
            return null;
        }
        gradIn = Buffers.ensure(gradIn, batch * width);
        for (int i = 0; i < batch * width; i++) {
            gradIn[i] = kept[i] ? gradOutput[i] : 0f;
        }
        return gradIn;
    }
}
