package org.aeworkbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.NoiseSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonParserTest {

    static final List<String> TABS = List.of("Training", "Latent space", "Reconstructions", "Runs");

    private static final String GOOD = """
            ---
            title: Noise that teaches
            summary: A denoising autoencoder against a plain one.
            ---

            Some words before the first step.

            ## Train the plain one
            data: mnist
            limit: 2000
            preset: denoising
            set: noise.level = 0.3
            set: training.epochs = 2
            tab: Training
            condition: trained-epochs 2

            Press **Train** and watch the loss.
            It falls fast at first.

            A second paragraph.

            Question: Why does the validation loss sit
            below the training loss?
            Answer: The training loss is measured on noisy inputs.

            ## Look at the rows
            tab: reconstructions
            condition: tab Reconstructions

            Move the noise slider.
            """;

    private static Lesson parse(String text) {
        return LessonParser.parse(text, origin("good.md"), TABS);
    }

    static LessonOrigin origin(String name) {
        return new LessonOrigin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String read(String relative) throws IOException {
                throw new java.nio.file.NoSuchFileException(relative);
            }

            @Override
            public Path dataFile(String relative) {
                return null;
            }
        };
    }

    @Test
    void readsTheFrontMatterStepsFieldsTextAndQuestions() {
        Lesson l = parse(GOOD);
        assertEquals("Noise that teaches", l.title());
        assertEquals("A denoising autoencoder against a plain one.", l.summary());
        assertEquals("Some words before the first step.", l.introduction());
        assertEquals(2, l.steps().size());

        LessonStep s = l.steps().get(0);
        assertEquals(8, s.line());
        assertEquals("Train the plain one", s.title());
        assertEquals("mnist", s.setup().data().value());
        assertEquals(2000, s.setup().limit().value());
        assertEquals("denoising", s.setup().preset().value());
        assertEquals(12, s.setup().settings().get(0).line());
        assertEquals("noise.level", s.setup().settings().get(0).path());
        assertEquals("Training", s.setup().tab().value());
        assertEquals(ConditionKind.TRAINED_EPOCHS, s.condition().kind());
        assertEquals(2, s.condition().count());
        assertEquals("Press **Train** and watch the loss. It falls fast at first.\n\nA second paragraph.", s.text());
        assertEquals("Why does the validation loss sit below the training loss?", s.question());
        assertEquals("The training loss is measured on noisy inputs.", s.answer());

        LessonStep t = l.steps().get(1);
        assertEquals("Reconstructions", t.setup().tab().value(), "tab titles match whatever their case");
        assertEquals("Reconstructions", t.condition().argument());
        assertNull(t.question());
        assertNull(t.setup().preset());
    }

    @Test
    void aStepWithoutAConditionOffersNextAtOnce() {
        Lesson l = parse("---\ntitle: T\n---\n## Only words\n\nRead this.\n");
        assertEquals(ConditionKind.NONE, l.steps().get(0).condition().kind());
        assertEquals(StepSetup.NONE, l.steps().get(0).setup());
    }

    @Test
    void settingsAreAppliedToTheDesignInTheDryRun() {
        ModelSpec d = DesignSettings.apply(org.aeworkbench.engine.model.Presets.get("denoising",
                org.aeworkbench.engine.tensor.Shape.image(28, 28, 1)), parse(GOOD).steps().get(0).setup().settings(), "x");
        assertEquals(0.3, d.variant(NoiseSpec.class).level(), 0.0);
        assertEquals(2, d.training().epochs());
    }

    /** {@code set: rbmPretraining = off} takes the part out and leaves the rest of the design as it was. */
    @Test
    void aVariantSetOffIsTakenOutOfTheDesign() {
        ModelSpec rbm = org.aeworkbench.engine.model.Presets.get("hinton-2006-rbm",
                org.aeworkbench.engine.tensor.Shape.image(28, 28, 1));
        ModelSpec random = DesignSettings.apply(rbm, List.of(new DesignSetting("rbmPretraining", "off", 7),
                new DesignSetting("name", "\"from random weights\"", 8)), "x.md");
        assertFalse(random.has(org.aeworkbench.engine.model.RbmPretrainingSpec.class));
        assertEquals("from random weights", random.name());
        assertEquals(rbm.without(org.aeworkbench.engine.model.RbmPretrainingSpec.class).withName("from random weights"), random,
                "only the pretraining and the name changed");
        assertEquals(random, DesignSettings.apply(random, List.of(new DesignSetting("rbmPretraining", "off", 9)), "x.md"),
                "switching off a part the design lacks changes nothing");
        LessonException e = assertThrows(LessonException.class,
                () -> DesignSettings.apply(rbm, List.of(new DesignSetting("rbmPretrainin", "off", 7)), "x.md"));
        assertTrue(e.getMessage().startsWith("x.md, line 7, field set: rbmPretrainin = off: "), e.getMessage());
    }

    /** Each malformed lesson gives one message naming the file, the line and the field. */
    @Test
    void malformedLessonsNameTheLineAndTheField() {
        expect("---\ntitle: T\n", "x.md, line 1: the front matter opened here is never closed");
        expect("title: T\n## S\n\nText.\n", "x.md, line 1: a lesson starts with its front matter");
        expect("---\nsummary: s\n---\n## S\n\nText.\n", "x.md, line 1, field title: the lesson has no title");
        expect("---\ntitle: T\nlevel: easy\n---\n", "x.md, line 3, field level: unknown field");
        expect("---\ntitle: T\n---\nno steps here\n", "x.md, line 5: the lesson has no steps");
        expect("---\ntitle: T\n---\n## S\ndat: mnist\n\nText.\n", "x.md, line 5, field dat: unknown field; a step's fields are data, limit");
        expect("---\ntitle: T\n---\n## S\ndata: mnsit\n\nText.\n", "x.md, line 5, field data: 'mnsit' is not a bundled data set");
        expect("---\ntitle: T\n---\n## S\nlimit: many\n\nText.\n", "x.md, line 5, field limit: 'many' is not a whole number");
        expect("---\ntitle: T\n---\n## S\npreset: vae2d\n\nText.\n", "x.md, line 5, field preset: unknown preset 'vae2d'");
        expect("---\ntitle: T\n---\n## S\ndesign: mine.json\n\nText.\n", "x.md, line 5, field design: cannot read the design file 'mine.json'");
        expect("---\ntitle: T\n---\n## S\ntab: Latent\n\nText.\n", "x.md, line 5, field tab: there is no tab 'Latent'; the tabs are Training");
        expect("---\ntitle: T\n---\n## S\ncondition: trained 5\n\nText.\n", "x.md, line 5, field condition: unknown condition 'trained'");
        expect("---\ntitle: T\n---\n## S\ncondition: trained-epochs five\n\nText.\n", "x.md, line 5, field condition: 'five' is not a whole number of at least 1");
        expect("---\ntitle: T\n---\n## S\ncondition: validation-loss-below\n\nText.\n", "x.md, line 5, field condition: 'validation-loss-below' needs X, a number");
        expect("---\ntitle: T\n---\n## S\ncondition: none 3\n\nText.\n", "x.md, line 5, field condition: 'none' takes nothing after it");
        expect("---\ntitle: T\n---\n## S\ncondition: answered\n\nText.\n", "x.md, line 5, field condition: 'answered' waits for the answer");
        expect("---\ntitle: T\n---\n## S\ntab: Runs\ntab: Training\n\nText.\n", "x.md, line 6, field tab: given twice in this step (first on line 5)");
        expect("---\ntitle: T\n---\n## S\ntab: Runs\n", "x.md, line 4: the step 'S' has no text");
        expect("---\ntitle: T\n---\n## S\n\nText.\nQuestion: Why?\n", "x.md, line 7, field Question: the question has no answer");
        expect("---\ntitle: T\n---\n## S\n\nText.\nAnswer: Because.\n", "x.md, line 7, field Answer: an answer needs a 'Question:' before it");
        expect("---\ntitle: T\n---\n## S\nset: training.epochs 5\n\nText.\n", "x.md, line 5, field set: write 'set: field = value'");
        expect("---\ntitle: T\n---\n## S\nset: training..epochs = 5\n\nText.\n", "x.md, line 5, field set: 'training..epochs' is not a field of a design");
        expect("---\ntitle: T\n---\n## S\npreset: denoising\nset: noise.levle = 0.3\n\nText.\n", "x.md, line 6, field set: noise.levle = 0.3: ");
        expect("---\ntitle: T\n---\n## S\npreset: denoising\nset: training.epochs = lots\n\nText.\n", "x.md, line 6, field set: training.epochs = lots: ");
        expect("---\ntitle: T\n---\n## S\npreset: k-sparse\nset: kSparse.k = 500\n\nText.\n", "x.md, line 6, field set: ");
        expect("---\ntitle: T\n---\n## S\npreset: reference\ndesign: a.json\n\nText.\n", "x.md, line 6, field design: cannot read");
    }

    @Test
    void aMisspeltFieldOfTheDesignIsRefusedAsTheSpecReaderRefusesIt() {
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.parse(
                "---\ntitle: T\n---\n## S\npreset: denoising\nset: noise.levle = 0.3\n\nText.\n", origin("x.md"), TABS));
        assertEquals(6, e.line());
        assertEquals("set", e.field());
        assertTrue(e.getMessage().contains("levle"), e.getMessage());
        assertTrue(!e.getMessage().contains("column"), "no JSON line or column the teacher never wrote: " + e.getMessage());
    }

    @Test
    void aDesignFileAndADataFileAreReadBesideTheLesson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tiny.json"), """
                {"name":"tiny","encoder":[{"type":"dense","units":2,"activation":"sigmoid"}],
                 "decoder":[{"type":"dense","units":6,"activation":"sigmoid"}],"loss":"bce"}
                """);
        Files.writeString(dir.resolve("shop.csv"), "a,b,c,d,e,f\n1,0,1,0,1,0\n0,1,0,1,0,1\n");
        Path lesson = dir.resolve("mine.md");
        Files.writeString(lesson, "---\ntitle: Mine\n---\n## S\ndata: shop.csv\ndesign: tiny.json\nset: training.epochs = 3\n\nText.\n");
        Lesson l = LessonParser.read(lesson, TABS);
        StepSetup s = l.steps().get(0).setup();
        assertEquals(dir.resolve("shop.csv").toString(), s.data().value());
        assertEquals("tiny", s.design().value().name());
        assertEquals("mine.md", l.origin());

        Files.writeString(dir.resolve("bad.json"), "{\"name\":\"bad\",\"encoder\":[{\"type\":\"dense\",\"units\":2,\"activation\":\"sigmoid\"}],\n"
                + " \"decoder\":[{\"type\":\"dense\",\"unit\":6}],\"loss\":\"bce\"}\n");
        Files.writeString(lesson, "---\ntitle: Mine\n---\n## S\ndesign: bad.json\n\nText.\n");
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.read(lesson, TABS));
        assertTrue(e.getMessage().startsWith("mine.md, line 5, field design: bad.json, line 2"), e.getMessage());
    }

    @Test
    void aBinaryFileIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.md");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.read(f, TABS));
        assertEquals("x.md: not a text file in UTF-8; save the lesson as UTF-8 text", e.getMessage());
    }

    /** The window's centre tabs, which the built-in lessons name. */
    static final List<String> WINDOW_TABS = List.of("Training", "Latent space", "Reconstructions", "Generate", "Weights",
            "Anomaly", "Runs", "Retrieval", "Clustering", "Probe");

    @Test
    void everyBuiltInLessonReadsAndChecks() {
        List<Lesson> lessons = BuiltInLessons.load(WINDOW_TABS);
        assertEquals(BuiltInLessons.FILES.size(), lessons.size());
        for (Lesson l : lessons) {
            assertTrue(l.steps().size() >= 2, l.origin());
            assertTrue(l.title().matches("\\d\\. .+"), l.title());
            assertTrue(l.steps().stream().anyMatch(LessonStep::hasQuestion), l.origin() + " asks something");
        }
        assertEquals("customers 6-4-2", lessons.get(0).steps().get(0).setup().design().value().name(),
                "a built-in lesson's design file is read from the resources beside it");
    }

    /** Every condition a lesson can name has its row in docs/lessons.md's table of conditions. */
    @Test
    void everyConditionIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/lessons.md"));
        for (ConditionKind k : ConditionKind.values()) {
            String arg = k.argument() == ConditionKind.Argument.NONE ? "" : " ";
            assertTrue(doc.contains("| `" + k.id() + arg), "docs/lessons.md lists the condition " + k.id());
        }
    }

    /** The complete example of docs/lessons.md reads as written, with its two files beside it. */
    @Test
    void theDocumentedExampleReads(@TempDir Path dir) throws IOException {
        String doc = Files.readString(Path.of("docs/lessons.md"));
        int start = doc.indexOf("```markdown\n") + "```markdown\n".length();
        String example = doc.substring(start, doc.indexOf("\n```", start) + 1);
        Files.writeString(dir.resolve("noise.md"), example);
        Files.writeString(dir.resolve("shop.csv"), "a,b,c,d\n1,0,1,0\n0,1,0,1\n1,1,0,0\n0,0,1,1\n");
        Files.writeString(dir.resolve("shop-design.json"), """
                {"name": "shop", "encoder": [{"type": "dense", "units": 2, "activation": "sigmoid"}],
                 "decoder": [{"type": "dense", "units": 4, "activation": "sigmoid"}], "loss": "bce",
                 "training": {"epochs": 50, "batchSize": 4}}
                """);
        Lesson l = LessonParser.read(dir.resolve("noise.md"), WINDOW_TABS);
        assertEquals("Noise that teaches", l.title());
        assertEquals(4, l.steps().size());
        assertEquals(ConditionKind.RUNS_COMPARED, l.steps().get(2).condition().kind());
        assertTrue(l.steps().get(2).hasQuestion());
    }

    private static void expect(String text, String messageStart) {
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.parse(text, origin("x.md"), TABS));
        assertTrue(e.getMessage().startsWith(messageStart), "expected '" + messageStart + "...' but got: " + e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, "one line: " + e.getMessage());
    }
}
