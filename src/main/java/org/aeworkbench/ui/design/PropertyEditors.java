package org.aeworkbench.ui.design;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors for the property sheet. Numbers and text commit on Enter or when the field loses
 * focus, not on every keystroke, so typing "0.001" is one undoable edit rather than five; a value
 * that does not parse is refused and the field shows the previous one.
 */
final class PropertyEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {

    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        PropertyEditor<Object> editor = create(item);
        // Follow changes made elsewhere (undo, a preset, the designer's own editors).
        item.getObservableValue().ifPresent(v -> v.addListener((obs, old, now) -> editor.setValue(now)));
        return editor;
    }

    private static PropertyEditor<Object> create(PropertySheet.Item item) {
        Class<?> t = item.getType();
        if (!item.isEditable()) {
            return readOnly(item);
        }
        if (t == boolean.class || t == Boolean.class) {
            return bool(item);
        }
        if (t.isEnum()) {
            return choice(item);
        }
        return text(item);
    }

    private static PropertyEditor<Object> readOnly(PropertySheet.Item item) {
        Label l = new Label();
        l.getStyleClass().add("read-only-value");
        // Long values (the data's preparation, its source) wrap rather than end in an ellipsis.
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new PropertyEditor<>() {
            @Override public Node getEditor() { return l; }
            @Override public Object getValue() { return item.getValue(); }
            @Override public void setValue(Object v) { l.setText(v == null ? "" : v.toString()); }
        };
    }

    private static PropertyEditor<Object> bool(PropertySheet.Item item) {
        CheckBox box = new CheckBox();
        box.setOnAction(e -> item.setValue(box.isSelected()));
        return new PropertyEditor<>() {
            @Override public Node getEditor() { return box; }
            @Override public Object getValue() { return box.isSelected(); }
            @Override public void setValue(Object v) { box.setSelected(Boolean.TRUE.equals(v)); }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PropertyEditor<Object> choice(PropertySheet.Item item) {
        ComboBox box = new ComboBox();
        box.getItems().setAll(item.getType().getEnumConstants());
        box.setConverter(new javafx.util.StringConverter<Object>() {
            @Override
            public String toString(Object e) {
                // Activations as the layer cards name them ("Linear", "ReLU"), so the two never
                // disagree; other choices in the spelling of model files ("salt-and-pepper").
                if (e instanceof org.aeworkbench.engine.layer.Activation a) {
                    return ActivationNames.of(a);
                }
                return e instanceof Enum<?> en ? org.aeworkbench.engine.core.EnumIds.id(en) : "";
            }

            @Override
            public Object fromString(String s) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        // A long choice is cut in the narrowest side pane ("supervised-mixture" as "supervi..."):
        // the tooltip says it whole.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> box.getConverter().toString(box.getValue()), box.valueProperty()));
        box.setTooltip(whole);
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                item.setValue(box.getValue());
            }
        });
        return new PropertyEditor<>() {
            @Override public Node getEditor() { return box; }
            @Override public Object getValue() { return box.getValue(); }
            @Override public void setValue(Object v) { box.setValue(v); }
        };
    }

    private static PropertyEditor<Object> text(PropertySheet.Item item) {
        TextField field = new TextField();
        Class<?> t = item.getType();
        Runnable commit = () -> {
            Object parsed = parse(field.getText(), t);
            if (parsed == null) {
                field.setText(show(item.getValue()));
            } else {
                item.setValue(parsed);
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        return new PropertyEditor<>() {
            @Override public Node getEditor() { return field; }
            @Override public Object getValue() { return parse(field.getText(), t); }
            @Override public void setValue(Object v) { field.setText(show(v)); }
        };
    }

    private static String show(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
        }
        return v == null ? "" : v.toString();
    }

    /** The typed text as the field's type, or null when it does not parse. */
    static Object parse(String text, Class<?> t) {
        String s = text == null ? "" : text.trim();
        try {
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(s);
            }
            if (t == long.class || t == Long.class) {
                return Long.parseLong(s);
            }
            if (t == double.class || t == Double.class) {
                double d = Double.parseDouble(s);
                return Double.isFinite(d) ? d : null;
            }
            if (t == float.class || t == Float.class) {
                return Float.parseFloat(s);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        java.lang.reflect.Method parser = Records.parser(t);
        if (parser != null) {
            try {
                return parser.invoke(null, s);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return null; // refused: the field shows its previous value
            }
        }
        return s;
    }
}
