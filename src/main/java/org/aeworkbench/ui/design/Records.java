package org.aeworkbench.ui.design;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and rewrites the fields of the engine's spec records (layers, variant parts, optimiser,
 * training settings) by their components, so the designer and the property sheet edit any layer
 * type without knowing it.
 */
public final class Records {

    /** A component of a record and its current value. */
    public record Field(String name, Class<?> type, Object value) {

        /** Whether the property sheet can edit it (numbers, booleans, enums, text, types that parse from text). */
        public boolean editable() {
            return type == int.class || type == long.class || type == double.class || type == float.class
                    || type == boolean.class || type == String.class || type.isEnum() || parser(type) != null;
        }
    }

    private Records() {
    }

    public static List<Field> fields(Record r) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            fields.add(new Field(c.getName(), c.getType(), value(r, c)));
        }
        return fields;
    }

    /** The component's value, or null when the record has no such component. */
    public static Object get(Record r, String name) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return value(r, c);
            }
        }
        return null;
    }

    /** A copy of {@code r} with one component replaced, through the canonical constructor. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R r, String name, Object value) {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        boolean found = false;
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            if (cs[i].getName().equals(name)) {
                args[i] = coerce(value, types[i]);
                found = true;
            } else {
                args[i] = value(r, cs[i]);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no field " + name);
        }
        try {
            Constructor<?> ctor = r.getClass().getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return (R) ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalArgumentException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + r.getClass().getSimpleName(), e);
        }
    }

    /**
     * The static {@code parse(Object)} or {@code parse(String)} of a value type (such as a conv
     * layer's padding, written "same", "valid" or a number), or null when it has none.
     */
    public static java.lang.reflect.Method parser(Class<?> type) {
        for (Class<?> arg : new Class<?>[] {Object.class, String.class}) {
            try {
                java.lang.reflect.Method m = type.getMethod("parse", arg);
                if (java.lang.reflect.Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next signature
            }
        }
        return null;
    }

    /** A layer with one field replaced (layer specs are records). */
    public static org.aeworkbench.engine.model.LayerSpec withField(org.aeworkbench.engine.model.LayerSpec layer,
                                                                 String name, Object value) {
        return (org.aeworkbench.engine.model.LayerSpec) with((Record) layer, name, value);
    }

    /** Numbers arrive from editors as whatever Number the control made; fit them to the field. */
    private static Object coerce(Object value, Class<?> type) {
        if (value instanceof Number n) {
            if (type == int.class) {
                return n.intValue();
            }
            if (type == long.class) {
                return n.longValue();
            }
            if (type == double.class) {
                return n.doubleValue();
            }
            if (type == float.class) {
                return n.floatValue();
            }
        }
        return value;
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
