package org.aeworkbench.data;

import static org.aeworkbench.data.TestFiles.npy;
import static org.aeworkbench.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.aeworkbench.engine.loss.ReconstructionLoss;
import org.aeworkbench.engine.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of {@code --scale auto}, on files of each kind written here, and the named choices. */
class ScalingRuleTest {

    @TempDir
    Path dir;

    private static final ReconstructionLoss BCE = ReconstructionLoss.BCE;
    private static final ReconstructionLoss MSE = ReconstructionLoss.MSE;

    private static ScalingRule.Decision auto(Dataset d, ReconstructionLoss loss) {
        return ScalingRule.decide(ScaleChoice.AUTO, d, loss);
    }

    @Test
    void idxUnsignedBytesAreDividedBy255WhateverTheLoss() {
        Dataset d = DataSources.load(IdxTestFiles.mnistImages(dir, "train-images-idx3-ubyte.gz", 0, 20).toString());
        assertTrue(d.unsignedBytes());
        for (ReconstructionLoss loss : new ReconstructionLoss[] {BCE, MSE, null}) {
            assertEquals(new ScalingRule.Decision(Scaling.DIVIDE_255, "auto: unsigned bytes"), auto(d, loss));
        }
        Preparation p = Preparation.fit(ScaleChoice.AUTO, d, BCE);
        assertEquals("scaling: divide by 255 (auto: unsigned bytes)", p.line());
        Dataset ready = p.apply(d);
        for (int i = 0; i < d.values().length; i++) {
            assertEquals(d.values()[i] / 255f, ready.values()[i], 0f);
        }
        assertFalse(ready.unsignedBytes(), "scaled values are bytes no more");
    }

    @Test
    void npyUint8IsBytesAndOtherIntegerTypesAreNot() {
        byte[] pixels = {0, 10, (byte) 200, (byte) 255, 3, 7};
        Dataset u8 = DataSources.load(write(dir, "u8.npy", npy("|u1", false, "(2, 3)", pixels)).toString());
        assertEquals(Scaling.DIVIDE_255, auto(u8, MSE).scaling());
        Dataset i8 = DataSources.load(write(dir, "i8.npy", npy("|i1", false, "(2, 3)", new byte[] {0, 10, 100, 127, 3, 7}))
                .toString());
        assertFalse(i8.unsignedBytes());
        assertEquals(new ScalingRule.Decision(Scaling.NONE, "auto: MSE takes any values"), auto(i8, MSE));
        assertEquals(Scaling.MIN_MAX, auto(i8, BCE).scaling());
    }

    @Test
    void imageFoldersAreBytesDividedBy255() throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xffffff);
        img.setRGB(1, 1, 0x808080);
        Files.createDirectories(dir.resolve("pics/a"));
        ImageIO.write(img, "png", dir.resolve("pics/a/x.png").toFile());
        Dataset d = DataSources.load(dir.resolve("pics").toString(), LoadOptions.defaults().withImageSize(2, 2));
        assertEquals(new ScalingRule.Decision(Scaling.DIVIDE_255, "auto: unsigned bytes"), auto(d, BCE));
        assertArrayEquals(new float[] {1, 0, 0, 128 / 255f}, Preparation.fit(ScaleChoice.AUTO, d, BCE).apply(d).values(), 1e-5f);
    }

    @Test
    void valuesAlreadyInTheUnitIntervalAreLeftAloneEvenAsBytes() throws Exception {
        Dataset floats = DataSources.load(write(dir, "f.csv", "a,b\n0,0.5\n1,0.25\n").toString());
        assertEquals(new ScalingRule.Decision(Scaling.NONE, "auto: values already in [0, 1]"), auto(floats, BCE));
        // Binary images stored as uint8 0/1 are probabilities already; dividing them by 255 would erase them.
        Dataset binary = DataSources.load(write(dir, "b.npy", npy("|u1", false, "(2, 2)", new byte[] {0, 1, 1, 0})).toString());
        assertTrue(binary.unsignedBytes());
        assertEquals(Scaling.NONE, auto(binary, BCE).scaling());
    }

    @Test
    void otherDataIsMinMaxScaledForBceAndLeftAloneOtherwise() throws Exception {
        Dataset d = DataSources.load(write(dir, "t.csv", "a,b\n-3,10\n1,20\n5,40\n").toString());
        assertEquals(new ScalingRule.Decision(Scaling.MIN_MAX, "auto: BCE needs values in [0, 1]"), auto(d, BCE));
        assertEquals(new ScalingRule.Decision(Scaling.NONE, "auto: MSE takes any values"), auto(d, MSE));
        assertEquals(Scaling.NONE, auto(d, ReconstructionLoss.L1).scaling());
        assertEquals(Scaling.NONE, auto(d, null).scaling());
        assertTrue(auto(d, null).reason().contains("BCE"), "data show says what a BCE design would do");
        assertArrayEquals(new float[] {0, 0, 0.5f, 1f / 3, 1, 1}, Preparation.fit(ScaleChoice.AUTO, d, BCE).apply(d).values(), 1e-6f);
    }

    @Test
    void aNamedChoiceIsTakenAsItIs() {
        Dataset bytes = new Dataset("b", Shape.vector(2), new float[] {0, 255, 17, 3}, null, List.of(), "", true);
        assertEquals(new ScalingRule.Decision(Scaling.Z_SCORE, "chosen"), ScalingRule.decide(ScaleChoice.Z_SCORE, bytes, BCE));
        assertEquals(Scaling.NONE, ScalingRule.decide(ScaleChoice.NONE, bytes, BCE).scaling());
        assertEquals(Scaling.MIN_MAX, ScalingRule.decide(ScaleChoice.MIN_MAX, bytes, MSE).scaling());
        assertEquals("scaling: z-score per feature (chosen)", Preparation.fit(ScaleChoice.Z_SCORE, bytes, BCE).line());
    }

    @Test
    void statisticsComeFromTheTrainingSplitOnly() {
        // Feature values 0..99 by sample index; validation samples keep their own values.
        float[] v = new float[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i;
        }
        Split split = Split.of(new Dataset("ramp", Shape.vector(1), v, null, List.of(), ""), 0.2, 0, 5);
        Preparation p = Preparation.fit(ScaleChoice.MIN_MAX, split.train(), BCE);
        assertEquals(Preprocessing.fit(Scaling.MIN_MAX, split.train()), p.preprocessing());
        assertFalse(p.preprocessing().equals(Preprocessing.fit(Scaling.MIN_MAX, split.validation())));
        Split ready = p.apply(split);
        assertEquals(0f, ready.train().minValue());
        assertEquals(1f, ready.train().maxValue());
        float lo = split.train().minValue();
        float range = split.train().maxValue() - lo;
        for (int i = 0; i < split.validation().samples(); i++) {
            assertEquals((split.validation().values()[i] - lo) / range, ready.validation().values()[i], 0f,
                    "validation is scaled with the training minimum and range");
        }
    }

    @Test
    void theDefaultDesignIsChosenForTheDataOnceScaled() {
        Dataset bytes = new Dataset("b", Shape.vector(2), new float[] {0, 255, 17, 3}, null, List.of(), "", true);
        Dataset wide = new Dataset("w", Shape.vector(2), new float[] {-4, 255, 17, 3}, null, List.of(), "");
        assertTrue(ScalingRule.unitIntervalOnceScaled(ScaleChoice.AUTO, bytes));
        assertFalse(ScalingRule.unitIntervalOnceScaled(ScaleChoice.AUTO, wide), "auto leaves it: MSE");
        assertTrue(ScalingRule.unitIntervalOnceScaled(ScaleChoice.MIN_MAX, wide));
        assertFalse(ScalingRule.unitIntervalOnceScaled(ScaleChoice.Z_SCORE, bytes));
    }

    @Test
    void scaleNamesAreTheOptionsAndAnUnknownOneListsThem() {
        assertEquals(ScaleChoice.DIVIDE_255, ScaleChoice.parse("255"));
        assertEquals(ScaleChoice.MIN_MAX, ScaleChoice.parse("minmax"));
        assertEquals(ScaleChoice.Z_SCORE, ScaleChoice.parse("zscore"));
        assertEquals(ScaleChoice.MIN_MAX, ScaleChoice.parse("MIN_MAX"), "the spelling of older project files");
        BadParameterException e = assertThrows(BadParameterException.class, () -> ScaleChoice.parse("unit"));
        assertEquals("unknown scale 'unit'; choose one of auto, none, 255, minmax, zscore", e.getMessage());
    }
}
