package org.aeworkbench.engine;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.aeworkbench.engine.blas.Compute;

/**
 * The bytes of the arrays an object of ours holds, following its fields, collections and maps
 * (each array counted once): what a built model keeps between steps, weights and scratch buffers
 * alike. Unlike counting allocations this does not depend on how much garbage the JIT leaves
 * before it has compiled the Vector API code, so the memory check's figures can be held to it.
 * The compute context a layer borrows during a pass is not the model's and is not followed.
 */
public final class HeldMemory {

    private HeldMemory() {
    }

    public static long of(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.add(root);
        long bytes = 0;
        while (!todo.isEmpty()) {
            Object o = todo.poll();
            if (!seen.add(o) || o instanceof Compute) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                if (c.getComponentType().isPrimitive()) {
                    bytes += (long) Array.getLength(o) * elementBytes(c.getComponentType());
                } else {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        add(todo, Array.get(o, i));
                    }
                }
            } else if (o instanceof Iterable<?> items) {
                items.forEach(item -> add(todo, item));
            } else if (o instanceof Map<?, ?> map) {
                map.forEach((k, v) -> add(todo, v));
            } else if (c.getName().startsWith("org.aeworkbench.")) {
                for (Class<?> k = c; k != null && k.getName().startsWith("org.aeworkbench."); k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                            f.setAccessible(true);
                            try {
                                add(todo, f.get(o));
                            } catch (IllegalAccessException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
            }
        }
        return bytes;
    }

    private static void add(ArrayDeque<Object> todo, Object o) {
        if (o != null) {
            todo.add(o);
        }
    }

    private static int elementBytes(Class<?> type) {
        if (type == double.class || type == long.class) {
            return 8;
        }
        if (type == float.class || type == int.class) {
            return 4;
        }
        return type == short.class || type == char.class ? 2 : 1;
    }
}
