package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.aeworkbench.lesson.BuiltInLessons;
import org.aeworkbench.lesson.Condition;
import org.aeworkbench.lesson.Lesson;
import org.aeworkbench.lesson.LessonStep;
import org.aeworkbench.ui.anomaly.AnomalyView;
import org.aeworkbench.ui.clustering.ClusteringView;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.latent.LatentView;
import org.aeworkbench.ui.probe.ProbeView;
import org.aeworkbench.ui.retrieval.RetrievalModel;
import org.aeworkbench.ui.retrieval.RetrievalView;
import org.aeworkbench.ui.lesson.LessonModel;
import org.aeworkbench.ui.lesson.LessonPanel;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.runs.RunsView;
import org.aeworkbench.ui.shell.MainWindow;
import org.aeworkbench.ui.training.TrainingSession.State;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lessons played in the window as a student would: every built-in lesson from its first step to
 * Finish, pressing Show me where a step waits for something and Next once it is offered, with each
 * step's condition checked against the window itself (the tab shown, the model trained, the point
 * clicked, the scores shown, the runs overlaid, the anomalies scored, a retrieval query's neighbours
 * shown, k-means and the linear probe run on the codes, the answer shown); a
 * teacher's lesson file with its own design and data beside it; a malformed one refused with a
 * message naming its file, line and field.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsUiTest {

    @TempDir
    Path dir;

    private WorkbenchModel wb;
    private MainWindow window;

    @BeforeAll
    static void settings() {
        PreparedData unused = TestWindow.prepare(1);
        assertNotNull(unused);
    }

    @Start
    void start(Stage stage) {
        TestWindow shown = TestWindow.show(stage, 1500, 950);
        wb = shown.wb();
        window = shown.main();
    }

    @Test
    void everyBuiltInLessonPlaysToTheEndWithShowMeAndNext(FxRobot robot) throws Exception {
        robot.interact(() -> window.showLessons());
        LessonPanel panel = window.lessonPanel();
        assertNotNull(panel);
        @SuppressWarnings("unchecked")
        ComboBox<Lesson> chooser = robot.lookup("#lesson-chooser").queryAs(ComboBox.class);
        assertEquals(BuiltInLessons.FILES.size(), chooser.getItems().size());
        // -Daeworkbench.lesson=08 plays only the built-in lessons whose file names start so (while writing one).
        String only = System.getProperty("aeworkbench.lesson", "");
        for (int i = 0; i < chooser.getItems().size(); i++) {
            Lesson lesson = chooser.getItems().get(i);
            if (!lesson.origin().startsWith(only)) {
                continue;
            }
            robot.interact(() -> chooser.setValue(lesson));
            play(robot, panel.model(), lesson);
        }
    }

    @Test
    void aTeachersLessonFileIsReadWithItsDesignAndDataBesideIt(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("shop.csv"), "customer,a,b,c,d\nAnn,1,0,1,0\nBob,0,1,0,1\nCem,1,1,0,0\nDee,0,0,1,1\n"
                + "Eve,1,0,0,1\nFay,0,1,1,0\nGus,1,1,1,0\nHal,0,0,0,1\nIda,1,0,1,1\nJon,0,1,0,0\n");
        Files.writeString(dir.resolve("tiny.json"), """
                {"name": "tiny 4-2-4",
                 "encoder": [{"type": "dense", "units": 2, "activation": "sigmoid"}],
                 "decoder": [{"type": "dense", "units": 4, "activation": "sigmoid"}],
                 "loss": "bce", "optimizer": {"kind": "adam", "learningRate": 0.05},
                 "training": {"epochs": 20, "batchSize": 4, "validationFraction": 0.2}}
                """);
        Path lesson = dir.resolve("my-lesson.md");
        Files.writeString(lesson, """
                ---
                title: Four products
                summary: A teacher's own lesson.
                ---

                ## Squeeze four products into two numbers
                data: shop.csv
                design: tiny.json
                set: training.epochs = 30
                tab: Training
                condition: trained-epochs 30

                Press **Train**.

                ## Look at the codes
                tab: Latent space
                condition: none

                Each shopper is a point.
                """);
        robot.interact(() -> window.openLesson(lesson));
        TestWindow.waitFor(20, () -> window.lessonPanel() != null && window.lessonPanel().model().lessonProperty().get() != null);
        LessonModel model = window.lessonPanel().model();
        assertEquals("Four products", robot.lookup("#lesson-title").queryAs(Label.class).getText());
        play(robot, model, model.lessonProperty().get());
        assertEquals("tiny 4-2-4", wb.design().spec().name());
        assertEquals(30, wb.design().spec().training().epochs());
        assertEquals(10, wb.data().current().all().samples());
        assertEquals(30, wb.training().model().epochs());
    }

    @Test
    void aMalformedLessonIsRefusedNamingItsFileLineAndField(FxRobot robot) throws Exception {
        Path lesson = dir.resolve("broken.md");
        Files.writeString(lesson, "---\ntitle: Broken\n---\n\n## One\npreset: denoising\nset: noise.levle = 0.3\n\nText.\n");
        robot.interact(() -> window.openLesson(lesson));
        TestWindow.waitFor(20, () -> !robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).isEmpty());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Could not open the lesson", pane.getHeaderText());
        assertTrue(pane.getContentText().startsWith("broken.md, line 7, field set: noise.levle = 0.3: "), pane.getContentText());
        assertTrue(window.lessonPanel() == null || window.lessonPanel().model().lessonProperty().get() == null,
                "nothing of a malformed lesson is played");
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    /** Plays {@code lesson}, already opened in the panel, to its end. */
    private void play(FxRobot robot, LessonModel model, Lesson lesson) throws Exception {
        assertEquals(lesson, model.lessonProperty().get());
        for (int s = 0; s < lesson.steps().size(); s++) {
            LessonStep step = lesson.steps().get(s);
            String where = lesson.origin() + " step " + (s + 1) + " '" + step.title() + "'";
            int index = s;
            TestWindow.waitFor(180, () -> model.indexProperty().get() == index && model.readyProperty().get()
                    || !model.problemProperty().get().isEmpty());
            assertEquals("", model.problemProperty().get(), where);
            Condition c = step.condition();
            // Read in one FX task: the condition may become met between two reads from this thread,
            // and the buttons with it.
            boolean[] now = WaitForAsyncUtils.asyncFx(() -> new boolean[] {model.metProperty().get(),
                button(robot, "#lesson-next").isDisabled(), step.hasQuestion() && button(robot, "#lesson-reveal").isDisabled()}).get();
            if (!now[0]) {
                assertTrue(now[1], where + ": Next waits for " + c);
                if (step.hasQuestion()) {
                    assertTrue(now[2], where + ": the answer waits for a try");
                }
                robot.clickOn("#lesson-show-me");
            }
            TestWindow.waitFor(600, () -> (model.metProperty().get() && model.canNextProperty().get())
                    || !model.problemProperty().get().isEmpty());
            assertEquals("", model.problemProperty().get(), where);
            assertConditionHolds(robot, c, where);
            if (step.hasQuestion() && !model.answerShownProperty().get()) {
                robot.clickOn("#lesson-attempt").write("My guess.");
                robot.clickOn("#lesson-reveal");
            }
            if (step.hasQuestion()) {
                assertTrue(robot.lookup("#lesson-answer").queryAs(Label.class).isVisible(), where);
                assertTrue(robot.lookup("#lesson-answer").queryAs(Label.class).getText().endsWith(step.answer()), where);
            }
            robot.clickOn("#lesson-next");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(model.finishedProperty().get(), lesson.origin());
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryButton();
    }

    /** Checks the condition against the window, not against the lesson model's own verdict. */
    private void assertConditionHolds(FxRobot robot, Condition c, String where) throws Exception {
        TabPane tabs = (TabPane) robot.lookup("#tabs").query();
        switch (c.kind()) {
            case NONE -> { }
            case TAB -> assertEquals(c.argument(), tabs.getSelectionModel().getSelectedItem().getText(), where);
            case PRESET -> assertEquals(c.argument(), wb.design().spec().name(), where);
            case TRAINED_EPOCHS -> {
                TrainedModel m = wb.training().model();
                assertEquals(State.IDLE, wb.training().state(), where);
                assertNotNull(m, where);
                assertEquals(wb.design().spec(), m.weights().spec(), where + ": the model is the design's");
                assertTrue(m.epochs() >= c.count(), where + ": " + m.epochs() + " epochs");
            }
            case VALIDATION_LOSS_BELOW -> {
                var epochs = wb.training().history().epochs();
                assertTrue(epochs.get(epochs.size() - 1).snapshot().validation().total() < c.number(), where);
            }
            case CLICKED_CLASS -> {
                int i = window.view(LatentView.class).selectedSampleProperty().get();
                PreparedData d = wb.training().trainedOn();
                assertTrue(i >= 0, where);
                assertEquals(c.argument(), d.all().classNames().get(d.all().labels()[i]), where);
            }
            case LATENT_SCORES -> assertNotNull(window.view(LatentView.class).scoresProperty().get(), where);
            case RUNS_COMPARED -> {
                assertTrue(wb.runs().selection().size() >= c.count(), where);
                assertEquals(wb.runs().selection().size(), fxChart().getXYPlot().getDataset().getSeriesCount(), where);
            }
            case ANOMALY_SCORED -> assertNotNull(window.view(AnomalyView.class).model().result(), where);
            case RETRIEVAL_QUERIED -> {
                RetrievalView v = window.view(RetrievalView.class);
                assertEquals(wb.training().model(), v.model().overviewProperty().get().codes().model(), where);
                var rows = v.model().queryProperty().get().rows();
                assertEquals(List.of("autoencoder", "PCA", "raw"), rows.stream().map(r -> r.method()).toList(), where);
                for (int m = 0; m < rows.size(); m++) {
                    assertEquals(RetrievalModel.DEFAULT_NEIGHBOURS, rows.get(m).neighbours().length, where);
                    assertTrue(rows.get(m).precision() >= 0 && rows.get(m).precision() <= 1, where);
                    assertTrue(robot.lookup("#retrieval-row-" + m).queryAs(Label.class).getText().contains("precision@10"), where);
                }
            }
            case CLUSTERED -> {
                var r = window.view(ClusteringView.class).model().resultProperty().get();
                assertEquals(wb.training().model(), r.codes().model(), where);
                assertEquals(3, r.rows().size(), where);
                for (int m = 0; m < 3; m++) {
                    double nmi = r.rows().get(m).agreement().nmi();
                    assertTrue(nmi > 0 && nmi <= 1, where + ": NMI " + nmi);
                    assertEquals(String.format(java.util.Locale.ROOT, "%.3f", nmi),
                            robot.lookup("#clustering-nmi-" + m).queryAs(Label.class).getText(), where);
                }
            }
            case PROBED -> {
                var r = window.view(ProbeView.class).model().resultProperty().get();
                assertEquals(wb.training().model(), r.codes().model(), where);
                for (int m = 0; m < 3; m++) {
                    double acc = r.at(0, m).accuracy();
                    assertTrue(acc > 0.1 && acc <= 1, where + ": accuracy " + acc);
                    assertEquals(String.format(java.util.Locale.ROOT, "%.3f", acc),
                            robot.lookup("#probe-accuracy-" + m + "-0").queryAs(Label.class).getText(), where);
                }
            }
            case ANSWERED -> assertTrue(robot.lookup("#lesson-answer").queryAs(Label.class).isVisible(), where);
            default -> throw new AssertionError(c.kind());
        }
    }

    private org.jfree.chart.JFreeChart fxChart() throws Exception {
        return TestWindow.fx(() -> window.view(RunsView.class).chart());
    }
}
