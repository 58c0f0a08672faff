package org.aeworkbench.export.translate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.optim.AdaGradSettings;
import org.aeworkbench.engine.optim.AdamSettings;
import org.aeworkbench.engine.optim.MomentumSettings;
import org.aeworkbench.engine.optim.OptimizerKind;
import org.aeworkbench.engine.optim.OptimizerSettings;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.optim.RmsPropSettings;
import org.aeworkbench.engine.optim.SgdSettings;

/**
 * Each optimiser's settings as the {@code torch.optim} constructor that runs the same update rule,
 * registered once per settings record. PyTorch's SGD (with momentum buffer {@code v = mu v + g},
 * dampening 0; Nesterov's {@code g + mu v}), Adam (epsilon added to the bias-corrected root),
 * RMSprop ({@code alpha} the decay, epsilon outside the root) and Adagrad (no initial accumulator)
 * are the engine's rules term for term; weight decay is added to the gradients of weights, not
 * biases, through parameter groups.
 */
public final class OptimizerTranslations {

    private static final Map<Class<? extends OptimizerSettings>, Function<OptimizerSpec, String>> ALL =
            new LinkedHashMap<>();

    static {
        ALL.put(SgdSettings.class, o -> "torch.optim.SGD(groups, lr=lr)");
        ALL.put(MomentumSettings.class, o -> "torch.optim.SGD(groups, lr=lr, momentum="
                + PythonCode.number(((MomentumSettings) o.settings()).momentum())
                + (o.kind() == OptimizerKind.NESTEROV ? ", nesterov=True)" : ")"));
        ALL.put(AdamSettings.class, o -> {
            AdamSettings a = (AdamSettings) o.settings();
            return "torch.optim.Adam(groups, lr=lr, betas=(" + PythonCode.number(a.beta1()) + ", "
                    + PythonCode.number(a.beta2()) + "), eps=" + PythonCode.number(a.epsilon()) + ")";
        });
        ALL.put(RmsPropSettings.class, o -> {
            RmsPropSettings r = (RmsPropSettings) o.settings();
            return "torch.optim.RMSprop(groups, lr=lr, alpha=" + PythonCode.number(r.decay()) + ", eps="
                    + PythonCode.number(r.epsilon()) + ")";
        });
        ALL.put(AdaGradSettings.class, o -> "torch.optim.Adagrad(groups, lr=lr, eps="
                + PythonCode.number(((AdaGradSettings) o.settings()).epsilon()) + ")");
    }

    private OptimizerTranslations() {
    }

    /** The constructor call, over parameter groups {@code groups} at rate {@code lr}. */
    public static String torch(OptimizerSpec o) {
        Function<OptimizerSpec, String> t = ALL.get(o.settings().getClass());
        if (t == null) {
            throw new SpecException("optimizer", "the exporter has no PyTorch translation for the " + o.kind().id()
                    + " optimiser: choose another for the export");
        }
        return t.apply(o);
    }
}
