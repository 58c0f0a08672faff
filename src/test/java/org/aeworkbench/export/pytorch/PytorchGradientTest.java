package org.aeworkbench.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.layer.Parameter;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.optim.OptimizerSpec;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.export.ExportDesigns;
import org.aeworkbench.export.PythonTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One step of plain gradient descent on the same batch moves the exported module's weights as it
 * moves the workbench's: the loss and every penalty are differentiated alike (KL sparsity's clamp,
 * the contractive closed form, tied weights' two uses, k-sparse's kept units, pooling's argmax).
 * With SGD the step is the gradient times the rate, so the weights differ by the rate times the
 * gradients' difference; it is measured against the largest step in the same parameter (a
 * convolution's gradient sums 50,000 products per weight, whose float rounding differs by order). Designs whose training pass draws noise (VAE, denoising) are left out:
 * their draws differ by construction.
 */
class PytorchGradientTest {

    private static final int BATCH = 64;
    private static final float RATE = 0.1f;

    @TempDir
    Path dir;

    @Test
    void oneGradientStepMovesTheWeightsAlike() throws Exception {
        PythonTorch.require();
        List<String> names = List.of("reference", "conv-ae", "tied", "k-sparse", "sparse-kl", "sparse-l1", "contractive",
                "odd-shapes");
        Map<String, Autoencoder> all = ExportDesigns.all();
        Map<String, Autoencoder> stepped = new LinkedHashMap<>();
        Map<String, Autoencoder> before = new LinkedHashMap<>();
        StringBuilder script = new StringBuilder("import importlib.util, numpy as np, torch\ntorch.set_num_threads(1)\n");
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            for (String name : names) {
                Autoencoder start = all.get(name);
                ModelSpec spec = start.spec().withOptimizer(OptimizerSpec.sgd(RATE, 0))
                        .withTraining(start.spec().training().withBatchSize(BATCH).withEpochs(1));
                Autoencoder model = ModelBuilder.build(spec, start.inputShape());
                model.loadWeightsFrom(start);
                before.put(name, ModelBuilder.build(spec, start.inputShape()));
                before.get(name).loadWeightsFrom(start);
                Path out = dir.resolve(name);
                PytorchExport.write(model, true, out, name + ".aem", Preprocessing.none());
                float[] x = ExportDesigns.samples(BATCH, model.inputShape(), 5);
                PythonTorch.writeNpy(out.resolve("x.npy"), x, BATCH, model.inputShape().size());
                new Trainer(model, compute).fit(x, BATCH, null, 0, 1, new TrainingControl(), TrainingListener.NONE);
                stepped.put(name, model);
                script.append("spec = importlib.util.spec_from_file_location('m_").append(name.replace('-', '_'))
                        .append("', '").append(out).append("/model.py')\n")
                        .append("m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n")
                        .append("net = m.load_model().train(); net.on_epoch_start(0)\n")
                        .append("total, _ = net.loss(m.prepare(np.load('").append(out).append("/x.npy')))\n")
                        .append("total.backward()\n")
                        .append("with torch.no_grad():\n    for p in net.parameters():\n        p -= ").append(RATE)
                        .append(" * p.grad\n")
                        .append("m.save_weights(net, '").append(out).append("/stepped.safetensors')\n");
            }
        }
        Files.writeString(dir.resolve("step.py"), script);
        PythonTorch.Run run = PythonTorch.run(dir, 300, "step.py");
        assertEquals(0, run.exit(), run.output());
        for (var e : stepped.entrySet()) {
            Autoencoder torch = ModelBuilder.build(e.getValue().spec(), e.getValue().inputShape());
            TorchWeights.load(torch, dir.resolve(e.getKey()).resolve("stepped.safetensors"));
            double worst = 0;
            String where = "";
            for (int i = 0; i < torch.parameters().size(); i++) {
                Parameter a = e.getValue().parameters().get(i);
                double step = ExportDesigns.maxAbsDiff(a.value(), before.get(e.getKey()).parameters().get(i).value());
                double d = ExportDesigns.maxAbsDiff(a.value(), torch.parameters().get(i).value()) / Math.max(step, 1e-6);
                if (d > worst) {
                    worst = d;
                    where = a.name();
                }
            }
            System.out.printf("SGD step %-11s max |weight difference| / largest step %.2e (%s)%n", e.getKey(), worst, where);
            assertTrue(worst <= 1e-4, e.getKey() + ": after one step " + where + " differs by " + worst
                    + " of the largest step");
        }
    }

    /**
     * Three steps of each optimiser, with weight decay, on one batch: model.py's make_optimizer runs
     * the engine's update rules with its settings (and leaves biases undecayed as the engine does).
     */
    @Test
    void everyOptimiserStepsAsTheEngine() throws Exception {
        PythonTorch.require();
        org.aeworkbench.engine.tensor.Shape six = org.aeworkbench.engine.tensor.Shape.vector(6);
        Map<String, OptimizerSpec> optimisers = new LinkedHashMap<>();
        optimisers.put("sgd", OptimizerSpec.sgd(0.05, 0));
        optimisers.put("momentum", OptimizerSpec.sgd(0.05, 0.9));
        optimisers.put("nesterov", OptimizerSpec.sgd(0.05, 0.9).withKind(org.aeworkbench.engine.optim.OptimizerKind.NESTEROV));
        optimisers.put("adam", OptimizerSpec.adam(0.01));
        optimisers.put("rmsprop", OptimizerSpec.adam(0.01).withKind(org.aeworkbench.engine.optim.OptimizerKind.RMSPROP));
        optimisers.put("adagrad", OptimizerSpec.adam(0.05).withKind(org.aeworkbench.engine.optim.OptimizerKind.ADAGRAD));
        Map<String, Autoencoder> stepped = new LinkedHashMap<>();
        Map<String, Autoencoder> before = new LinkedHashMap<>();
        StringBuilder script = new StringBuilder("import importlib.util, numpy as np, torch\ntorch.set_num_threads(1)\n");
        float[] x = ExportDesigns.samples(BATCH, six, 9);
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            for (var e : optimisers.entrySet()) {
                ModelSpec spec = org.aeworkbench.engine.model.Presets.get("keras-deep", six)
                        .withOptimizer(e.getValue().withWeightDecay(0.01))
                        .withTraining(org.aeworkbench.engine.model.TrainingSpec.defaults().withBatchSize(BATCH).withEpochs(3));
                Autoencoder model = ExportDesigns.perturbed(spec, six);
                Autoencoder start = ModelBuilder.build(spec, six);
                start.loadWeightsFrom(model);
                before.put(e.getKey(), start);
                Path out = dir.resolve(e.getKey());
                PytorchExport.write(model, true, out, e.getKey() + ".aem", Preprocessing.none());
                PythonTorch.writeNpy(out.resolve("x.npy"), x, BATCH, 6);
                new Trainer(model, compute).fit(x, BATCH, null, 0, 3, new TrainingControl(), TrainingListener.NONE);
                stepped.put(e.getKey(), model);
                script.append("spec = importlib.util.spec_from_file_location('o_").append(e.getKey()).append("', '")
                        .append(out).append("/model.py')\n")
                        .append("m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n")
                        .append("net = m.load_model().train()\n")
                        .append("groups = [{'params': [p for p in net.parameters() if p.dim() > 1], 'weight_decay': 0.01},"
                                + " {'params': [p for p in net.parameters() if p.dim() <= 1], 'weight_decay': 0.0}]\n")
                        .append("opt = m.make_optimizer(groups, m.OPTIMIZER['learning_rate'])\n")
                        .append("x = m.prepare(np.load('").append(out).append("/x.npy'))\n")
                        .append("for epoch in range(3):\n    net.on_epoch_start(epoch); opt.zero_grad()\n")
                        .append("    net.loss(x)[0].backward(); opt.step()\n")
                        .append("m.save_weights(net, '").append(out).append("/stepped.safetensors')\n");
            }
        }
        Files.writeString(dir.resolve("optimisers.py"), script);
        PythonTorch.Run run = PythonTorch.run(dir, 300, "optimisers.py");
        assertEquals(0, run.exit(), run.output());
        for (var e : stepped.entrySet()) {
            Autoencoder torch = ModelBuilder.build(e.getValue().spec(), six);
            TorchWeights.load(torch, dir.resolve(e.getKey()).resolve("stepped.safetensors"));
            double worst = 0;
            for (int i = 0; i < torch.parameters().size(); i++) {
                float[] w = e.getValue().parameters().get(i).value();
                double moved = ExportDesigns.maxAbsDiff(w, before.get(e.getKey()).parameters().get(i).value());
                worst = Math.max(worst, ExportDesigns.maxAbsDiff(w, torch.parameters().get(i).value()) / Math.max(moved, 1e-6));
            }
            System.out.printf("3 steps of %-8s max |weight difference| / largest move %.2e%n", e.getKey(), worst);
            assertTrue(worst <= 1e-4, e.getKey() + ": the weights differ by " + worst + " of their largest move");
        }
    }
}
