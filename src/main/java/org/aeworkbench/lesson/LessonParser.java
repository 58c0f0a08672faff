package org.aeworkbench.lesson;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aeworkbench.data.DatasetInfo;
import org.aeworkbench.data.DatasetRegistry;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.ModelSpecJson;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.SpecProblem;
import org.aeworkbench.engine.model.SpecValidator;
import org.aeworkbench.engine.tensor.Shape;

/**
 * Reads a lesson file (docs/lessons.md): Markdown with front matter. The front matter between
 * two {@code ---} lines holds {@code title:} (and {@code summary:}, {@code author:}); each step
 * starts with a {@code ## } heading, directly followed by its fields ({@code data}, {@code limit},
 * {@code preset}, {@code design}, {@code set}, {@code tab}, {@code condition}), then after a blank
 * line its text, then optionally a {@code Question:} and an {@code Answer:}.
 *
 * <p>Everything is checked here, before the lesson is played: names of data sets, presets, tabs
 * and conditions, numbers, the design files, and every setting applied to the design it is meant
 * for. A problem throws a {@link LessonException} naming the line and the field.
 */
public final class LessonParser {

    /** A lesson is a few kilobytes of text. */
    public static final long MAX_BYTES = 1L << 20;

    /** The fields a step may start with, in the order the window applies them. */
    public static final List<String> STEP_FIELDS = List.of("data", "limit", "preset", "design", "set", "tab", "condition");
    /** The fields of the front matter. */
    public static final List<String> FRONT_FIELDS = List.of("title", "summary", "author");

    private static final Pattern FIELD = Pattern.compile("([a-z][a-z-]*):(.*)");
    private static final Pattern QUESTION = Pattern.compile("(?i)question:(.*)");
    private static final Pattern ANSWER = Pattern.compile("(?i)answer:(.*)");
    /** The design assumed where a lesson edits a design it did not choose: the window's default. */
    private static final String DEFAULT_PRESET = "reference";
    /** Presets are sized to this where the data's shape is not known yet (the window's default data). */
    private static final Shape ASSUMED_SHAPE = Shape.image(28, 28, 1);

    private final LessonOrigin origin;
    private final List<String> tabs;
    private final String[] lines;
    /**
     * What the dry run knows of the stage the previous steps set: the data's shape (null until a
     * step names a bundled set: a file's shape is known once it is loaded) and the design.
     */
    private Shape shape;
    /** Whether a step named a data file, whose shape is known only once the window loads it. */
    private boolean fileData;
    /** Whether the design was read from a design file, made for data whose shape the parser may not know. */
    private boolean designFromFile;
    private ModelSpec design;

    private LessonParser(String text, LessonOrigin origin, List<String> tabs) {
        this.origin = origin;
        this.tabs = List.copyOf(tabs);
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = t.split("\r?\n", -1);
    }

    /** Reads and checks a lesson file; {@code tabs} are the centre tabs' titles a step may show. */
    public static Lesson read(Path file, List<String> tabs) throws IOException {
        String name = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
        if (size > MAX_BYTES) {
            throw new LessonException(name, 0, null, size + " bytes is far too large for a lesson (at most "
                    + MAX_BYTES / 1024 + " KB); is this the right file?");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new LessonException(name, 0, null, "not a text file in UTF-8; save the lesson as UTF-8 text");
        }
        return parse(text, LessonOrigin.file(file), tabs);
    }

    /** Parses and checks lesson text read from {@code origin}. */
    public static Lesson parse(String text, LessonOrigin origin, List<String> tabs) {
        return new LessonParser(text, origin, tabs).lesson();
    }

    private Lesson lesson() {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw error(1, null, "a lesson starts with its front matter: a line '---', then 'title: ...', then '---'");
        }
        Map<String, String> front = new HashMap<>();
        int i = 1;
        while (i < lines.length && !lines[i].strip().equals("---")) {
            String l = lines[i].strip();
            if (!l.isEmpty()) {
                Matcher m = FIELD.matcher(l);
                if (!m.matches()) {
                    throw error(i + 1, null, "the front matter holds lines 'name: value' (" + String.join(", ", FRONT_FIELDS)
                            + "); this line is not one");
                }
                String key = m.group(1);
                if (!FRONT_FIELDS.contains(key)) {
                    throw error(i + 1, key, "unknown field; the front matter holds " + String.join(", ", FRONT_FIELDS));
                }
                if (front.put(key, m.group(2).strip()) != null) {
                    throw error(i + 1, key, "given twice");
                }
            }
            i++;
        }
        if (i >= lines.length) {
            throw error(1, null, "the front matter opened here is never closed: add a line '---' after the title");
        }
        String title = front.get("title");
        if (title == null || title.isEmpty()) {
            throw error(1, "title", "the lesson has no title; add 'title: ...' to the front matter");
        }
        i++;
        int firstStep = i;
        while (firstStep < lines.length && !isHeading(lines[firstStep])) {
            firstStep++;
        }
        String introduction = paragraphs(i, firstStep);
        if (firstStep >= lines.length) {
            throw error(lines.length, null, "the lesson has no steps: start each step with a heading line '## Step title'");
        }
        List<LessonStep> steps = new ArrayList<>();
        for (int start = firstStep; start < lines.length; ) {
            int end = start + 1;
            while (end < lines.length && !isHeading(lines[end])) {
                end++;
            }
            steps.add(step(start, end));
            start = end;
        }
        return new Lesson(origin.name(), title, front.getOrDefault("summary", ""), introduction, steps);
    }

    private static boolean isHeading(String line) {
        return line.startsWith("## ") || line.strip().equals("##");
    }

    /** Lines [start, end): the heading, its fields, its text, its question and answer. */
    private LessonStep step(int start, int end) {
        int headingLine = start + 1;
        String title = lines[start].substring(2).strip();
        if (title.isEmpty()) {
            throw error(headingLine, null, "a step's heading needs a title after '## '");
        }
        Map<String, Integer> seen = new HashMap<>();
        Located<String> data = null;
        Located<Integer> limit = null;
        Located<String> preset = null;
        Located<ModelSpec> designFile = null;
        List<DesignSetting> settings = new ArrayList<>();
        Located<String> tab = null;
        Condition condition = Condition.NONE;
        Shape shapeBefore = shape;
        int i = start + 1;
        for (; i < end; i++) {
            Matcher m = FIELD.matcher(lines[i].strip());
            if (lines[i].strip().isEmpty() || !m.matches()) {
                break;
            }
            int line = i + 1;
            String key = m.group(1);
            String value = m.group(2).strip();
            if (!STEP_FIELDS.contains(key)) {
                throw error(line, key, "unknown field; a step's fields are " + String.join(", ", STEP_FIELDS)
                        + " (the text starts after a blank line)");
            }
            Integer before = seen.put(key, line);
            if (before != null && !key.equals("set")) {
                throw error(line, key, "given twice in this step (first on line " + before + ")");
            }
            if (value.isEmpty()) {
                throw error(line, key, "no value after '" + key + ":'");
            }
            switch (key) {
                case "data" -> data = new Located<>(dataSource(value, line), line);
                case "limit" -> limit = new Located<>(count(value, line, key, 0), line);
                case "preset" -> preset = new Located<>(presetName(value, line, key), line);
                case "design" -> designFile = new Located<>(designFile(value, line), line);
                case "set" -> settings.add(setting(value, line));
                case "tab" -> tab = new Located<>(tabTitle(value, line, key), line);
                case "condition" -> condition = condition(value, line);
                default -> throw new IllegalStateException(key);
            }
        }
        if (preset != null && designFile != null) {
            throw error(designFile.line(), "design", "a step sets either a preset or a design file, not both (preset on line "
                    + preset.line() + ")");
        }
        StepSetup setup = new StepSetup(data, limit, preset, designFile, settings, tab);
        dryRun(setup, shapeBefore);

        int textEnd = i;
        while (textEnd < end && !QUESTION.matcher(lines[textEnd].strip()).matches()
                && !ANSWER.matcher(lines[textEnd].strip()).matches()) {
            textEnd++;
        }
        String text = paragraphs(i, textEnd);
        if (text.isEmpty()) {
            throw error(headingLine, null, "the step '" + title + "' has no text: after its fields and a blank line, say"
                    + " in two or three sentences what to do and what to watch");
        }
        String question = null;
        String answer = null;
        if (textEnd < end) {
            Matcher q = QUESTION.matcher(lines[textEnd].strip());
            if (!q.matches()) {
                throw error(textEnd + 1, "Answer", "an answer needs a 'Question:' before it");
            }
            int answerAt = textEnd + 1;
            while (answerAt < end && !ANSWER.matcher(lines[answerAt].strip()).matches()) {
                if (QUESTION.matcher(lines[answerAt].strip()).matches()) {
                    throw error(answerAt + 1, "Question", "one question per step, each followed by its 'Answer:'");
                }
                answerAt++;
            }
            if (answerAt >= end) {
                throw error(textEnd + 1, "Question", "the question has no answer: add a line 'Answer: ...' after it");
            }
            question = joined(q.group(1), textEnd + 1, answerAt);
            Matcher a = ANSWER.matcher(lines[answerAt].strip());
            a.matches();
            for (int k = answerAt + 1; k < end; k++) {
                if (QUESTION.matcher(lines[k].strip()).matches() || ANSWER.matcher(lines[k].strip()).matches()) {
                    throw error(k + 1, "Answer", "one question and one answer per step");
                }
            }
            answer = joined(a.group(1), answerAt + 1, end);
            if (question.isEmpty()) {
                throw error(textEnd + 1, "Question", "the question is empty");
            }
            if (answer.isEmpty()) {
                throw error(answerAt + 1, "Answer", "the answer is empty");
            }
        }
        if (condition.kind() == ConditionKind.ANSWERED && question == null) {
            throw error(condition.line(), "condition", "'answered' waits for the answer to a question, but this step asks none");
        }
        return new LessonStep(headingLine, title, setup, text, condition, question, answer);
    }

    // ---- fields ----

    private String dataSource(String value, int line) {
        if (DatasetRegistry.contains(value)) {
            DatasetInfo info = DatasetRegistry.info(value);
            shape = info.shape();
            fileData = false;
            return value;
        }
        String bundled = String.join(", ", DatasetRegistry.list().stream().map(DatasetInfo::name).toList());
        shape = null;
        fileData = true;
        Path file = origin.dataFile(value);
        if (file == null) {
            throw error(line, "data", "'" + value + "' is not a bundled data set; a built-in lesson uses one of " + bundled);
        }
        if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw error(line, "data", "'" + value + "' is neither a bundled data set (" + bundled
                    + ") nor a file beside the lesson (looked for " + file + ")");
        }
        return file.toString();
    }

    private int count(String value, int line, String field, int least) {
        try {
            int n = Integer.parseInt(value);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw error(line, field, "'" + value + "' is not a whole number of at least " + least);
    }

    private String presetName(String value, int line, String field) {
        if (!Presets.names().contains(value)) {
            throw error(line, field, "unknown preset '" + value + "'; the presets are " + String.join(", ", Presets.names()));
        }
        return value;
    }

    private ModelSpec designFile(String value, int line) {
        String text;
        try {
            text = origin.read(value);
        } catch (IOException e) {
            throw error(line, "design", "cannot read the design file '" + value + "' beside the lesson ("
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()) + ")");
        }
        try {
            return ModelSpecJson.parse(text, value);
        } catch (SpecException e) {
            throw error(line, "design", e.getMessage());
        }
    }

    private DesignSetting setting(String value, int line) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw error(line, "set", "write 'set: field = value', e.g. 'set: training.epochs = 5'");
        }
        String path = value.substring(0, eq).strip();
        String v = value.substring(eq + 1).strip();
        if (!DesignSetting.wellFormed(path)) {
            throw error(line, "set", "'" + path + "' is not a field of a design; name it as a spec file does"
                    + " (training.epochs, noise.level, encoder[0].units) or write code-size");
        }
        if (v.isEmpty()) {
            throw error(line, "set", "no value after '='");
        }
        return new DesignSetting(path, v, line);
    }

    private String tabTitle(String value, int line, String field) {
        if (tabs.isEmpty()) {
            return value;
        }
        for (String t : tabs) {
            if (t.equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw error(line, field, "there is no tab '" + value + "'; the tabs are " + String.join(", ", tabs));
    }

    private Condition condition(String value, int line) {
        int space = value.indexOf(' ');
        String id = space < 0 ? value : value.substring(0, space);
        String arg = space < 0 ? "" : value.substring(space + 1).strip();
        ConditionKind kind = ConditionKind.of(id.toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw error(line, "condition", "unknown condition '" + id + "'; the conditions are " + ConditionKind.ids());
        }
        String needs = kind.argument().description();
        switch (kind.argument()) {
            case NONE -> {
                if (!arg.isEmpty()) {
                    throw error(line, "condition", "'" + id + "' takes nothing after it, but '" + arg + "' follows");
                }
            }
            case COUNT -> arg = String.valueOf(count(arg.isEmpty() ? "missing" : arg, line, "condition", 1));
            case NUMBER -> {
                try {
                    double x = Double.parseDouble(arg);
                    if (!Double.isFinite(x)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw error(line, "condition", "'" + id + "' needs " + needs + " after it, e.g. '" + id + " 0.5'");
                }
            }
            case TEXT -> {
                if (arg.isEmpty()) {
                    throw error(line, "condition", "'" + id + "' needs " + needs + " after it");
                }
            }
            case TAB -> arg = tabTitle(arg, line, "condition");
            case PRESET -> arg = presetName(arg, line, "condition");
            default -> throw new IllegalStateException(kind.argument().name());
        }
        return new Condition(kind, arg, line);
    }

    /**
     * Builds the design the step will set up on the shapes known from the earlier steps, so a
     * misspelt field, a value out of range or a design that cannot train is reported at its line
     * now rather than in the middle of the lesson.
     */
    private void dryRun(StepSetup setup, Shape shapeBefore) {
        Shape sized = shape != null ? shape : ASSUMED_SHAPE;
        if (setup.preset() != null) {
            design = Presets.get(setup.preset().value(), sized);
            designFromFile = false;
        } else if (setup.design() != null) {
            design = setup.design().value();
            designFromFile = true;
        } else if (design != null && setup.data() != null && !sized.equals(shapeBefore)
                && Presets.names().contains(design.name())) {
            // A preset is rebuilt for data of another shape, keeping its training settings, as the window does.
            design = Presets.get(design.name(), sized).withTraining(design.training());
        }
        if (setup.settings().isEmpty() && !setup.changesDesign()) {
            return;
        }
        ModelSpec base = design != null ? design : Presets.get(DEFAULT_PRESET, sized);
        design = DesignSettings.apply(base, setup.settings(), origin.name());
        // Until a step names data, the window's default data is assumed, as a preset is sized to it;
        // a design file or a data file is checked once the window has the data's shape.
        boolean known = shape != null || (!fileData && !designFromFile);
        List<SpecProblem> problems = known ? SpecValidator.validate(design, sized, null) : List.of();
        if (!problems.isEmpty()) {
            int line = setup.settings().isEmpty() ? (setup.preset() != null ? setup.preset().line() : setup.design().line())
                    : setup.settings().get(setup.settings().size() - 1).line();
            SpecProblem p = problems.get(0);
            throw error(line, setup.settings().isEmpty() ? (setup.preset() != null ? "preset" : "design") : "set",
                    "the design this step sets up cannot be trained on " + sized + " samples: " + p.field() + ": " + p.message());
        }
    }

    // ---- text ----

    /** Lines [from, to) as paragraphs: lines joined by spaces, paragraphs by blank lines. */
    private String paragraphs(int from, int to) {
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int i = from; i < to; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                gap = b.length() > 0;
                continue;
            }
            if (b.length() > 0) {
                b.append(gap ? "\n\n" : " ");
            }
            b.append(l);
            gap = false;
        }
        return b.toString();
    }

    private String joined(String first, int from, int to) {
        String rest = paragraphs(from, to);
        String f = first.strip();
        return f.isEmpty() ? rest : rest.isEmpty() ? f : f + " " + rest;
    }

    private LessonException error(int line, String field, String message) {
        return new LessonException(origin.name(), line, field, message);
    }
}
