package org.aeworkbench.ui.lesson;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.aeworkbench.lesson.Lesson;
import org.aeworkbench.lesson.LessonStep;

/**
 * The lessons panel beside the centre tabs: a lesson chooser; the lesson's title; the step with
 * its text, what to do now, Show me, Back and Next; the step's question with a place to write an
 * attempt and the answer once tried. It shows the {@link LessonModel} and calls its commands.
 */
public final class LessonPanel extends VBox {

    private final LessonModel model;
    private final ComboBox<Lesson> chooser = new ComboBox<>();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label stepTitle = new Label();
    private final VBox text = new VBox();
    private final Label status = new Label();
    private final Label problem = new Label();
    private final VBox questionBox = new VBox(6);
    private final Label question = new Label();
    private final TextArea attempt = new TextArea();
    private final Label answer = new Label();
    private final Button next = new Button("Next");

    /**
     * @param lessons the lessons the chooser offers (the built-in ones); a lesson opened from a
     *                file is added by {@link #open(Lesson)}
     * @param close   hides the panel
     */
    public LessonPanel(LessonModel model, List<Lesson> lessons, Runnable close) {
        this.model = model;
        setId("lesson-panel");
        getStyleClass().addAll("side-pane", "lesson-panel");
        setSpacing(8);
        setMinWidth(240);
        setPrefWidth(330);

        chooser.setId("lesson-chooser");
        chooser.getItems().setAll(lessons);
        chooser.setPromptText("Choose a lesson");
        chooser.setMaxWidth(Double.MAX_VALUE);
        chooser.setCellFactory(v -> new LessonCell());
        chooser.setButtonCell(new LessonCell());
        chooser.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.lessonProperty().get()) {
                model.open(now);
            }
        });
        Button closeButton = new Button("\u2715");
        closeButton.setId("lesson-close");
        closeButton.setTooltip(new Tooltip("Close the lessons panel (the window stays as the lesson left it)"));
        closeButton.setOnAction(e -> close.run());
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(chooser, Priority.ALWAYS);
        HBox top = new HBox(6, chooser, closeButton);
        top.setAlignment(Pos.CENTER_LEFT);

        title.setId("lesson-title");
        title.getStyleClass().add("lesson-heading");
        summary.setId("lesson-summary");
        stepTitle.setId("lesson-step");
        stepTitle.getStyleClass().add("lesson-step-title");
        text.setId("lesson-text");
        status.setId("lesson-status");
        status.getStyleClass().add("lesson-status");
        problem.setId("lesson-problem");
        problem.getStyleClass().add("lesson-problem");
        for (Label l : new Label[] {title, summary, stepTitle, status, problem, question, answer}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.textProperty().bind(model.problemProperty());
        status.textProperty().bind(model.statusProperty());

        question.setId("lesson-question");
        question.getStyleClass().add("lesson-question");
        attempt.setId("lesson-attempt");
        attempt.setPromptText("Your answer: write it before you look");
        attempt.setWrapText(true);
        attempt.setPrefRowCount(3);
        attempt.textProperty().addListener((obs, old, now) -> model.setAttempt(now));
        model.attemptProperty().addListener((obs, old, now) -> {
            if (!now.equals(attempt.getText())) {
                attempt.setText(now);
            }
        });
        Button reveal = new Button("Show the answer");
        reveal.setId("lesson-reveal");
        reveal.setOnAction(e -> model.revealAnswer());
        reveal.disableProperty().bind(model.canAnswerProperty().not());
        answer.setId("lesson-answer");
        answer.getStyleClass().add("lesson-answer");
        answer.visibleProperty().bind(model.answerShownProperty());
        answer.managedProperty().bind(answer.visibleProperty());
        questionBox.getChildren().addAll(question, attempt, reveal, answer);
        questionBox.getStyleClass().add("lesson-question-box");

        VBox body = new VBox(10, stepTitle, text, status, problem, questionBox);
        body.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setId("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button back = new Button("Back");
        back.setId("lesson-back");
        back.setOnAction(e -> model.back());
        back.disableProperty().bind(model.indexProperty().lessThan(1));
        Button showMe = new Button("Show me");
        showMe.setId("lesson-show-me");
        showMe.setTooltip(new Tooltip("Do this step for me, as I would in the window"));
        showMe.setOnAction(e -> model.showMe());
        showMe.disableProperty().bind(model.canShowMeProperty().not());
        next.setId("lesson-next");
        next.getStyleClass().add("accent");
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.canNextProperty().not());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, back, gap, showMe, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        for (Button b : new Button[] {back, showMe, next}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        getChildren().addAll(top, title, summary, scroll, buttons);
        model.lessonProperty().addListener((obs, old, now) -> showLesson(now));
        model.stepProperty().addListener((obs, old, now) -> showStep(now));
        showLesson(model.lessonProperty().get());
        showStep(model.stepProperty().get());
    }

    /** Adds a lesson (one opened from a file) to the chooser and starts it. */
    public void open(Lesson lesson) {
        if (!chooser.getItems().contains(lesson)) {
            chooser.getItems().add(lesson);
        }
        chooser.setValue(lesson);
        if (model.lessonProperty().get() != lesson) {
            model.open(lesson);
        }
    }

    public LessonModel model() {
        return model;
    }

    private void showLesson(Lesson l) {
        title.setText(l == null ? "Lessons" : l.title());
        String intro = l == null ? "Choose a lesson above: each sets up the window step by step, says what to"
                + " watch, and waits for you to see it. Show me does a step for you."
                : StepText.plain((l.summary() + (l.introduction().isEmpty() ? "" : "\n\n" + l.introduction())).strip());
        summary.setText(intro);
        if (l != null && chooser.getValue() != l) {
            chooser.setValue(l);
        }
    }

    private void showStep(LessonStep s) {
        Lesson l = model.lessonProperty().get();
        if (s == null || l == null) {
            stepTitle.setText("");
            text.getChildren().clear();
            questionBox.setVisible(false);
            questionBox.setManaged(false);
            return;
        }
        stepTitle.setText("Step " + (model.indexProperty().get() + 1) + " of " + l.steps().size() + ": " + s.title());
        TextFlow flow = StepText.flow(s.text());
        text.getChildren().setAll(flow);
        questionBox.setVisible(s.hasQuestion());
        questionBox.setManaged(s.hasQuestion());
        question.setText(s.hasQuestion() ? "Question: " + s.question() : "");
        answer.setText(s.hasQuestion() ? "Answer: " + s.answer() : "");
        attempt.setText("");
        next.setText(model.isLastStep() ? "Finish" : "Next");
    }

    /** Lists a lesson by its title. */
    private static final class LessonCell extends ListCell<Lesson> {
        @Override
        protected void updateItem(Lesson item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
