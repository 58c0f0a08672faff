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
}
