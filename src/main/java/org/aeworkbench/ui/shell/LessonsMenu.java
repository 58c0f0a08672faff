package org.aeworkbench.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.aeworkbench.lesson.BuiltInLessons;
import org.aeworkbench.lesson.Lesson;
import org.aeworkbench.lesson.LessonParser;
import org.aeworkbench.ui.common.Background;
import org.aeworkbench.ui.common.ErrorDialog;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.lesson.LessonModel;
import org.aeworkbench.ui.lesson.LessonPanel;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * Help > Lessons and File > Open lesson: the lessons panel, shown beside the centre tabs in the
 * window's centre split, and the lessons it offers (the built-in ones and those opened from files).
 */
final class LessonsMenu {

    /** Where the divider between the tabs and the lessons panel starts. */
    private static final double DIVIDER = 0.66;

    private final WorkbenchModel wb;
    private final Stage stage;
    private final SplitPane centre;
    private final WindowLessonHost host;
    private LessonPanel panel;

    LessonsMenu(WorkbenchModel wb, Stage stage, TabPane tabs, SplitPane centre, WindowLessonHost.Views views) {
        this.wb = wb;
        this.stage = stage;
        this.centre = centre;
        this.host = new WindowLessonHost(wb, tabs, views);
    }

    /** Shows the lessons panel beside the centre tabs. */
    void show() {
        if (panel == null) {
            List<Lesson> builtIn = BuiltInLessons.load(host.tabTitles());
            panel = new LessonPanel(new LessonModel(host), builtIn, this::hide);
        }
        if (!centre.getItems().contains(panel)) {
            centre.getItems().add(panel);
            centre.setDividerPositions(DIVIDER);
        }
    }

    void hide() {
        if (panel != null) {
            panel.model().close();
            centre.getItems().remove(panel);
        }
    }

    boolean showing() {
        return panel != null && centre.getItems().contains(panel);
    }

    /** The panel (tests), or null before it was first shown. */
    LessonPanel panel() {
        return panel;
    }

    /** File > Open lesson: asks for a lesson file, reads and checks it, and starts it in the panel. */
    void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Lesson (Markdown)", "*.md"),
                new FileChooser.ExtensionFilter("Any file", "*"));
        File f = FileDialogs.current().showOpen(chooser, stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Reads {@code file} in the background; a malformed lesson gets a dialog naming the line and field. */
    void openFile(Path file) {
        List<String> tabs = host.tabTitles();
        Background.run("read lesson", () -> LessonParser.read(file, tabs), lesson -> {
            show();
            panel.open(lesson);
        }, msg -> ErrorDialog.show(stage, "Could not open the lesson", msg, null));
    }
}
