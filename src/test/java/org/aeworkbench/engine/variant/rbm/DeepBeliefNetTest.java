package org.aeworkbench.engine.variant.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.variant.rbm.RestrictedBoltzmannMachine.HiddenUnits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DeepBeliefNetTest {

    private static final Compute COMPUTE = Compute.create(Backend.JAVA, 1);

    @AfterAll
    static void close() {
        COMPUTE.close();
    }

    private static List<RestrictedBoltzmannMachine> stack() {
        RestrictedBoltzmannMachine bottom = new RestrictedBoltzmannMachine(6, 4, HiddenUnits.BERNOULLI);
        RestrictedBoltzmannMachine top = new RestrictedBoltzmannMachine(4, 3, HiddenUnits.GAUSSIAN);
        SplittableRandom r = new SplittableRandom(1);
        bottom.initialize(r);
        top.initialize(r);
        return List.of(bottom, top);
    }

    /**
     * The chain's first frame is the start taken up to the top machine's visible layer and back down
     * (the stack's mean-field reconstruction); each later frame is a visible sample of the top machine
     * drawn down the same way, so every value is a probability; the same stream repeats the chain.
     */
    @Test
    void aChainStartsAtTheReconstructionAndStaysAmongProbabilities() {
        List<RestrictedBoltzmannMachine> machines = stack();
        float[] data = {1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0};
        List<float[]> chain = new DeepBeliefNet(machines).gibbsChain(COMPUTE, data, 2, 5, new SplittableRandom(4));
        assertEquals(6, chain.size());
        float[] h = new float[2 * 4];
        machines.get(0).hiddenMeans(COMPUTE, data, 2, h);
        float[] back = new float[2 * 6];
        machines.get(0).visibleProbabilities(COMPUTE, h, 2, back);
        assertArrayEquals(back, chain.get(0), 1e-6f);
        for (float[] frame : chain) {
            assertEquals(12, frame.length);
            for (float v : frame) {
                assertTrue(v > 0 && v < 1, "a probability: " + v);
            }
        }
        List<float[]> again = new DeepBeliefNet(machines).gibbsChain(COMPUTE, data, 2, 5, new SplittableRandom(4));
        for (int s = 0; s < chain.size(); s++) {
            assertArrayEquals(chain.get(s), again.get(s));
        }
    }

    @Test
    void machinesMustStackOneOnAnother() {
        RestrictedBoltzmannMachine a = new RestrictedBoltzmannMachine(6, 4, HiddenUnits.BERNOULLI);
        RestrictedBoltzmannMachine b = new RestrictedBoltzmannMachine(5, 2, HiddenUnits.BERNOULLI);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeepBeliefNet(List.of(a, b)));
        assertTrue(e.getMessage().contains("machine 2 has 5 visible units but machine 1 has 4 hidden ones"), e.getMessage());
    }
}
