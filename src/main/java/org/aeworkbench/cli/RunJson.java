package org.aeworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.train.EpochSnapshot;
import org.aeworkbench.engine.train.TrainingResult;

/** The printed and JSON forms of a training run. */
final class RunJson {

    private RunJson() {
    }

    static String epochLine(EpochSnapshot s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%sepoch %d/%d  train %.4f",
                "train".equals(s.stageName()) ? "" : s.stageName() + " ", s.epoch() + 1, s.epochs(),
                s.train().total()));
        if (s.validation() != null) {
            b.append(String.format(Locale.ROOT, "  val %.4f", s.validation().total()));
        }
        if (!s.train().penalties().isEmpty()) {
            b.append("  (recon ").append(String.format(Locale.ROOT, "%.4f", s.train().reconstruction()));
            for (Map.Entry<String, Double> e : s.train().penalties().entrySet()) {
                b.append(String.format(Locale.ROOT, ", %s %.4f", e.getKey(), e.getValue()));
            }
            b.append(')');
        }
        for (Map.Entry<String, Double> e : s.train().metrics().entrySet()) {
            b.append(String.format(Locale.ROOT, "  %s %.4f", e.getKey(), e.getValue()));
        }
        if (!Double.isNaN(s.valReconError())) {
            b.append(String.format(Locale.ROOT, "  val_recon_error %.3f", s.valReconError()));
        }
        b.append(String.format(Locale.ROOT, "  %,.0f samples/s  %.1f s", s.samplesPerSecond(), s.seconds()));
        return b.toString();
    }

    static ObjectNode summary(TrainingResult r, Compute compute) {
        ObjectNode o = ModelSpecJson.mapper().createObjectNode();
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        o.put("epochs", r.history().size());
        ArrayNode train = o.putArray("train_loss");
        ArrayNode val = o.putArray("val_loss");
        ArrayNode recon = o.putArray("val_recon_error_per_epoch");
        ObjectNode terms = ModelSpecJson.mapper().createObjectNode();
        for (EpochSnapshot s : r.history()) {
            train.add(s.train().total());
            if (s.validation() != null) {
                val.add(s.validation().total());
                recon.add(s.valReconError());
            }
            terms.withArray("reconstruction").add(s.train().reconstruction());
            for (var e : s.train().penalties().entrySet()) {
                terms.withArray(e.getKey()).add(e.getValue());
            }
        }
        o.set("train_terms", terms);
        ObjectNode metrics = metrics(r.history());
        if (!metrics.isEmpty()) {
            o.set("train_metrics", metrics);
        }
        o.set("stages", stages(r));
        EpochSnapshot last = r.last();
        if (last != null && !Double.isNaN(last.valReconError())) {
            o.put("val_recon_error", last.valReconError());
        } else {
            o.putNull("val_recon_error");
        }
        o.put("seconds", r.seconds());
        o.put("samples_per_second", r.samplesPerSecond());
        o.put("blas", compute.description());
        o.put("threads", compute.threads());
        if (r.status() != TrainingResult.Status.COMPLETED) {
            o.put("message", r.message());
        }
        return o;
    }

    /** The keys {@code scaling} (the --scale spelling of what was applied) and {@code scaling_reason}. */
    static void putScaling(ObjectNode o, org.aeworkbench.data.Preparation p) {
        o.put("scaling", org.aeworkbench.data.ScaleChoice.of(p.scaling()).id());
        o.put("scaling_reason", p.reason());
    }

    /** Each metric's value per epoch ("discriminator", "free energy gap"), over the epochs that report it. */
    private static ObjectNode metrics(java.util.List<EpochSnapshot> epochs) {
        ObjectNode metrics = ModelSpecJson.mapper().createObjectNode();
        for (EpochSnapshot s : epochs) {
            for (var e : s.train().metrics().entrySet()) {
                metrics.withArray(e.getKey()).add(e.getValue());
            }
        }
        return metrics;
    }

    /**
     * The run stage by stage, in order ("rbm 1/4", ..., "fine-tune"; a plain run is one stage,
     * "train"): each with its epochs, training and validation losses, validation reconstruction
     * error where the stage measures it, and metrics.
     */
    private static ArrayNode stages(TrainingResult r) {
        ArrayNode stages = ModelSpecJson.mapper().createArrayNode();
        java.util.Map<String, java.util.List<EpochSnapshot>> byStage = new java.util.LinkedHashMap<>();
        for (EpochSnapshot s : r.history()) {
            byStage.computeIfAbsent(s.stage() + " " + s.stageName(), k -> new java.util.ArrayList<>()).add(s);
        }
        for (java.util.List<EpochSnapshot> epochs : byStage.values()) {
            ObjectNode stage = stages.addObject();
            stage.put("name", epochs.get(0).stageName());
            stage.put("epochs", epochs.size());
            ArrayNode train = stage.putArray("train_loss");
            ArrayNode val = stage.putArray("val_loss");
            ArrayNode recon = stage.putArray("val_recon_error");
            for (EpochSnapshot s : epochs) {
                train.add(s.train().total());
                if (s.validation() != null) {
                    val.add(s.validation().total());
                }
                if (!Double.isNaN(s.valReconError())) {
                    recon.add(s.valReconError());
                }
            }
            stage.set("train_metrics", metrics(epochs));
        }
        return stages;
    }

    /** What a model file records about its training. */
    static ObjectNode history(TrainingResult r, Dataset set, Compute compute) {
        ObjectNode o = summary(r, compute);
        o.put("data", set.name());
        o.put("data_source", set.source());
        o.put("samples", set.samples());
        return o;
    }

    /** Puts {@code v} under {@code key}, or JSON null when it is NaN (a measure that does not apply). */
    static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /** One line of JSON. */
    static String line(ObjectNode o) {
        try {
            return ModelSpecJson.mapper().writer()
                    .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
        }
    }
}
