package org.aeworkbench.engine.blas;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work handed to the compute pool, rethrowing its failures unchanged. */
public final class Parallel {

    private Parallel() {
    }

    public static void awaitAll(Future<?>[] futures) {
        for (Future<?> f : futures) {
            if (f == null) {
                continue;
            }
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a compute thread", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
