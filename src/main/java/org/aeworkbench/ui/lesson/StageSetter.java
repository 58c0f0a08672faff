package org.aeworkbench.ui.lesson;

import java.util.function.Consumer;
import org.aeworkbench.data.ScaleChoice;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.lesson.DesignSettings;
import org.aeworkbench.lesson.LessonException;
import org.aeworkbench.lesson.StepSetup;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * Sets the stage for a step through the window's own commands, in the order a student would:
 * loads the data (waiting for it), replaces the design with the preset or design file, applies the
 * settings, shows the tab. Every change to the design is one undoable step named after the lesson.
 */
final class StageSetter {

    private final LessonHost host;

    StageSetter(LessonHost host) {
        this.host = host;
    }

    /**
     * Applies {@code setup}; {@code ready} runs on the FX thread once the stage is set (perhaps at
     * once), {@code failed} with a message naming the lesson's line when it cannot be.
     */
    void apply(StepSetup setup, String origin, Runnable ready, Consumer<String> failed) {
        WorkbenchModel wb = host.workbench();
        DataReference wanted = wantedData(setup, wb.data().current());
        if (wanted == null) {
            design(setup, origin, ready, failed);
            return;
        }
        int line = setup.data() != null ? setup.data().line() : setup.limit().line();
        wb.loadData(wanted, loaded -> design(setup, origin, ready, failed),
                msg -> failed.accept(new LessonException(origin, line, "data", "could not load " + wanted.source() + ": " + msg)
                        .getMessage()));
    }

    /** The data the step asks for, or null when what is loaded is already that. */
    static DataReference wantedData(StepSetup setup, PreparedData current) {
        if (setup.data() == null && setup.limit() == null) {
            return null;
        }
        DataReference now = current == null ? null : current.reference();
        DataReference ref;
        if (setup.data() != null) {
            boolean same = now != null && now.source().equals(setup.data().value());
            ref = new DataReference(setup.data().value(), 0, 42, same ? now.scaling() : ScaleChoice.AUTO);
        } else if (now != null) {
            ref = now;
        } else {
            ref = DataReference.of(WorkbenchModel.DEFAULT_DATA);
        }
        ref = ref.withLimit(setup.limit() != null ? setup.limit().value() : setup.data() != null ? 0 : ref.limit());
        return ref.equals(now) ? null : ref;
    }

    private void design(StepSetup setup, String origin, Runnable ready, Consumer<String> failed) {
        WorkbenchModel wb = host.workbench();
        if (setup.preset() != null) {
            wb.applyPreset(setup.preset().value());
        } else if (setup.design() != null) {
            ModelSpec d = setup.design().value();
            if (!d.equals(wb.design().spec())) {
                wb.design().replace("Lesson: design " + d.name(), d);
            }
        }
        if (!setup.settings().isEmpty()) {
            ModelSpec next;
            try {
                next = DesignSettings.apply(wb.design().spec(), setup.settings(), origin);
            } catch (LessonException e) {
                failed.accept(e.getMessage());
                return;
            }
            if (!next.equals(wb.design().spec())) {
                // As an edit in the property sheet: a mirrored decoder follows a changed encoder.
                wb.design().edit("Lesson: " + String.join(", ", setup.settings().stream().map(Object::toString).toList()),
                        s -> next);
            }
        }
        if (setup.tab() != null) {
            host.showTab(setup.tab().value());
        }
        ready.run();
    }
}
