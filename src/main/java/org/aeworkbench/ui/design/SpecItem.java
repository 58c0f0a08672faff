package org.aeworkbench.ui.design;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the property sheet: a field of the spec (or a read-only fact such as a layer's
 * shape), its help text, and what to do when the user changes it.
 */
public final class SpecItem implements PropertySheet.Item {

    private final String key;
    private final String category;
    private final String name;
    private final String description;
    private final Class<?> type;
    private final ObjectProperty<Object> value;
    private final Consumer<Object> setter;

    /**
     * @param key    stable identity, e.g. "sparsity.rho", so a refresh updates rows in place
     * @param setter null for a read-only row
     */
    public SpecItem(String key, String category, String name, String description, Class<?> type, Object value,
                    Consumer<Object> setter) {
        this.key = key;
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.value = new SimpleObjectProperty<>(value);
        this.setter = setter;
    }

    public String key() {
        return key;
    }

    /** Shows a new value without treating it as an edit. */
    void refresh(Object v) {
        value.set(v);
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return value.get();
    }

    @Override
    public void setValue(Object v) {
        if (setter == null || java.util.Objects.equals(v, value.get())) {
            return;
        }
        value.set(v);
        setter.accept(v);
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.of(value);
    }

    @Override
    public boolean isEditable() {
        return setter != null;
    }
}
