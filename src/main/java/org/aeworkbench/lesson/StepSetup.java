package org.aeworkbench.lesson;

import java.util.List;
import org.aeworkbench.engine.model.ModelSpec;

/**
 * What a step changes in the window before it says anything, each part optional and each applied
 * through the window's own commands in this order: the data (loaded as the Data chooser loads
 * it), the design (a preset sized to the data, or a design file), the settings on the design, the
 * tab shown. A part left out leaves the window as the previous step left it.
 *
 * @param data     a bundled set's name or a data file's path (resolved against the lesson's folder), or null
 * @param limit    use at most this many samples (0: all), or null to keep the current choice
 * @param preset   a preset's name, or null
 * @param design   a design read from a spec file named by the lesson, or null
 * @param settings changes to fields of the design, in order
 * @param tab      the centre tab to show, or null
 */
public record StepSetup(Located<String> data, Located<Integer> limit, Located<String> preset, Located<ModelSpec> design,
                        List<DesignSetting> settings, Located<String> tab) {

    public static final StepSetup NONE = new StepSetup(null, null, null, null, List.of(), null);

    public StepSetup {
        settings = List.copyOf(settings);
    }

    /** Whether the step replaces or edits the design. */
    public boolean changesDesign() {
        return preset != null || design != null || !settings.isEmpty();
    }
}
