package org.aeworkbench.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aeworkbench.data.Preprocessing;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.export.ExportDesigns;
import org.aeworkbench.export.PythonTorch;
import org.aeworkbench.export.design.ExportedDesign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported model.py, run by PyTorch with the workbench's weights, gives the workbench's codes,
 * reconstructions and decoded codes within 1e-5 on 256 samples, for every test design. One Python
 * process runs them all.
 */
class PytorchExportTest {

    private static final int N = 256;
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void theExportedModulesComputeWhatTheWorkbenchComputes() throws Exception {
        PythonTorch.require();
        Map<String, Autoencoder> designs = ExportDesigns.all();
        StringBuilder script = new StringBuilder("import importlib.util, sys, numpy as np, torch\n"
                + "torch.set_num_threads(1)\n"
                + "def load(path):\n"
                + "    spec = importlib.util.spec_from_file_location('m_' + path.replace('/', '_'), path + '/model.py')\n"
                + "    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m\n");
        Map<String, float[][]> expected = new LinkedHashMap<>();
        Map<String, org.aeworkbench.engine.model.LossTerms> losses = new LinkedHashMap<>();
        try (Compute compute = Compute.create(Backend.AUTO, 1)) {
            for (var e : designs.entrySet()) {
                Autoencoder model = e.getValue();
                Path out = dir.resolve(e.getKey());
                PytorchExport.write(model, true, out, e.getKey() + ".aem", Preprocessing.none());
                float[] x = ExportDesigns.samples(N, model.inputShape(), 11);
                float[] codes = model.encode(compute, x, N);
                PythonTorch.writeNpy(out.resolve("x.npy"), x, N, model.inputShape().size());
                PythonTorch.writeNpy(out.resolve("codes.npy"), codes, N, model.codeSize());
                expected.put(e.getKey(), new float[][] {codes, model.reconstruct(compute, x, N),
                        model.decode(compute, codes, N)});
                losses.put(e.getKey(), model.evaluate(compute, x, N).loss());
                ExportedDesign d = ExportedDesign.of(model);
                script.append("m = load('").append(out).append("')\n")
                        .append("net = m.load_model()\n")
                        .append("x = m.prepare(np.load('").append(out).append("/x.npy'))\n")
                        .append("z = torch.from_numpy(np.load('").append(out).append("/codes.npy'))\n");
                if (d.imageCode()) {
                    script.append("z = m.as_image(z, ").append(d.codeShape().height()).append(", ")
                            .append(d.codeShape().width()).append(")\n");
                }
                script.append("with torch.no_grad():\n")
                        .append("    for name, v in (('codes', net.encode(x)), ('recon', net(x)), ('decoded', net.decode(z))):\n")
                        .append("        np.save('").append(out).append("/py-' + name + '.npy', m.channels_last(v).numpy().astype(np.float32))\n")
                        .append("    total, terms = net.loss(x)\n")
                        .append("    open('").append(out).append("/py-loss.txt', 'w').write(' '.join('%s=%r' % (k, float(v)) for k, v in terms.items()))\n");
            }
        }
        Files.writeString(dir.resolve("run.py"), script);
        PythonTorch.Run run = PythonTorch.run(dir, 300, "run.py");
        assertEquals(0, run.exit(), run.output());
        for (var e : expected.entrySet()) {
            Path out = dir.resolve(e.getKey());
            String[] names = {"codes", "recon", "decoded"};
            StringBuilder line = new StringBuilder(String.format("PyTorch %-10s max |difference|:", e.getKey()));
            for (int i = 0; i < 3; i++) {
                double d = ExportDesigns.maxAbsDiff(e.getValue()[i], PythonTorch.readNpy(out.resolve("py-" + names[i] + ".npy")));
                assertTrue(d <= TOLERANCE, e.getKey() + ": " + names[i] + " differ by " + d);
                line.append(String.format(" %s %.2e", names[i], d));
            }
            Map<String, Double> terms = new LinkedHashMap<>();
            for (String kv : Files.readString(out.resolve("py-loss.txt")).trim().split(" ")) {
                terms.put(kv.substring(0, kv.indexOf('=')), Double.parseDouble(kv.substring(kv.indexOf('=') + 1)));
            }
            var w = losses.get(e.getKey());
            Map<String, Double> want = new LinkedHashMap<>(w.penalties());
            want.put("reconstruction", w.reconstruction());
            assertEquals(want.keySet(), terms.keySet(), e.getKey() + ": loss terms");
            for (var t : want.entrySet()) {
                if (t.getKey().equals("reconstruction") && ExportedDesign.of(designs.get(e.getKey())).variational() != null) {
                    continue; // both sides draw z from q(z|x) for a VAE's loss: no two draws agree
                }
                double rel = Math.abs(terms.get(t.getKey()) - t.getValue()) / Math.max(1e-12, Math.abs(t.getValue()));
                assertTrue(rel <= 1e-5, e.getKey() + ": " + t.getKey() + " is " + terms.get(t.getKey()) + " in PyTorch, "
                        + t.getValue() + " in the workbench");
                line.append(String.format(" %s rel %.1e", t.getKey(), rel));
            }
            System.out.println(line);
        }
    }
}
