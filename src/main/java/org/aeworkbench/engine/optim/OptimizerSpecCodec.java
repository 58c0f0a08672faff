package org.aeworkbench.engine.optim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.aeworkbench.engine.core.JsonText;

/**
 * The file form of an {@link OptimizerSpec}: one flat object with the kind, the learning rate,
 * the kind's own settings, weight decay and the schedule. Reading accepts the settings of every
 * optimiser, as files written before version 2 hold all of them whatever the kind, and uses those
 * of the named kind; a key no optimiser has is refused. What a file leaves out takes the
 * optimiser's default (Adam's 0.9, 0.999, 1e-8; its learning rate 1e-3).
 */
final class OptimizerSpecCodec {

    private OptimizerSpecCodec() {
    }

    static final class Writer extends JsonSerializer<OptimizerSpec> {

        @Override
        public void serialize(OptimizerSpec spec, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            provider.defaultSerializeField("kind", spec.kind(), gen);
            gen.writeNumberField("learningRate", spec.learningRate());
            for (RecordComponent c : spec.settings().getClass().getRecordComponents()) {
                try {
                    gen.writeNumberField(c.getName(), (double) c.getAccessor().invoke(spec.settings()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName(), e);
                }
            }
            gen.writeNumberField("weightDecay", spec.weightDecay());
            provider.defaultSerializeField("schedule", spec.schedule(), gen);
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<OptimizerSpec> {

        @Override
        public OptimizerSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (OptimizerSpec) ctxt.handleUnexpectedToken(OptimizerSpec.class, p);
            }
            OptimizerKind kind = OptimizerKind.ADAM;
            Double learningRate = null;
            double weightDecay = 0;
            LearningRateSchedule schedule = null;
            Map<String, Double> given = new HashMap<>();
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                p.nextToken();
                try {
                    switch (field) {
                        case "kind" -> kind = ctxt.readValue(p, OptimizerKind.class);
                        case "learningRate" -> learningRate = number(p, ctxt);
                        case "weightDecay" -> weightDecay = number(p, ctxt);
                        case "schedule" -> schedule = ctxt.readValue(p, LearningRateSchedule.class);
                        default -> {
                            if (!settingsFields().contains(field)) {
                                var known = new java.util.ArrayList<>(java.util.List.of("kind", "learningRate",
                                        "weightDecay", "schedule"));
                                known.addAll(settingsFields());
                                throw JsonText.unknownField(p, OptimizerSpec.class, field, known, "an optimizer has"
                                        + " kind, learningRate, weightDecay, schedule and, by kind, "
                                        + String.join(", ", settingsFields()));
                            }
                            given.put(field, number(p, ctxt));
                        }
                    }
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, OptimizerSpec.class, field);
                }
            }
            if (kind == null) {
                kind = OptimizerKind.ADAM;
            }
            return new OptimizerSpec(kind, learningRate == null ? kind.defaultLearningRate() : learningRate, weightDecay,
                    schedule, kind.settings(given));
        }

        private static double number(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double v = ctxt.readValue(p, Double.class);
            if (v == null) {
                throw JsonMappingException.from(p, "the value is missing; give a number or leave the field out");
            }
            return v;
        }

        /** The settings of every optimiser, and RMSProp's decay under its earlier name, beta2. */
        private static TreeSet<String> settingsFields() {
            TreeSet<String> fields = new TreeSet<>();
            for (OptimizerKind k : OptimizerKind.values()) {
                fields.addAll(k.fields());
            }
            return fields;
        }
    }
}
