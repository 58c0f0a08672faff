package org.aeworkbench.data;

import java.util.Locale;
import org.aeworkbench.engine.loss.ReconstructionLoss;

/**
 * The one rule that turns a {@link ScaleChoice} into a {@link Scaling}, used by the window, every
 * command and the project file, so the same file is prepared the same way everywhere. A named
 * choice is taken as it is. {@code auto} looks at the training data and the loss, in this order:
 * <ol>
 *   <li>values already inside [0, 1]: left alone (bytes that are all 0 or 1 included);</li>
 *   <li>values stored as unsigned bytes (IDX type 0x08, NPY uint8, image folders): divided by 255,
 *       the convention of Keras ({@code x / 255.}) and torchvision ({@code ToTensor});</li>
 *   <li>a loss that needs targets in [0, 1] (binary cross-entropy treats each value as a
 *       probability): min-max scaled per feature;</li>
 *   <li>otherwise left alone: MSE and L1 take any values.</li>
 * </ol>
 */
public final class ScalingRule {

    /**
     * What to do and why, in words a user reads on the first line of a command and in the window.
     *
     * @param scaling the scaling to fit
     * @param reason  why, for example "auto: unsigned bytes" or "chosen"
     */
    public record Decision(Scaling scaling, String reason) {
    }

    private ScalingRule() {
    }

    /**
     * @param train the training data (its statistics decide; validation and test data never do)
     * @param loss  the design's reconstruction loss, or null where no design is known yet
     *              ({@code data show}): rule 3 then does not apply and the reason says so
     */
    public static Decision decide(ScaleChoice choice, Dataset train, ReconstructionLoss loss) {
        if (choice != ScaleChoice.AUTO) {
            return new Decision(choice.fixed(), "chosen");
        }
        if (train.inUnitInterval()) {
            return new Decision(Scaling.NONE, "auto: values already in [0, 1]");
        }
        if (train.unsignedBytes()) {
            return new Decision(Scaling.DIVIDE_255, "auto: unsigned bytes");
        }
        if (loss == ReconstructionLoss.BCE) {
            return new Decision(Scaling.MIN_MAX, "auto: BCE needs values in [0, 1]");
        }
        if (loss == null) {
            return new Decision(Scaling.NONE, "auto: values outside [0, 1]; a design with BCE min-max scales them");
        }
        return new Decision(Scaling.NONE, "auto: " + loss.name().toUpperCase(Locale.ROOT) + " takes any values");
    }

    /**
     * Whether {@code data} will lie in [0, 1] once prepared under {@code choice}, judged before a
     * design is chosen: the default design takes a sigmoid output and BCE for such data, a linear
     * output and MSE otherwise, and {@link #decide} then agrees with that choice.
     */
    public static boolean unitIntervalOnceScaled(ScaleChoice choice, Dataset data) {
        return switch (decide(choice, data, null).scaling()) {
            case NONE -> data.inUnitInterval();
            case DIVIDE_255 -> data.minValue() >= 0 && data.maxValue() <= 255;
            case MIN_MAX -> true;
            case Z_SCORE -> false;
        };
    }
}
