package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aeworkbench.engine.core.SpecException;
import org.aeworkbench.engine.layer.Activation;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.engine.variant.adversarial.CodePrior;
import org.aeworkbench.engine.variant.adversarial.HiddenWidths;
import org.junit.jupiter.api.Test;

/** The adversarial part as a design sees it: validation, the spec file, labels, the designer's choice. */
class AdversarialSpecTest {

    private static final Shape MNIST = new Shape(28, 28, 1);

    private static List<String> fields(ModelSpec spec) {
        return SpecValidator.validate(spec, MNIST, true).stream().map(SpecProblem::field).toList();
    }

    @Test
    void planarPriorsNeedTwoDimensionalLinearCodes() {
        ModelSpec mixture = Presets.get("aae-mixture", MNIST);
        assertEquals(List.of(), fields(mixture));
        assertEquals(List.of("adversarial.prior"), fields(mixture.withCodeSize(3)));
        assertEquals(List.of(), fields(Presets.get("aae-gaussian", MNIST).withCodeSize(8)), "a Gaussian prior has any width");
        ModelSpec relu = mixture.withLayers(List.of(new DenseSpec(64, Activation.RELU), new DenseSpec(2, Activation.RELU)),
                mixture.decoder());
        assertEquals(List.of("encoder[1].activation"), fields(relu));
    }

    @Test
    void otherCodeRegularisersAndBadSettingsAreNamed() {
        ModelSpec spec = Presets.get("aae-gaussian", MNIST);
        assertEquals(List.of("kSparse.k", "kSparse"), fields(spec.with(new KSparseSpec(25, 0))));
        assertTrue(fields(spec.with(new VariationalSpec(1.0))).contains("variational"));
        assertEquals(List.of("adversarial.discriminator", "adversarial.discriminatorRate"), fields(spec.with(
                new AdversarialSpec(CodePrior.GAUSSIAN, 10, HiddenWidths.of(), 0, 1e-4))));
        assertEquals(List.of("adversarial.components"), fields(Presets.get("aae-mixture", MNIST).with(
                new AdversarialSpec(CodePrior.MIXTURE, 1, HiddenWidths.of(8), 1e-4, 1e-4))));
        assertEquals(List.of("adversarial.discriminatorSteps"), fields(spec.with(
                new AdversarialSpec(CodePrior.GAUSSIAN, 10, HiddenWidths.of(8), 1e-4, 1e-4, 0))));
    }

    @Test
    void aSpecFileMayLeaveSettingsOutAndWritesTheDiscriminatorAsAList() {
        ModelSpec spec = Presets.get("aae-mixture", MNIST);
        String json = ModelSpecJson.toJson(spec);
        assertTrue(json.contains("\"prior\" : \"supervised-mixture\""), json);
        assertTrue(json.contains("\"discriminator\" : [ 1000, 1000 ]"), json);
        String shortened = json.replaceAll("\"adversarial\" : \\{[^}]*}", "\"adversarial\" : {\"prior\": \"swiss-roll\"}");
        AdversarialSpec read = ModelSpecJson.parse(shortened, "aae.json").variant(AdversarialSpec.class);
        assertEquals(AdversarialSpec.of(CodePrior.SWISS_ROLL), read);
        assertEquals(1, read.discriminatorSteps(), "a file from before the setting: the paper's one step");
        AdversarialSpec tuned = AdversarialSpec.of(CodePrior.GAUSSIAN).withDiscriminatorSteps(4);
        String tunedJson = ModelSpecJson.toJson(spec.with(tuned));
        assertTrue(tunedJson.contains("\"discriminatorSteps\" : 4"), tunedJson);
        assertEquals(tuned, ModelSpecJson.parse(tunedJson, "aae.json").variant(AdversarialSpec.class));
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(
                json.replace("\"supervised-mixture\"", "\"circle\""), "aae.json"));
        assertTrue(e.getMessage().contains("use one of gaussian, mixture, swiss-roll, supervised-mixture"), e.getMessage());
        assertEquals(HiddenWidths.of(512, 64), HiddenWidths.parse("512, 64"), "the property sheet's text");
        assertEquals("512, 64", HiddenWidths.of(512, 64).toString());
        assertThrows(IllegalArgumentException.class, () -> HiddenWidths.parse("512, many"));
    }

    @Test
    void theSupervisedMixtureNeedsLabelsThatFitItsComponents() {
        AdversarialSpec supervised = Presets.get("aae-mixture", MNIST).variant(AdversarialSpec.class);
        assertTrue(supervised.labelsProblem(null).contains("needs class labels"), supervised.labelsProblem(null));
        assertNull(supervised.labelsProblem(new int[] {0, 9, 3}));
        assertTrue(supervised.labelsProblem(new int[] {0, 11}).contains("the data has 12 classes but the mixture has 10"
                + " components: set adversarial.components to at least 12"));
        assertNull(AdversarialSpec.of(CodePrior.MIXTURE).labelsProblem(null), "the unsupervised mixture needs none");
    }

    @Test
    void choosingItMakesTheCodeLinearAndDropsTheOtherRegularisers() {
        ModelSpec sparse = Presets.get("sparse-kl", MNIST).withCodeSize(2);
        VariantType.Choice choice = AdversarialSpec.TYPE.choices().get(0);
        ModelSpec chosen = choice.apply().apply(sparse);
        assertEquals(AdversarialSpec.of(CodePrior.GAUSSIAN), chosen.variant(AdversarialSpec.class));
        assertNull(chosen.variant(SparsitySpec.class));
        assertEquals(Activation.IDENTITY, ((DenseSpec) chosen.codeLayer()).activation());
        assertEquals(List.of(), fields(chosen.withLoss(sparse.loss())));
    }
}
