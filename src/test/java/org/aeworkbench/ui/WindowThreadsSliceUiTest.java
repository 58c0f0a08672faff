package org.aeworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.aeworkbench.support.SchedulerSlice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Once the window shows, the FX thread and the renderer run with the short slice (see BackgroundPriority.forWindowThreads). */
@ExtendWith(ApplicationExtension.class)
class WindowThreadsSliceUiTest {

    private TestWindow window;

    @BeforeAll
    static void beforeTheToolkitStarts() {
        TestWindow.prepare(10);
    }

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, 1400, 900);
    }

    @Test
    void theFxThreadAndTheRendererTakeTheWindowsSlice() throws Exception {
        long slice = SchedulerSlice.windowSliceNanos();
        AtomicBoolean supported = new AtomicBoolean();
        Thread probe = new Thread(() -> supported.set(SchedulerSlice.setCurrentThread(slice) && SchedulerSlice.ofCurrentThread() == slice));
        probe.start();
        probe.join();
        assumeTrue(slice > 0 && supported.get(), "needs Linux 6.12 or later, the foreign module and " + SchedulerSlice.PROPERTY + " > 0");

        assertEquals(slice, (long) TestWindow.fx(SchedulerSlice::ofCurrentThread), "the FX thread");
        List<Long> renderers = slicesOfThreadsNamed("QuantumRenderer");
        assertFalse(renderers.isEmpty(), "the toolkit has a renderer thread");
        for (long s : renderers) {
            assertEquals(slice, s, "the renderer");
        }
        TestWindow.fx(() -> {
            window.wb().close();
            return null;
        });
    }

    /** The slices of this process's threads whose kernel name starts with {@code prefix}, from /proc/self/task/TID/sched. */
    private static List<Long> slicesOfThreadsNamed(String prefix) throws Exception {
        List<Long> slices = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
                    for (String line : Files.readAllLines(task.resolve("sched"))) {
                        if (line.startsWith("se.slice")) {
                            slices.add(Long.parseLong(line.substring(line.indexOf(':') + 1).strip()));
                        }
                    }
                }
            }
        }
        return slices;
    }
}
