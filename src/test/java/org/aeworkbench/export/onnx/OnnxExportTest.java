package org.aeworkbench.export.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.export.ExportDesigns;
import org.aeworkbench.export.design.ExportedDesign;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each exported part, run by ONNX Runtime (as a service embedding it would), gives the workbench's
 * own codes and reconstructions within 1e-5 on 256 samples.
 */
class OnnxExportTest {

    private static final int N = 256;
    private static final double TOLERANCE = 1e-5;
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final Compute COMPUTE = Compute.create(Backend.AUTO, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    static Stream<Arguments> designs() {
        return Stream.concat(ExportDesigns.all().entrySet().stream(), ExportDesigns.trainingOnly().entrySet().stream())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void everyPartAgreesWithTheWorkbench(String name, Autoencoder model) throws Exception {
        ExportedDesign d = ExportedDesign.of(model);
        Shape in = model.inputShape();
        float[] x = ExportDesigns.samples(N, in, 11);
        float[] codes = model.encode(COMPUTE, x, N);
        float[] recon = model.reconstruct(COMPUTE, x, N);
        float[] xOnnx = d.imageLayout() ? ExportDesigns.toNchw(x, N, in) : x;

        Map<String, float[]> enc = run(model, OnnxExport.Part.ENCODER, "x", xOnnx, inputShape(d.imageLayout(), in));
        float[] onnxCodes = d.variational() != null ? enc.get("mu") : enc.get("code");
        if (d.imageCode()) {
            onnxCodes = ExportDesigns.toNhwc(onnxCodes, N, d.codeShape());
        }
        double codeError = ExportDesigns.maxAbsDiff(codes, onnxCodes);
        assertTrue(codeError <= TOLERANCE, name + ": codes differ by " + codeError);
        if (d.variational() != null) {
            assertEquals(N * d.codeShape().size(), enc.get("log_variance").length);
            float[] workbenchLogVar = logVariances(model, x);
            double lvError = ExportDesigns.maxAbsDiff(workbenchLogVar, enc.get("log_variance"));
            assertTrue(lvError <= TOLERANCE, name + ": log-variances differ by " + lvError);
        }

        Map<String, float[]> ae = run(model, OnnxExport.Part.AUTOENCODER, "x", xOnnx, inputShape(d.imageLayout(), in));
        float[] r = ae.get("reconstruction");
        double reconError = ExportDesigns.maxAbsDiff(recon, d.imageLayout() ? ExportDesigns.toNhwc(r, N, in) : r);
        assertTrue(reconError <= TOLERANCE, name + ": reconstructions differ by " + reconError);

        float[] z = d.imageCode() ? ExportDesigns.toNchw(codes, N, d.codeShape()) : codes;
        Map<String, float[]> dec = run(model, OnnxExport.Part.DECODER, "z", z, inputShape(d.imageCode(), d.codeShape()));
        float[] decoded = model.decode(COMPUTE, codes, N);
        float[] rd = dec.get("reconstruction");
        double decodeError = ExportDesigns.maxAbsDiff(decoded, d.imageLayout() ? ExportDesigns.toNhwc(rd, N, in) : rd);
        assertTrue(decodeError <= TOLERANCE, name + ": decoded codes differ by " + decodeError);
        System.out.printf("ONNX %-10s max |difference|: codes %.2e, reconstructions %.2e, decoder %.2e%n", name,
                codeError, reconError, decodeError);
    }

    /** The code layer's second half: what the VAE's encoder emits as log sigma^2. */
    private static float[] logVariances(Autoencoder model, float[] x) {
        int codeLayer = model.spec().encoder().size() - 1;
        float[] h = x.clone();
        var pass = org.aeworkbench.engine.layer.Pass.inference(COMPUTE);
        int index = 0;
        for (var layer : model.encoderLayers()) {
            h = layer.forward(h, N, pass);
            if (layer.parameters().stream().anyMatch(p -> p.name().equals("encoder[" + codeLayer + "].weight"))) {
                break;
            }
            index++;
        }
        int latent = model.codeSize();
        float[] lv = new float[N * latent];
        for (int r = 0; r < N; r++) {
            System.arraycopy(h, r * 2 * latent + latent, lv, r * latent, latent);
        }
        return lv;
    }

    private static long[] inputShape(boolean image, Shape s) {
        return image ? new long[] {N, s.channels(), s.height(), s.width()} : new long[] {N, s.size()};
    }

    private static Map<String, float[]> run(Autoencoder model, OnnxExport.Part part, String input, float[] values,
                                            long[] shape) throws Exception {
        byte[] bytes = OnnxExport.build(model, part, "test").toByteArray();
        try (OrtSession session = ENV.createSession(bytes, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, t))) {
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : result) {
                OnnxTensor o = (OnnxTensor) e.getValue();
                FloatBuffer fb = o.getFloatBuffer();
                float[] v = new float[fb.remaining()];
                fb.get(v);
                out.put(e.getKey(), v);
            }
            return out;
        }
    }
}
