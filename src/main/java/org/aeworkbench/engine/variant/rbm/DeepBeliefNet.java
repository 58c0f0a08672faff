package org.aeworkbench.engine.variant.rbm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aeworkbench.engine.blas.Compute;

/**
 * A stack of restricted Boltzmann machines read as a deep belief net (Hinton, Osindero and Teh,
 * "A Fast Learning Algorithm for Deep Belief Nets", Neural Computation 18, 2006): the top machine
 * is an undirected model whose samples come from Gibbs sampling, and the machines below generate
 * data top-down through their visible probabilities: a short Gibbs chain in the top machine, seen
 * as data, shows what the stack has learnt to generate.
 */
public final class DeepBeliefNet {

    private final List<RestrictedBoltzmannMachine> machines;

    /** @param machines bottom (data side) first; each one's visible layer is the hidden layer of the one below */
    public DeepBeliefNet(List<RestrictedBoltzmannMachine> machines) {
        if (machines.isEmpty()) {
            throw new IllegalArgumentException("a deep belief net needs at least one machine");
        }
        for (int i = 1; i < machines.size(); i++) {
            if (machines.get(i).visible() != machines.get(i - 1).hidden()) {
                throw new IllegalArgumentException("machine " + (i + 1) + " has " + machines.get(i).visible()
                        + " visible units but machine " + i + " has " + machines.get(i - 1).hidden() + " hidden ones");
            }
        }
        this.machines = List.copyOf(machines);
    }

    public List<RestrictedBoltzmannMachine> machines() {
        return machines;
    }

    /**
     * A Gibbs chain in the top machine, started from the up-pass of n data rows (hidden means
     * machine by machine), each step drawing hidden states and then visible states from their
     * conditionals. Frame 0 is the start, frame s the visible probabilities after s steps, each
     * taken down to the data through the machines below (visible probabilities of each).
     *
     * @return steps + 1 frames of n x (data width) values
     */
    public List<float[]> gibbsChain(Compute compute, float[] data, int n, int steps, SplittableRandom random) {
        RestrictedBoltzmannMachine top = machines.get(machines.size() - 1);
        float[] v = upTo(compute, data, n, machines.size() - 1);
        List<float[]> frames = new ArrayList<>();
        frames.add(down(compute, v, n, machines.size() - 1));
        float[] hMeans = new float[n * top.hidden()];
        float[] h = new float[n * top.hidden()];
        float[] vProbabilities = new float[n * top.visible()];
        for (int s = 0; s < steps; s++) {
            top.hiddenMeans(compute, v, n, hMeans);
            top.sampleHidden(hMeans, n, random, h);
            top.visibleProbabilities(compute, h, n, vProbabilities);
            frames.add(down(compute, vProbabilities, n, machines.size() - 1));
            v = new float[n * top.visible()];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextDouble() < vProbabilities[i] ? 1f : 0f;
            }
        }
        return frames;
    }

    /** Hidden means of machines 0 .. count-1 in turn: the data as machine {@code count} sees it. */
    private float[] upTo(Compute compute, float[] data, int n, int count) {
        float[] x = data;
        for (int i = 0; i < count; i++) {
            float[] h = new float[n * machines.get(i).hidden()];
            machines.get(i).hiddenMeans(compute, x, n, h);
            x = h;
        }
        return x;
    }

    /** Visible probabilities of machines count-1 .. 0 in turn: values of machine {@code count}'s visible layer as data. */
    private float[] down(Compute compute, float[] v, int n, int count) {
        float[] x = v.clone();
        for (int i = count - 1; i >= 0; i--) {
            float[] below = new float[n * machines.get(i).visible()];
            machines.get(i).visibleProbabilities(compute, x, n, below);
            x = below;
        }
        return x;
    }
}
