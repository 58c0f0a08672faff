package org.aeworkbench.engine.variant.adversarial;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Buffers;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.layer.Pass;
import org.aeworkbench.engine.optim.Optimizer;

/**
 * The regularisation phase of an adversarial autoencoder (Makhzani, Shlens, Jaitly, Goodfellow and
 * Frey, "Adversarial Autoencoders", 2015, section 2), taken on each minibatch after the
 * reconstruction phase has updated encoder and decoder:
 * <ol>
 *   <li>discriminator steps: n draws from the prior p(z) (label "prior") and the n codes q(z|x) of
 *       the minibatch (label "code") train the discriminator on {@link AdversarialLosses#discriminator},
 *       with its own optimiser and learning rate; k such steps, each on fresh draws of the prior
 *       against the same codes (Goodfellow et al. 2014, algorithm 1, k steps of the discriminator
 *       per step of the generator);</li>
 *   <li>generator step: the encoder, as generator, is updated with its own optimiser and learning
 *       rate on {@link AdversarialLosses#generator}, the gradient reaching it through the
 *       discriminator (whose weights this step leaves alone).</li>
 * </ol>
 * With the supervised prior each row also carries a one-hot class: the prior draw's component, or
 * the sample's label (section 2.3), so the encoder must put class c where component c lies.
 *
 * <p>Why k above 1: with one discriminator step per generator step the discriminator lags behind
 * the encoder, which then follows a stale verdict and overshoots; on the 784-1000-1000-2 design the
 * codes' spread swung by tenths from epoch to epoch and ended wider than the prior's (variances of
 * 1.1-1.4). Three steps keep the discriminator near its best response, so the generator's gradient
 * points at the prior (docs/variants.md, "Figures").
 *
 * <p>The codes are computed once per minibatch, with the weights the reconstruction step left:
 * the discriminator steps do not change the encoder, so they and the generator step reuse them.
 * The losses and accuracies reported are those of the first discriminator step, on codes the
 * discriminator has not yet been trained on.
 * Prior draws come from the pass's random stream, so runs repeat bit for bit. Figures per
 * minibatch go to the trainer as metrics: {@value #DISCRIMINATOR} and {@value #GENERATOR} losses,
 * and the discriminator's accuracy on each side ({@value #ACCURACY_PRIOR}, {@value #ACCURACY_CODES}).
 */
public final class AdversarialRegularisation {

    public static final String DISCRIMINATOR = "discriminator";
    public static final String GENERATOR = "generator";
    public static final String ACCURACY_PRIOR = "accuracy on prior";
    public static final String ACCURACY_CODES = "accuracy on codes";

    private final CodeGenerator encoder;
    private final CodePrior prior;
    private final int components;
    private final Discriminator discriminator;
    private final Optimizer discriminatorOptimizer;
    private final float discriminatorRate;
    private final Optimizer generatorOptimizer;
    private final float generatorRate;
    private final int discriminatorSteps;
    private final AdversarialHealth health;
    private final int width;
    private final int classes;

    private float[] draws;
    private int[] drawnComponents;
    private float[] pairs;
    private float[] pairGrad;
    private float[] codesIn;
    private float[] codeGrad;
    private float[] ownCodes;
    private float[] gradCodes;
    private float[] lastLogits;

    /** As the full constructor, with one discriminator step per minibatch. */
    public AdversarialRegularisation(CodeGenerator encoder, CodePrior prior, int components, Discriminator discriminator,
                                     Optimizer discriminatorOptimizer, double discriminatorRate,
                                     Optimizer generatorOptimizer, double generatorRate) {
        this(encoder, prior, components, discriminator, discriminatorOptimizer, discriminatorRate, generatorOptimizer,
                generatorRate, 1);
    }

    /**
     * @param discriminator          its weights, already initialised
     * @param discriminatorOptimizer a fresh optimiser for the discriminator steps
     * @param generatorOptimizer     a fresh optimiser for the generator step
     * @param discriminatorSteps     k, the discriminator steps per minibatch (at least 1)
     */
    public AdversarialRegularisation(CodeGenerator encoder, CodePrior prior, int components, Discriminator discriminator,
                                     Optimizer discriminatorOptimizer, double discriminatorRate,
                                     Optimizer generatorOptimizer, double generatorRate, int discriminatorSteps) {
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("at least one discriminator step per minibatch, not " + discriminatorSteps);
        }
        this.encoder = encoder;
        this.prior = prior;
        this.components = components;
        this.discriminator = discriminator;
        this.discriminatorOptimizer = discriminatorOptimizer;
        this.discriminatorRate = (float) discriminatorRate;
        this.generatorOptimizer = generatorOptimizer;
        this.generatorRate = (float) generatorRate;
        this.discriminatorSteps = discriminatorSteps;
        this.health = new AdversarialHealth(discriminatorRate, generatorRate);
        this.width = encoder.codeWidth();
        this.classes = prior.supervised() ? components : 0;
        if (discriminator.inputWidth() != width + classes) {
            throw new IllegalArgumentException("the discriminator reads " + discriminator.inputWidth()
                    + " values but codes and classes make " + (width + classes));
        }
    }

    /** Width of the discriminator's input for codes of {@code width} values under {@code prior}. */
    public static int discriminatorInput(CodePrior prior, int width, int components) {
        return width + (prior.supervised() ? components : 0);
    }

    public Discriminator discriminator() {
        return discriminator;
    }

    /**
     * The k discriminator steps and the generator step on a minibatch {@code x} of n rows, with their labels when the prior is supervised.
     * Puts the step's losses and accuracies into {@code metrics}.
     *
     * @param rateFactor multiplies both learning rates (the design's schedule at this epoch)
     */
    public void step(float[] x, int[] labels, int n, Pass pass, double rateFactor, Map<String, Double> metrics) {
        Compute compute = pass.compute();
        encodeAndDraw(x, labels, n, pass);
        double lossD = discriminatorGradient(n, pass);
        float[] logits = lastLogits;
        double accuracyPrior = AdversarialLosses.accuracy(logits, 0, n, true);
        double accuracyCodes = AdversarialLosses.accuracy(logits, n, n, false);
        discriminatorOptimizer.step(compute, discriminator.parameters(), (float) (discriminatorRate * rateFactor), 0f);
        for (int k = 1; k < discriminatorSteps; k++) {
            drawPrior(n, pass);
            discriminatorGradient(n, pass);
            discriminatorOptimizer.step(compute, discriminator.parameters(), (float) (discriminatorRate * rateFactor), 0f);
        }
        double lossG = generatorGradient(n, pass);
        generatorOptimizer.step(compute, encoder.parameters(), (float) (generatorRate * rateFactor), 0f);

        metrics.put(DISCRIMINATOR, lossD);
        metrics.put(GENERATOR, lossG);
        metrics.put(ACCURACY_PRIOR, accuracyPrior);
        metrics.put(ACCURACY_CODES, accuracyCodes);
        health.observe(accuracyPrior, accuracyCodes, ownCodes, draws, n, width);
    }

    /**
     * Encodes the minibatch and draws as many samples of the prior from the pass's stream: the
     * discriminator's input rows, n prior draws then n codes, each with its one-hot class when
     * the prior is supervised.
     */
    void encodeAndDraw(float[] x, int[] labels, int n, Pass pass) {
        int in = width + classes;
        float[] codes = encoder.forward(x, n, pass);
        ownCodes = Buffers.ensure(ownCodes, n * width);
        System.arraycopy(codes, 0, ownCodes, 0, n * width);
        pairs = Buffers.ensure(pairs, 2 * n * in);
        drawPrior(n, pass);
        Arrays.fill(pairs, n * in, 2 * n * in, 0f);
        for (int i = 0; i < n; i++) {
            System.arraycopy(ownCodes, i * width, pairs, (n + i) * in, width);
            if (classes > 0) {
                pairs[(n + i) * in + width + labels[i]] = 1f;
            }
        }
    }

    /** Fresh draws of the prior, with their one-hot components when supervised, into the first n input rows. */
    private void drawPrior(int n, Pass pass) {
        int in = width + classes;
        draws = Buffers.ensure(draws, n * width);
        drawnComponents = drawnComponents != null && drawnComponents.length >= n ? drawnComponents : new int[n];
        prior.sample(pass.random(), n, width, components, draws, drawnComponents);
        Arrays.fill(pairs, 0, n * in, 0f);
        for (int i = 0; i < n; i++) {
            System.arraycopy(draws, i * width, pairs, i * in, width);
            if (classes > 0) {
                pairs[i * in + width + drawnComponents[i]] = 1f;
            }
        }
    }

    /** The discriminator's input rows of the last {@link #encodeAndDraw} (2n rows; the buffer may be longer). */
    float[] discriminatorRows() {
        return pairs;
    }

    /**
     * The discriminator step's gradient: L_D on the rows of {@link #encodeAndDraw}, its gradient
     * accumulated into the discriminator's parameters (which must start at zero).
     *
     * @return L_D
     */
    double discriminatorGradient(int n, Pass pass) {
        lastLogits = discriminator.logits(pairs, 2 * n, pass);
        pairGrad = Buffers.ensure(pairGrad, 2 * n);
        double loss = AdversarialLosses.discriminator(lastLogits, n, pairGrad);
        discriminator.backward(pairGrad, 2 * n);
        return loss;
    }

    /**
     * The generator step's gradient: L_G on the codes of {@link #encodeAndDraw} through the
     * discriminator as it now is, accumulated into the encoder's parameters (which must start at
     * zero); the discriminator's own gradients are cleared again, its weights are not the
     * generator's to change.
     *
     * @return L_G
     */
    double generatorGradient(int n, Pass pass) {
        int in = width + classes;
        codesIn = Buffers.ensure(codesIn, n * in);
        System.arraycopy(pairs, n * in, codesIn, 0, n * in);
        float[] logits = discriminator.logits(codesIn, n, pass);
        codeGrad = Buffers.ensure(codeGrad, n);
        double loss = AdversarialLosses.generator(logits, n, codeGrad);
        float[] gradIn = discriminator.backward(codeGrad, n);
        zeroGradients(discriminator.parameters());
        gradCodes = Buffers.ensure(gradCodes, n * width);
        for (int i = 0; i < n; i++) {
            System.arraycopy(gradIn, i * in, gradCodes, i * width, width);
        }
        encoder.backward(gradCodes, n);
        return loss;
    }

    /** What {@link AdversarialHealth} has to say, or null. */
    public String warning() {
        return health.warning();
    }

    /** Forgets both optimisers' state and the health counts. */
    public void reset() {
        discriminatorOptimizer.reset();
        generatorOptimizer.reset();
        health.reset();
    }

    private static void zeroGradients(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            Arrays.fill(p.grad(), 0f);
        }
    }
}
