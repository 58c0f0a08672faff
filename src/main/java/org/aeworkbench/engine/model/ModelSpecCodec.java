package org.aeworkbench.engine.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.aeworkbench.engine.core.JsonText;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.optim.OptimizerSpec;

/**
 * The JSON form of a {@link ModelSpec}: the fixed fields, then one key per variant part, named by
 * its variant's id, the part's record as its value. A part given as {@code false} or
 * {@code null} is off, which reads the {@code "tiedWeights": false} of older files. A key that is
 * neither a field nor a registered variant is refused, naming the keys that are known.
 */
final class ModelSpecCodec {

    private static final JavaType LAYERS = TypeFactory.defaultInstance().constructCollectionType(List.class, LayerSpec.class);

    private ModelSpecCodec() {
    }

    static final class Writer extends JsonSerializer<ModelSpec> {

        @Override
        public void serialize(ModelSpec spec, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("name", spec.name());
            gen.writeStringField("description", spec.description());
            gen.writeFieldName("encoder");
            provider.findTypedValueSerializer(LAYERS, true, null).serialize(spec.encoder(), gen, provider);
            gen.writeFieldName("decoder");
            provider.findTypedValueSerializer(LAYERS, true, null).serialize(spec.decoder(), gen, provider);
            provider.defaultSerializeField("loss", spec.loss(), gen);
            for (VariantSpec part : spec.variants()) {
                provider.defaultSerializeField(part.type().id(), part, gen);
            }
            provider.defaultSerializeField("optimizer", spec.optimizer(), gen);
            provider.defaultSerializeField("training", spec.training(), gen);
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<ModelSpec> {

        @Override
        public ModelSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (ModelSpec) ctxt.handleUnexpectedToken(ModelSpec.class, p);
            }
            String name = null;
            String description = null;
            List<LayerSpec> encoder = null;
            List<LayerSpec> decoder = null;
            ReconstructionLoss loss = null;
            OptimizerSpec optimizer = null;
            TrainingSpec training = null;
            List<VariantSpec> parts = new ArrayList<>();
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                try {
                    switch (field) {
                        case "name" -> name = ctxt.readValue(p, String.class);
                        case "description" -> description = ctxt.readValue(p, String.class);
                        case "encoder" -> encoder = ctxt.readValue(p, LAYERS);
                        case "decoder" -> decoder = ctxt.readValue(p, LAYERS);
                        case "loss" -> loss = ctxt.readValue(p, ReconstructionLoss.class);
                        case "optimizer" -> optimizer = ctxt.readValue(p, OptimizerSpec.class);
                        case "training" -> training = ctxt.readValue(p, TrainingSpec.class);
                        default -> {
                            VariantType<?> type = Variants.byId(field);
                            if (type == null) {
                                throw JsonText.unknownField(p, ModelSpec.class, field, knownFields(), "a model"
                                        + " spec has name, description, encoder, decoder, loss, optimizer, training and"
                                        + " the variant parts " + Variants.ids());
                            }
                            if (value != JsonToken.VALUE_NULL && value != JsonToken.VALUE_FALSE) {
                                parts.add(ctxt.readValue(p, type.spec()));
                            }
                        }
                    }
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, ModelSpec.class, field);
                }
            }
            try {
                return new ModelSpec(name, description, encoder, decoder, loss, parts, optimizer, training);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }

        private static List<String> knownFields() {
            List<String> known = new ArrayList<>(List.of("name", "description", "encoder", "decoder", "loss",
                    "optimizer", "training"));
            Variants.all().forEach(v -> known.add(v.id()));
            return known;
        }
    }
}
