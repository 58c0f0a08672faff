package org.aeworkbench.export.translate;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * A graph being written in ONNX's operators (opset 17): nodes, named values and initializers,
 * built with the classes protoc generates from {@code onnx.proto}. Value names come from
 * {@link #fresh}, so translations never collide.
 */
public final class OnnxGraph {

    private final GraphProto.Builder graph;
    private final Map<String, Integer> counters = new HashMap<>();
    private final java.util.Set<String> initializers = new java.util.HashSet<>();

    public OnnxGraph(String name) {
        this.graph = GraphProto.newBuilder().setName(name);
    }

    public GraphProto.Builder proto() {
        return graph;
    }

    /** A new value name starting with {@code stem}: "encoder.0/relu", "encoder.0/relu_1", ... */
    public String fresh(String stem) {
        int n = counters.merge(stem, 1, Integer::sum);
        return n == 1 ? stem : stem + "_" + (n - 1);
    }

    /** Adds a node with one output, named fresh from {@code stem}; returns the output's name. */
    public String op(String opType, String stem, String[] inputs, AttributeProto... attributes) {
        String out = fresh(stem);
        node(opType, inputs, new String[] {out}, attributes);
        return out;
    }

    /** Adds a node with the given outputs. */
    public void node(String opType, String[] inputs, String[] outputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType)
                .setName(opType + "_" + graph.getNodeCount());
        for (String in : inputs) {
            n.addInput(in);
        }
        for (String out : outputs) {
            n.addOutput(out);
        }
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    /**
     * The float initializer {@code name}, added from {@code values} the first time it is asked for
     * (a tied decoder reuses its encoder layer's weight).
     */
    public String ensureFloats(String name, long[] dims, java.util.function.Supplier<float[]> values) {
        if (initializers.add(name)) {
            floats(name, dims, values.get());
        }
        return name;
    }

    /** A float initializer (the weights), little-endian raw data as the format stores it. */
    public String floats(String name, long[] dims, float[] values) {
        initializers.add(name);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A 1-D int64 constant (shapes, axes, sizes), as an initializer named fresh from {@code stem}. */
    public String int64s(String stem, long... values) {
        String name = fresh(stem);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    public static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** A float tensor attribute holding one value (ConstantOfShape's fill). */
    public static AttributeProto scalarTensor(String name, float value) {
        TensorProto t = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(1)
                .addFloatData(value).build();
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
    }
}
