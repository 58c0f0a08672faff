package org.aeworkbench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lowering reaches the calling thread and the threads it starts, never the rest of the process. */
class ThreadNicenessTest {

    @BeforeEach
    void onLinuxWithTheForeignLinker() {
        assumeTrue(ThreadNiceness.currentThreadNice() != -100, "needs Linux and the foreign module (the tests' command line has it)");
    }

    @Test
    void aLoweredThreadAndItsChildrenRunNicerWhileTheCallerKeepsItsPriority() throws Exception {
        int mine = ThreadNiceness.currentThreadNice();
        assumeTrue(mine <= 19 - 3, "this thread is already at the lowest priority");
        AtomicInteger lowered = new AtomicInteger();
        AtomicInteger child = new AtomicInteger();
        Thread t = new Thread(() -> {
            lowered.set(ThreadNiceness.lowerCurrentThread(3));
            Thread c = new Thread(() -> child.set(ThreadNiceness.currentThreadNice()));
            c.start();
            try {
                c.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join();
        assertEquals(mine + 3, lowered.get(), "the lowered thread's nice value");
        assertEquals(mine + 3, child.get(), "a thread it started inherits it");
        assertEquals(mine, ThreadNiceness.currentThreadNice(), "the caller's thread is untouched");
    }

    @Test
    void noStepsChangeNothing() throws Exception {
        AtomicInteger result = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        Thread t = new Thread(() -> {
            result.set(ThreadNiceness.lowerCurrentThread(0));
            after.set(ThreadNiceness.currentThreadNice());
        });
        t.start();
        t.join();
        assertEquals(-100, result.get());
        assertEquals(ThreadNiceness.currentThreadNice(), after.get());
    }
}
