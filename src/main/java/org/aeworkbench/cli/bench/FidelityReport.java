package org.aeworkbench.cli.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import org.aeworkbench.analysis.KnnAccuracy;
import org.aeworkbench.analysis.Pca;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.analysis.CodeMoments;
import org.aeworkbench.engine.model.AdversarialSpec;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.RbmPretrainingSpec;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.SpecTraining;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.engine.variant.adversarial.CodePrior;
import org.aeworkbench.engine.model.ContractiveSpec;
import org.aeworkbench.engine.model.KSparseSpec;
import org.aeworkbench.engine.model.LossTerms;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.aeworkbench.engine.model.SparsitySpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.variant.Corruption;

/**
 * The results a teacher would quote, rerun on the bundled MNIST sample with stated epochs and
 * seeds, each beside its published value (and PyTorch's on the same data, where
 * bench/pytorch/fidelity.py produces one), with a pass or fail against a stated tolerance.
 *
 * <p>The bundled sample has 8,000 training images where the papers used 60,000, so absolute
 * values are compared with tolerances that say so; orderings (autoencoder below PCA, sparse below
 * dense) must hold exactly.
 */
final class FidelityReport {

    /** Epochs of each adversarial autoencoder run. */
    static final int AAE_EPOCHS = 20;
    /** Epochs of fine-tuning after RBM pretraining: the 10. */
    static final int RBM_FINE_TUNE_EPOCHS = 10;

    private final boolean quick;
    private final List<String> only;
    private final int threads;
    private final PytorchFidelity pytorch;
    private final List<FidelityRow> rows = new ArrayList<>();

    FidelityReport(boolean quick, int threads, PytorchFidelity pytorch, List<String> only) {
        this.only = only == null ? List.of() : List.copyOf(only);
        this.quick = quick;
        this.threads = threads;
        this.pytorch = pytorch;
    }

    private int epochs(int full) {
        return quick ? Math.max(1, full / 10) : full;
    }

    int run(boolean json) throws Exception {
        long start = System.nanoTime();
        try (Compute compute = Compute.create(Backend.AUTO, threads)) {
            FidelityRuns runs = new FidelityRuns(compute);
            System.out.printf(Locale.ROOT, "bundled MNIST: rows 0-7999 train, 8000-9999 test; BLAS %s%s%n",
                    compute.description(), quick ? "; QUICK: a tenth of the epochs, pass/fail not meaningful" : "");
            Map<String, java.util.function.Consumer<FidelityRuns>> groups = new LinkedHashMap<>();
            groups.put("hinton", this::hinton);
            groups.put("2d", this::twoDimensional);
            groups.put("keras", this::keras);
            groups.put("vae", this::vae);
            groups.put("linear", this::linear);
            groups.put("variants", this::variants);
            groups.put("adversarial", this::adversarial);
            groups.put("rbm", this::rbm);
            for (String name : only.isEmpty() ? List.copyOf(groups.keySet()) : only) {
                if (!groups.containsKey(name)) {
                    throw new IllegalArgumentException("--only " + name + ": no such group of rows; use "
                            + String.join(", ", groups.keySet()));
                }
                groups.get(name).accept(runs);
            }
        }
        print();
        long passed = rows.stream().filter(FidelityRow::pass).count();
        System.out.printf(Locale.ROOT, "%d of %d rows pass; %.0f s%n", passed, rows.size(), (System.nanoTime() - start) / 1e9);
        if (json) {
            System.out.println(toJson());
        }
        return 0;
    }

    private void add(FidelityRow row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-34s %s  %s%n", row.name(), row.pass() ? "pass" : "FAIL", fmt(row.ours()));
    }

    private void hinton(FidelityRuns runs) {
        int e = epochs(50);
        Autoencoder ae = runs.trained(runs.preset("hinton-2006", e));
        double aeError = runs.reconError(ae, runs.test, runs.test);
        double pcaError = runs.pcaError(runs.pca(30));
        add(new FidelityRow("Hinton 2006: deep AE, 30-D", "test mean summed squared error", aeError,
                String.format(Locale.ROOT, "PCA here %.2f; published AE 3.00 vs PCA 13.87 (60,000 images)", pcaError),
                pytorch.value("hinton-2006"), "below PCA at the same code size", aeError < pcaError,
                e + " epochs, batch 128, Adam 1e-3, seed 42"));
        add(new FidelityRow("Hinton 2006: PCA, 30 components", "test mean summed squared error", pcaError,
                "published 13.87 (60,000 images)", pytorch.value("pca-30"), "within 10% of 13.87",
                Math.abs(pcaError - 13.87) / 13.87 < 0.10, "fit on the 8,000 training images"));
    }

    private void twoDimensional(FidelityRuns runs) {
        int e = epochs(20);
        Autoencoder ae = runs.trained(runs.preset("reference", e));
        float[] trainCodes = ae.encode(runs.compute, runs.train, FidelityRuns.TRAIN);
        float[] testCodes = ae.encode(runs.compute, runs.test, FidelityRuns.TEST);
        double aeKnn = KnnAccuracy.of(trainCodes, runs.trainLabels, FidelityRuns.TRAIN, testCodes, runs.testLabels,
                FidelityRuns.TEST, 2);
        Pca pca = runs.pca(2);
        double pcaKnn = KnnAccuracy.of(pca.transform(runs.train, FidelityRuns.TRAIN), runs.trainLabels, FidelityRuns.TRAIN,
                pca.transform(runs.test, FidelityRuns.TEST), runs.testLabels, FidelityRuns.TEST, 2);
        add(new FidelityRow("Hinton 2006 Fig. 3: 2-D codes", "5-NN accuracy of test codes", aeKnn,
                String.format(Locale.ROOT, "PCA here %.3f; published: AE separates classes PCA mixes", pcaKnn), Double.NaN,
                "above PCA's", aeKnn > pcaKnn, "reference preset 784-512-128-2, " + e + " epochs"));
    }

    private void keras(FidelityRuns runs) {
        int e = epochs(50);
        Autoencoder simple = runs.trained(runs.preset("keras-simple", e));
        double simpleBce = runs.sampledLoss(simple, 1).reconstruction() / 784;
        add(new FidelityRow("Keras blog: simple 784-32-784", "test mean per-pixel BCE", simpleBce,
                "published about 0.09-0.10 (50 epochs, 60,000 images)", pytorch.value("keras-simple"),
                "at most 0.11 (the blog's range plus 10%)", simpleBce <= 0.11, e + " epochs, batch 256"));
        Autoencoder deep = runs.trained(runs.preset("keras-deep", e));
        double deepBce = runs.sampledLoss(deep, 1).reconstruction() / 784;
        add(new FidelityRow("Keras blog: deep 128-64-32", "test mean per-pixel BCE", deepBce,
                "published about 0.08-0.10 (100 epochs, 60,000 images)", Double.NaN, "at most 0.11", deepBce <= 0.11,
                e + " epochs, batch 256"));
        Autoencoder sparse = runs.trained(runs.preset("sparse-l1", e));
        double sparseMean = runs.meanCodeActivation(sparse);
        double denseMean = runs.meanCodeActivation(simple);
        add(new FidelityRow("Keras blog: sparse L1 code", "mean code activation", sparseMean,
                String.format(Locale.ROOT, "without the penalty %.3f; published 3.33 vs 7.30", denseMean), Double.NaN,
                "lower than without the penalty", sparseMean < denseMean, e + " epochs, L1 10e-5 per unit (per pixel-mean BCE)"));
    }

    private void vae(FidelityRuns runs) {
        int e = epochs(10);
        Autoencoder vae = runs.trained(runs.preset("vae-pytorch-example", e));
        LossTerms t = runs.sampledLoss(vae, 2);
        double torch = pytorch.value("vae-784-400-20");
        boolean pass = Double.isNaN(torch) ? t.total() > 105.6 * 0.95 && t.total() < 105.6 * 1.35
                : Math.abs(t.total() - torch) / torch < 0.05;
        add(new FidelityRow("PyTorch example VAE 784-400-20", "negative ELBO per test sample (nats)", t.total(),
                String.format(Locale.ROOT, "recon %.1f + KL %.1f; published about 105.6 (10 epochs, 60,000 images)",
                        t.reconstruction(), t.penalties().getOrDefault("kl", Double.NaN)), torch,
                Double.isNaN(torch) ? "between 0.95x and 1.35x of 105.6 (7.5x fewer steps)" : "within 5% of PyTorch on the same data",
                pass, e + " epochs, batch 128, Adam 1e-3; one sampled z per test image"));
    }

    private void linear(FidelityRuns runs) {
        int e = epochs(40);
        ModelSpec spec = runs.preset("linear-pca", e).withCodeSize(10).withOptimizer(OptimizerSpec.adam(2e-3));
        spec = spec.withTraining(spec.training().withBatchSize(50));
        Autoencoder ae = runs.trained(spec);
        double aeError = runs.reconError(ae, runs.test, runs.test);
        double pcaError = runs.pcaError(runs.pca(10));
        add(new FidelityRow("Linear AE equals PCA (k = 10)", "test mean summed squared error", aeError,
                String.format(Locale.ROOT, "PCA %.3f", pcaError), Double.NaN, "within 2% of PCA",
                Math.abs(aeError - pcaError) / pcaError < 0.02, e + " epochs, batch 50, Adam 2e-3, MSE"));
    }

    private void variants(FidelityRuns runs) {
        ModelSpec kl = runs.preset("sparse-kl", epochs(40));
        double mean = runs.meanCodeActivation(runs.trained(kl));
        double rho = kl.variant(SparsitySpec.class).rho();
        add(new FidelityRow("Sparse (KL, Ng): mean activation", "mean code activation on test", mean,
                "target rho " + rho, Double.NaN, "within 0.01 of rho", Math.abs(mean - rho) <= 0.01,
                epochs(40) + " epochs, beta " + kl.variant(SparsitySpec.class).weight() + " with squared error, 196 sigmoid units"));
        int e = epochs(20);

        ModelSpec ks = runs.preset("k-sparse", e);
        double share = runs.shareWithExactlyKNonZero(runs.trained(ks), ks.variant(KSparseSpec.class).k());
        add(new FidelityRow("k-sparse: exactly k non-zero codes", "share of test codes", share, "k = " + ks.variant(KSparseSpec.class).k(),
                Double.NaN, "all of them", share == 1.0, e + " epochs, schedule " + ks.variant(KSparseSpec.class).scheduleEpochs() + " epochs"));

        ModelSpec noisy = runs.preset("denoising", e);
        Autoencoder denoiser = runs.trained(noisy);
        Autoencoder plain = runs.trained(noisy.without(NoiseSpec.class));
        float[] corrupted = Corruption.apply(noisy.variant(NoiseSpec.class), runs.shape, runs.test, FidelityRuns.TEST, new SplittableRandom(3));
        double dError = runs.reconError(denoiser, corrupted, runs.test);
        double pError = runs.reconError(plain, corrupted, runs.test);
        add(new FidelityRow("Denoising gain (Gaussian 0.5)", "error on noisy inputs vs clean", dError,
                String.format(Locale.ROOT, "same net without noise %.2f", pError), Double.NaN, "below the plain model's",
                dError < pError, e + " epochs each"));

        ModelSpec contractive = runs.preset("contractive", e);
        double jc = runs.encoderJacobian(runs.trained(contractive));
        double jp = runs.encoderJacobian(runs.trained(contractive.without(ContractiveSpec.class)));
        add(new FidelityRow("Contractive: encoder Jacobian", "mean ||J||_F^2 on test", jc,
                String.format(Locale.ROOT, "same net without penalty %.2f", jp), Double.NaN, "below the plain model's",
                jc < jp, e + " epochs each, lambda " + contractive.variant(ContractiveSpec.class).weight()));
    }

    /**
     * Makhzani et al. 2015: the Gaussian prior's moments on the test codes, beside the same design
     * trained without the adversarial phases; the supervised mixture's classes on their components.
     */
    private void adversarial(FidelityRuns runs) {
        int e = epochs(AAE_EPOCHS);
        ModelSpec gaussian = runs.preset("aae-gaussian", e);
        CodeMoments with = moments(runs, gaussian);
        CodeMoments without = moments(runs, gaussian.without(AdversarialSpec.class));
        add(new FidelityRow("AAE Gaussian prior: code mean", "max |mean| of test codes", with.largestMeanOffset(),
                String.format(Locale.ROOT, "without the adversarial phases %.3f", without.largestMeanOffset()), Double.NaN,
                "at most 0.2", with.largestMeanOffset() <= 0.2, "aae-gaussian, " + e + " epochs"));
        add(new FidelityRow("AAE Gaussian prior: covariance", "max |cov - I| of test codes",
                with.largestCovarianceOffset(), String.format(Locale.ROOT, "without the adversarial phases %.3f",
                without.largestCovarianceOffset()), Double.NaN, "at most 0.25", with.largestCovarianceOffset() <= 0.25,
                "aae-gaussian, " + e + " epochs"));
        ModelSpec mixture = runs.preset("aae-mixture", e);
        Autoencoder model = ModelBuilder.build(mixture, runs.shape);
        runs.trainedAsSpecified(model);
        float[] codes = model.encode(runs.compute, runs.test, FidelityRuns.TEST);
        double share = CodePrior.shareNearestOwnComponent(codes, runs.testLabels, FidelityRuns.TEST,
                mixture.variant(AdversarialSpec.class).components());
        add(new FidelityRow("AAE supervised mixture", "test codes nearest their class's component", share,
                "published: each class on its own component (fig. 6)", Double.NaN, "at least 0.9", share >= 0.9,
                "aae-mixture, " + e + " epochs"));
    }

    private static CodeMoments moments(FidelityRuns runs, ModelSpec spec) {
        Autoencoder model = ModelBuilder.build(spec, runs.shape);
        runs.trainedAsSpecified(model);
        return CodeMoments.of(model.encode(runs.compute, runs.test, FidelityRuns.TEST), FidelityRuns.TEST, model.codeSize());
    }

    /**
     * Hinton and Salakhutdinov 2006 as published: RBM-pretrained, then fine-tuned; against PCA at 30
     * components, and its first fine-tuning epoch against the same design from random weights.
     */
    private void rbm(FidelityRuns runs) {
        int e = epochs(RBM_FINE_TUNE_EPOCHS);
        ModelSpec spec = runs.preset("hinton-2006-rbm", e);
        RbmPretrainingSpec rbm = spec.variant(RbmPretrainingSpec.class);
        spec = spec.with(new RbmPretrainingSpec(rbm.cdSteps(), rbm.learningRate(), rbm.momentum(), rbm.weightDecay(),
                quick ? 1 : rbm.epochsPerLayer()));
        Autoencoder pretrained = ModelBuilder.build(spec, runs.shape);
        TrainingResult r = runs.trainedAsSpecified(pretrained);
        double error = runs.reconError(pretrained, runs.test, runs.test);
        double pcaError = runs.pcaError(runs.pca(30));
        add(new FidelityRow("Hinton 2006 with RBM pretraining", "test mean summed squared error", error,
                String.format(Locale.ROOT, "PCA here %.2f; published 3.00 vs 13.87 (60,000 images)", pcaError), Double.NaN,
                "below 0.75 x PCA's", error < 0.75 * pcaError, (quick ? 1 : rbm.epochsPerLayer())
                + " CD-1 epochs per RBM, then " + e + " epochs of Adam"));
        Autoencoder random = ModelBuilder.build(spec.without(RbmPretrainingSpec.class), runs.shape);
        TrainingResult fromRandom = runs.trainedAsSpecified(random);
        double first = firstFineTuningLoss(r);
        double randomFirst = fromRandom.history().get(0).train().total();
        add(new FidelityRow("RBM pretraining: first fine-tune epoch", "mean training loss (BCE) of epoch 1", first,
                String.format(Locale.ROOT, "from random weights %.1f", randomFirst), Double.NaN, "below random weights'",
                first < randomFirst, "hinton-2006-rbm"));
    }

    private static double firstFineTuningLoss(TrainingResult r) {
        for (EpochSnapshot s : r.history()) {
            if (s.stageName().equals(SpecTraining.FINE_TUNE)) {
                return s.train().total();
            }
        }
        return Double.NaN;
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%n%-34s %-5s %10s %10s  %-40s %s%n", "result", "", "ours", "PyTorch", "criterion", "reference");
        for (FidelityRow r : rows) {
            System.out.printf(Locale.ROOT, "%-34s %-5s %10s %10s  %-40s %s%n", r.name(), r.pass() ? "pass" : "FAIL", fmt(r.ours()),
                    Double.isNaN(r.pytorch()) ? "-" : fmt(r.pytorch()), r.criterion(), r.reference());
        }
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v)
                : Math.abs(v) >= 1 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private String toJson() throws Exception {
        ObjectNode o = org.aeworkbench.engine.model.ModelSpecJson.mapper().createObjectNode();
        o.put("quick", quick);
        ArrayNode list = o.putArray("rows");
        for (FidelityRow r : rows) {
            ObjectNode n = list.addObject();
            n.put("name", r.name());
            n.put("metric", r.metric());
            n.put("ours", r.ours());
            n.put("reference", r.reference());
            if (Double.isNaN(r.pytorch())) {
                n.putNull("pytorch");
            } else {
                n.put("pytorch", r.pytorch());
            }
            n.put("criterion", r.criterion());
            n.put("pass", r.pass());
            n.put("setting", r.setting());
        }
        return org.aeworkbench.engine.model.ModelSpecJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(o);
    }
}
