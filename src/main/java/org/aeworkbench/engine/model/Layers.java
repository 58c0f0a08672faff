package org.aeworkbench.engine.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of layer types: one line each. The JSON reader and writer take a layer's
 * {@code type} from here, and the designer's palette lists the entries in this order.
 */
public final class Layers {

    private static final List<LayerType<?>> ALL = List.of(
            DenseSpec.TYPE,
            Conv2DSpec.TYPE,
            MaxPool2DSpec.TYPE,
            Upsample2DSpec.TYPE,
            ConvTranspose2DSpec.TYPE,
            FlattenSpec.TYPE,
            ReshapeSpec.TYPE,
            AvgPool2DSpec.TYPE);

    private Layers() {
    }

    /** Every registered layer type, in registry order. */
    public static List<LayerType<?>> all() {
        return ALL;
    }

    /** The palette's entries, type by type in registry order. */
    public static List<LayerType.PaletteEntry> palette() {
        return ALL.stream().flatMap(t -> t.palette().stream()).toList();
    }

    /** The type whose records are of class {@code spec}, or null. */
    public static LayerType<?> of(Class<?> spec) {
        for (LayerType<?> t : ALL) {
            if (t.spec() == spec) {
                return t;
            }
        }
        return null;
    }

    /** The type named {@code id} in spec files, or null. */
    public static LayerType<?> byId(String id) {
        for (LayerType<?> t : ALL) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** "dense, conv2d, ..." for messages. */
    public static String ids() {
        return ALL.stream().map(LayerType::id).collect(Collectors.joining(", "));
    }

    /** Jackson's view of the registry: the {@code type} of a {@link LayerSpec} in a spec file. */
    static final class TypeIds extends TypeIdResolverBase {

        @Override
        public String idFromValue(Object value) {
            return idFromValueAndType(value, value.getClass());
        }

        @Override
        public String idFromValueAndType(Object value, Class<?> type) {
            LayerType<?> t = of(type);
            if (t == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " is not a registered layer type: add it to Layers");
            }
            return t.id();
        }

        @Override
        public JavaType typeFromId(DatabindContext context, String id) throws IOException {
            LayerType<?> t = byId(id);
            if (t == null) {
                String message = "unknown layer type \"" + id + "\": use one of " + ids();
                if (context instanceof DeserializationContext d) {
                    throw JsonMappingException.from(d, message);
                }
                throw new IllegalArgumentException(message);
            }
            return context.constructType(t.spec());
        }

        @Override
        public String getDescForKnownTypeIds() {
            return ids();
        }

        @Override
        public JsonTypeInfo.Id getMechanism() {
            return JsonTypeInfo.Id.NAME;
        }
    }
}
