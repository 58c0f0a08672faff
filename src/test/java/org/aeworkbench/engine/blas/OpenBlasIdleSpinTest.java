package org.aeworkbench.engine.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenBlasIdleSpinTest {

    @Test
    void theEnvironmentHoldsTheIdleSpinOnceAContextHasLoadedTheBlas() {
        String before = System.getenv(OpenBlasIdleSpin.VARIABLE); // the JVM's start-up copy
        Compute.create(Backend.AUTO, 1).close();
        // A value the user started the JVM with is kept; otherwise the default is in place before the load.
        assertEquals(before != null ? before : Integer.toString(OpenBlasIdleSpin.DEFAULT_EXPONENT), OpenBlasIdleSpin.current());
    }

    @Test
    void anExponentOutsideWhatOpenBlasAcceptsFallsBackToTheDefault() {
        String d = Integer.toString(OpenBlasIdleSpin.DEFAULT_EXPONENT);
        assertEquals(d, OpenBlasIdleSpin.exponent(null));
        assertEquals(d, OpenBlasIdleSpin.exponent(" "));
        assertEquals("16", OpenBlasIdleSpin.exponent(" 16 "));
        assertEquals("4", OpenBlasIdleSpin.exponent("4"));
        assertEquals("30", OpenBlasIdleSpin.exponent("30"));
        assertEquals(d, OpenBlasIdleSpin.exponent("3"));
        assertEquals(d, OpenBlasIdleSpin.exponent("31"));
        assertEquals(d, OpenBlasIdleSpin.exponent("0.4ms"));
    }
}
