package org.aeworkbench.analysis.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.aeworkbench.data.RandomDraws;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.optim.Optimizer;
import org.aeworkbench.engine.optim.OptimizerSpec;

/**
 * DEC, deep embedded clustering (Xie, Girshick and Farhadi, "Unsupervised deep embedding for
 * clustering analysis", ICML 2016): starting from a trained autoencoder, drop the decoder, place k
 * centres by k-means on the codes, then fine-tune the encoder and the centres together to minimise
 * KL(P || Q) between the Student's t soft assignment Q of the codes and its sharpened target P
 * ({@link StudentTAssignment}), P being recomputed from Q at the start of every epoch. The loss's
 * gradient reaches the encoder's weights through the engine's backward pass ({@link EncoderPath}).
 *
 * <p>The model passed in is changed in place; pass a copy to keep the original. Runs repeat
 * exactly for a seed and thread count.
 */
public final class DeepEmbeddedClustering {

    private DeepEmbeddedClustering() {
    }

    /**
     * The fine-tuned clustering.
     *
     * @param initial   the k-means start on the codes before fine-tuning
     * @param centres   the final centres, k x width
     * @param history   every epoch's state, the start first
     * @param epochs    fine-tuning epochs run
     * @param converged whether the change in assignments fell below the tolerance
     */
    public record Result(KMeansResult initial, float[] centres, List<DecEpoch> history, int epochs, boolean converged) {

        /** The final assignments of the training samples. */
        public int[] assignments() {
            return history.get(history.size() - 1).assignments();
        }

        /** Hard assignments of new samples by the fine-tuned encoder (the model passed to fit) and centres. */
        public int[] assign(Autoencoder model, Compute compute, float[] x, int n) {
            float[] z = model.encode(compute, x, n);
            int k = initial.clusters();
            return StudentTAssignment.hardAssignments(
                    StudentTAssignment.soft(z, n, model.codeSize(), centres, k, StudentTAssignment.ALPHA), n, k);
        }
    }

    /**
     * Fine-tunes {@code model}'s encoder on n samples.
     *
     * @param cancelled polled between steps; when it answers true the run stops after the current step
     * @param listener  receives each epoch's state (on the calling thread)
     */
    public static Result fit(Autoencoder model, Compute compute, float[] x, int n, DecSettings settings,
                             BooleanSupplier cancelled, Consumer<DecEpoch> listener) {
        int k = settings.clusters();
        int features = model.inputShape().size();
        EncoderPath encoder = new EncoderPath(model, compute);
        int width = encoder.codeWidth();
        float[] codes = model.encode(compute, x, n);
        KMeans.checkInput(codes, n, width, k);
        KMeansResult initial = KMeans.fit(compute.gemm(), codes, n, width,
                new KMeansSettings(k, settings.kMeansRestarts(), 300, 1e-4, settings.seed()));
        Parameter centres = new Parameter("dec.centres", k, width);
        System.arraycopy(initial.centres(), 0, centres.value(), 0, k * width);
        List<Parameter> trained = new ArrayList<>(encoder.parameters());
        trained.add(centres);
        for (Parameter p : trained) {
            Arrays.fill(p.grad(), 0f);
        }
        Optimizer sgd = OptimizerSpec.sgd(settings.learningRate(), settings.momentum()).build();
        SplittableRandom order = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        List<DecEpoch> history = new ArrayList<>();
        int[] previous = null;
        boolean converged = false;
        int epoch = 0;
        int b = Math.min(settings.batchSize(), n);
        float[] batchX = new float[b * features];
        float[] gradZ = new float[b * width];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        while (true) {
            double[] q = StudentTAssignment.soft(codes, n, width, centres.value(), k, StudentTAssignment.ALPHA);
            double[] p = StudentTAssignment.target(q, n, k);
            int[] assignments = StudentTAssignment.hardAssignments(q, n, k);
            double changed = previous == null ? Double.NaN : changedShare(previous, assignments);
            DecEpoch state = new DecEpoch(epoch, codes, width, centres.value().clone(), assignments,
                    StudentTAssignment.divergence(p, q) / n, changed);
            history.add(state);
            listener.accept(state);
            if (previous != null && changed < settings.tolerance()) {
                converged = true;
                break;
            }
            if (epoch >= settings.maxEpochs() || cancelled.getAsBoolean()) {
                break;
            }
            previous = assignments;
            epoch++;
            RandomDraws.shuffle(index, order);
            for (int start = 0; start < n && !cancelled.getAsBoolean(); start += b) {
                int rows = Math.min(b, n - start);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(x, index[start + r] * features, batchX, r * features, features);
                }
                float[] z = encoder.forward(batchX, rows);
                double[] pBatch = new double[rows * k];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(p, index[start + r] * k, pBatch, r * k, k);
                }
                double[] qBatch = StudentTAssignment.soft(z, rows, width, centres.value(), k, StudentTAssignment.ALPHA);
                Arrays.fill(gradZ, 0f);
                StudentTAssignment.gradients(z, rows, width, centres.value(), k, StudentTAssignment.ALPHA, pBatch, qBatch,
                        1.0 / rows, gradZ, centres.grad());
                encoder.backward(gradZ, rows);
                sgd.step(compute, trained, (float) settings.learningRate(), 0f);
            }
            codes = model.encode(compute, x, n);
        }
        return new Result(initial, centres.value().clone(), List.copyOf(history), epoch, converged);
    }

    private static double changedShare(int[] a, int[] b) {
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                changed++;
            }
        }
        return changed / (double) a.length;
    }
}
