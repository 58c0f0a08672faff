package org.aeworkbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.aeworkbench.engine.blas.Backend;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelBuilder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.model.Presets;
import org.aeworkbench.engine.model.TrainingSpec;
import org.aeworkbench.engine.train.Trainer;
import org.aeworkbench.engine.train.TrainingControl;
import org.aeworkbench.engine.train.TrainingListener;
import org.aeworkbench.engine.train.TrainingResult;
import org.aeworkbench.ui.common.BackgroundPriority;
import org.aeworkbench.ui.dataset.DataModel;
import org.aeworkbench.ui.dataset.DataReference;
import org.aeworkbench.ui.dataset.PreparationKey;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.training.TrainingSession;
import org.aeworkbench.ui.workbench.WorkbenchModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures what the workbench's live UI costs training (issue 8): the reference design
 * (784-512-128-2, BCE, Adam, batch 128) on the bundled MNIST sample (9,000 train / 1,000
 * validation), trained headless (the trainer alone, as the CLI runs it) and through the full
 * window with live charts, live latent scatters and the probe, alternately; and the FX thread's
 * longest pause while the window trains, as the largest gap between animation pulses and the
 * largest delay of a runLater posted every 5 ms.
 *
 * <p>It reports figures and asserts nothing about time. Run it alone, on an otherwise idle machine:
 * <pre>mvn test -Dtest=UiCostMeasurement -Daeworkbench.measure=true [-Daeworkbench.measure.epochs=10 -Daeworkbench.measure.rounds=3]</pre>
 * {@code -Daeworkbench.measure.noProbe=true} leaves out the runLater prober (it wakes the FX thread
 * 200 times a second, which itself costs training a few percent); {@code .paired=true} runs the
 * window twice a round, without the prober and then with it: the cost is then the unprobed run's
 * against headless, the pauses the probed run's, and the prober's own cost is printed beside them;
 * {@code .coldStart=true} leaves out the uncounted headless run before the first window run, so that
 * the first window run starts with the engine's code as cold as a user's first run does;
 * {@code .waitMs=6000} waits that much longer before each Train press (a user who presses later);
 * {@code .session=true} adds runs
 * through the training session without a window; {@code .threads=true} prints CPU per thread;
 * {@code .noCharts=true} keeps the loss charts from drawing (what the charts cost);
 * {@code .lateMs=7} prints every delay over 7 ms with the moment it fell (16 ms, one frame, unless told);
 * each window run's longest pause is printed with the GC pauses counted too, since a pause stops the
 * FX thread and the prober alike (young and full collections, from the collectors' MXBeans; G1's
 * remark and cleanup pauses show only in a GC log, {@code -Xlog:gc:file=F:utctime});
 * {@code .schedstat=true} says for each such delay how long the FX thread and the renderer ran and
 * how long they waited for a core meanwhile (Linux), and {@code .schedstat=all} also names the six
 * threads that ran longest meanwhile (it reads every thread's statistics 200 times a second, which
 * costs the run a little);
 * {@code .data=FILE} trains on a file instead of the bundled sample, and {@code .validation=F}
 * holds out that share of it (Fashion-MNIST's 60,000 images with F = 0.1667 put 10,000 codes in
 * each live scatter, and all 60,000 once training ends); {@code .tab=tab-latent-space} shows that tab
 * while training (the window opens on Training, and hidden tabs do not draw).
 *
 * <p>Each timed run starts after a full garbage collection, on both sides, so that one side does
 * not pay for the other's garbage; the window run is started with the Train button's action, as
 * a user starts it.
 */
class UiCostMeasurement {

    /** Delays over this are printed one by one with when they fell; one frame at 60 Hz unless told. */
    private static final String LATE_MS = System.getProperty("aeworkbench.measure.lateMs", "16");
    private static final boolean ALL_THREADS = "all".equals(System.getProperty("aeworkbench.measure.schedstat"));
    private static final long LATE_NANOS = Math.round(Double.parseDouble(LATE_MS) * 1e6);

    @Test
    void trainingThroughTheWindowAgainstHeadless() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("aeworkbench.measure"), "set -Daeworkbench.measure=true to measure");
        System.setProperty("headless.geometry", "1600x1000-32");
        System.setProperty("aeworkbench.prefs", "org/aeworkbench/ui-test");
        // As the app does before anything else computes: OpenBLAS's workers start at the window's
        // background priority (-Daeworkbench.backgroundNice=0 measures without).
        BackgroundPriority.loadNativeBlas();
        int epochs = Integer.getInteger("aeworkbench.measure.epochs", 10);
        int rounds = Integer.getInteger("aeworkbench.measure.rounds", 3);
        PreparedData loaded = DataModel.prepare(DataReference.of(System.getProperty("aeworkbench.measure.data", "mnist")));
        ModelSpec spec = Presets.get("reference", loaded.all().sampleShape());
        spec = spec.withTraining(spec.training().withEpochs(epochs));
        String validation = System.getProperty("aeworkbench.measure.validation");
        if (validation != null) {
            // e.g. 1/6 of Fashion-MNIST's 60,000 training images: 10,000 codes in each live scatter
            TrainingSpec t = spec.training();
            spec = spec.withTraining(new TrainingSpec(t.epochs(), t.batchSize(), t.seed(), Double.parseDouble(validation),
                    t.patience(), t.threads(), t.clipNorm()));
        }
        // Prepared for this design's split and loss, as the window would: else the window prepares
        // the data again (a background job) and fits PCA again as that lands, during the timed run.
        PreparedData data = loaded.preparedFor(PreparationKey.of(spec));

        FxToolkit.registerPrimaryStage();
        List<double[]> headless = new ArrayList<>();
        List<double[]> ui = new ArrayList<>();
        List<double[]> pauses = new ArrayList<>();
        // One round of each first, not counted: class loading and JIT compilation of the window's
        // code would otherwise be charged to the first window run.
        ModelSpec warm = spec.withTraining(spec.training().withEpochs(2));
        if (!Boolean.getBoolean("aeworkbench.measure.coldStart")) {
            headless(warm, data);
        }
        boolean probed = !Boolean.getBoolean("aeworkbench.measure.noProbe");
        throughWindow(warm, data, probed);
        boolean paired = Boolean.getBoolean("aeworkbench.measure.paired");
        List<Double> unprobed = new ArrayList<>();
        boolean sessionOnly = Boolean.getBoolean("aeworkbench.measure.session");
        for (int r = 0; r < rounds; r++) {
            if (sessionOnly) {
                System.out.printf(Locale.ROOT, "  round %d: training session without a window %.2f s%n", r + 1, throughSession(spec, data));
            }
            headless.add(headless(spec, data));
            if (paired) {
                unprobed.add(throughWindow(spec, data, false)[0]);
            }
            double[] run = throughWindow(spec, data, paired || probed);
            ui.add(new double[] {run[0], run[1], run[5], run[6]});
            pauses.add(new double[] {run[2], run[3], run[4]});
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "UI cost: reference design, %d epochs on %,d train / %,d validation samples%n", epochs,
                data.split(spec.training().validationFraction(), spec.training().seed()).train().samples(),
                data.split(spec.training().validationFraction(), spec.training().seed()).validation().samples());
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "  round %d: headless %.2f s (%,.0f samples/s) | window %.2f s (%,.0f samples/s)"
                            + " | FX runLater delay: median %.1f ms, longest %.1f ms, 99th percentile %.1f ms%n",
                    r + 1, headless.get(r)[0], headless.get(r)[1], ui.get(r)[0], ui.get(r)[1], pauses.get(r)[0],
                    pauses.get(r)[1], pauses.get(r)[2]);
            System.out.printf(Locale.ROOT, "           process CPU: headless %.2f s, window %.2f s (%+.1f%%), of which FX and render threads %.2f s%n",
                    headless.get(r)[2], ui.get(r)[2] + ui.get(r)[3], 100 * ((ui.get(r)[2] + ui.get(r)[3]) / headless.get(r)[2] - 1), ui.get(r)[2]);
            System.out.printf(Locale.ROOT, "           CPU during the window run: FX and render threads %.2f s, the rest of"
                    + " the process (training, BLAS, GC, background views) %.2f s: %.1f%%%n", ui.get(r)[2], ui.get(r)[3], 100 * ui.get(r)[2] / ui.get(r)[3]);
        }
        double h = headless.stream().mapToDouble(a -> a[0]).min().orElseThrow();
        double w = ui.stream().mapToDouble(a -> a[0]).min().orElseThrow();
        System.out.printf(Locale.ROOT, "  best of %d: headless %.2f s, window %.2f s: the window costs %+.1f%%%n", rounds, h, w,
                100 * (w / h - 1));
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = ui.get(r)[0] / headless.get(r)[0];
        }
        printMedianWithInterval(paired ? "  per-round ratios (with the prober)" : "  per-round ratios", ratios);
        if (paired) {
            double[] alone = new double[rounds];
            double[] prober = new double[rounds];
            StringBuilder each = new StringBuilder();
            for (int r = 0; r < rounds; r++) {
                alone[r] = unprobed.get(r) / headless.get(r)[0];
                prober[r] = ui.get(r)[0] / unprobed.get(r);
                each.append(String.format(Locale.ROOT, "%s%.2f s (%+.1f%%)", r == 0 ? "" : ", ", unprobed.get(r), 100 * (alone[r] - 1)));
            }
            System.out.printf(Locale.ROOT, "  window without the prober, per round: %s%n", each);
            printMedianWithInterval("  per-round ratios without the prober", alone);
            java.util.Arrays.sort(prober);
            System.out.printf(Locale.ROOT, "  the prober's own cost (probed against unprobed window run), median %+.1f%%%n",
                    100 * (median(prober) - 1));
        }
        System.out.printf(Locale.ROOT, "  FX thread: longest runLater delay %.1f ms, worst 99th percentile %.1f ms%n",
                pauses.stream().mapToDouble(a -> a[1]).max().orElseThrow(),
                pauses.stream().mapToDouble(a -> a[2]).max().orElseThrow());
        FxToolkit.cleanupStages();
    }

    /**
     * Prints the window's cost per round, sorted, their median and a 90% percentile-bootstrap
     * interval of that median (10,000 resamples, a fixed seed). On this VM single rounds swing by
     * tens of percent either way, so a median of 5 moves more between identical sets than the
     * +5% it is held to; many short rounds and the interval say how far the median can be trusted.
     */
    static void printMedianWithInterval(String what, double[] ratios) {
        double[] sorted = ratios.clone();
        java.util.Arrays.sort(sorted);
        double[] interval = medianInterval(ratios, 10_000, new java.util.SplittableRandom(1));
        StringBuilder each = new StringBuilder();
        for (double r : sorted) {
            each.append(String.format(Locale.ROOT, " %+.1f", 100 * (r - 1)));
        }
        System.out.printf(Locale.ROOT, "%s (%%, sorted):%s%n", what, each);
        System.out.printf(Locale.ROOT, "%s: median %+.1f%% of %d, 90%% bootstrap interval of the median %+.1f%% to %+.1f%%%n", what,
                100 * (median(sorted) - 1), ratios.length, 100 * (interval[0] - 1), 100 * (interval[1] - 1));
    }

    /** The 5th and 95th percentiles of the medians of {@code resamples} resamples with replacement. */
    static double[] medianInterval(double[] values, int resamples, java.util.SplittableRandom random) {
        double[] medians = new double[resamples];
        double[] draw = new double[values.length];
        for (int i = 0; i < resamples; i++) {
            for (int j = 0; j < draw.length; j++) {
                draw[j] = values[random.nextInt(values.length)];
            }
            java.util.Arrays.sort(draw);
            medians[i] = median(draw);
        }
        java.util.Arrays.sort(medians);
        return new double[] {medians[(int) (0.05 * (resamples - 1))], medians[(int) Math.ceil(0.95 * (resamples - 1))]};
    }

    /** The median of sorted values (the mean of the middle two for an even count). */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One OS thread's counters from /proc: name (digits as #), user and kernel ticks, minor faults. */
    record TaskReading(String name, long userTicks, long kernelTicks, long minorFaults) {
    }

    /** Every OS thread's counters, by thread id, for diagnosing where time goes; empty off Linux. */
    static java.util.Map<String, TaskReading> osThreads() {
        java.util.Map<String, TaskReading> byTid = new java.util.HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return byTid;
        }
        for (java.io.File t : tasks) {
            try {
                String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                byTid.put(t.getName(), new TaskReading(name, Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[7])));
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended while being read
            }
        }
        return byTid;
    }

    /**
     * Prints the threads that used most between two readings, summed by name: CPU seconds, kernel
     * seconds ("sys NAME") and minor faults in thousands ("kflt NAME"). Each thread's use is its
     * reading less its own earlier one, matched by id: a pooled thread that renames itself per task
     * would carry its whole past into its new name if matched by name.
     */
    static void printOsDelta(String what, java.util.Map<String, TaskReading> before, java.util.Map<String, TaskReading> after) {
        java.util.Map<String, Double> used = new java.util.HashMap<>();
        after.forEach((tid, now) -> {
            TaskReading then = before.getOrDefault(tid, new TaskReading(now.name(), 0, 0, 0));
            used.merge(now.name(), (now.userTicks() + now.kernelTicks() - then.userTicks() - then.kernelTicks()) / 100.0, Double::sum);
            used.merge("sys " + now.name(), (now.kernelTicks() - then.kernelTicks()) / 100.0, Double::sum);
            used.merge("kflt " + now.name(), (now.minorFaults() - then.minorFaults()) / 1000.0, Double::sum);
        });
        StringBuilder b = new StringBuilder("           " + what + " OS threads (s):");
        used.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %s %.2f", e.getKey(), e.getValue())));
        System.out.println(b);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Bytes allocated so far by every live thread, by id (to find what makes garbage during a run). */
    static java.util.Map<Long, Long> threadAllocated() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        return perLiveThread(mx::getThreadAllocatedBytes);
    }

    /** CPU nanoseconds so far of every live thread, by id. */
    private static java.util.Map<Long, Long> threadCpu() {
        return perLiveThread(java.lang.management.ManagementFactory.getThreadMXBean()::getThreadCpuTime);
    }

    /**
     * A reading of every live thread, by id; negative readings (not supported, thread gone) are left
     * out. The ids come from the thread bean, not {@code Thread.getAllStackTraces()}: that stops every
     * thread at a safepoint to walk its stack (up to 8.8 ms to reach it, 3.7-6.1 ms in all), and taken
     * as a run ends it delayed the FX thread's last probe of the run by as much (safepoint log, round thirteen).
     */
    private static java.util.Map<Long, Long> perLiveThread(java.util.function.LongUnaryOperator reading) {
        java.util.Map<Long, Long> values = new java.util.HashMap<>();
        for (long id : java.lang.management.ManagementFactory.getThreadMXBean().getAllThreadIds()) {
            long v = reading.applyAsLong(id);
            if (v >= 0) {
                values.put(id, v);
            }
        }
        return values;
    }

    /**
     * Seconds of CPU used between two readings by the UI (FX application and render threads, the
     * update pump and the views' background tasks) and by training (the training thread and the
     * compute pool).
     */
    private static double[] cpuSplit(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after) {
        double ui = 0;
        double training = 0;
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            Long a = after.get(th.getId());
            if (a == null) {
                continue;
            }
            double used = (a - before.getOrDefault(th.getId(), 0L)) / 1e9;
            String name = th.getName();
            if (name.equals("ae-training") || name.startsWith("ae-compute-")) {
                training += used;
            } else if (name.equals("JavaFX Application Thread") || name.startsWith("QuantumRenderer")
                    || name.startsWith("ae-ui-")) {
                ui += used;
            }
        }
        return new double[] {ui, training};
    }

    /** The wall-clock time of a {@code System.nanoTime()} reading: to find a pause in a flight recording of the same run. */
    private static java.time.Instant wallClock(long nanoTime) {
        return java.time.Instant.now().minusNanos(System.nanoTime() - nanoTime);
    }

    /**
     * A probe that waited longer than {@code .lateMs}: when it was posted, how long it waited (ns),
     * what the FX thread and the renderer did meanwhile ("" without {@code .schedstat}), and the
     * threads that ran longest meanwhile (null unless {@code .schedstat=all}).
     */
    private record Late(long posted, long delay, String cores, String busiest) {
    }

    /** Each thread's {on a core, waiting for one} nanoseconds; zeros for one not found, null without {@code .schedstat}. */
    private static long[][] readAll(SchedStats[] threads) {
        if (threads == null) {
            return null;
        }
        long[][] r = new long[threads.length][];
        for (int i = 0; i < threads.length; i++) {
            r[i] = threads[i] == null ? new long[2] : threads[i].read();
        }
        return r;
    }

    /** The FX thread and the renderer, for stack samples while the FX thread is late. */
    private static Thread[] fxAndRenderer() {
        Thread fx = null;
        Thread renderer = null;
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.getName().equals("JavaFX Application Thread")) {
                fx = th;
            } else if (th.getName().startsWith("QuantumRenderer")) {
                renderer = th;
            }
        }
        if (fx == null || renderer == null) {
            throw new IllegalStateException("no FX thread or renderer to sample; a window is shown before this is asked");
        }
        return new Thread[] {fx, renderer};
    }

    /**
     * One line per stack sample: the innermost frames, then the outermost of the workbench's own
     * (which view's code) or, outside it, the pulse phase the frames belong to.
     */
    static String condensed(StackTraceElement[] st) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, st.length); i++) {
            b.append(i == 0 ? "" : " < ").append(st[i].getClassName().replaceAll(".*\\.", "")).append('.').append(st[i].getMethodName());
        }
        String app = null;
        String phase = null;
        for (StackTraceElement e : st) {
            String c = e.getClassName();
            if (c.startsWith("org.aeworkbench") && !c.contains("UiCostMeasurement")) {
                app = c.replaceAll(".*\\.", "") + "." + e.getMethodName() + ":" + e.getLineNumber();
            }
            String m = e.getMethodName();
            if (phase == null && (m.equals("doCSSPass") || m.equals("doLayoutPass") || m.equals("waitForRenderingToComplete")
                    || m.equals("syncAll") || m.equals("uploadPixels") || m.equals("doPaint") || m.equals("paintImpl"))) {
                phase = c.replaceAll(".*\\.", "") + "." + m;
            }
        }
        if (app != null) {
            b.append(" | in ").append(app);
        }
        if (phase != null) {
            b.append(" | phase ").append(phase);
        }
        return b.toString();
    }

    /** Seconds of a run through the training session alone (its thread, relay and hand-off), no window. */
    private static double throughSession(ModelSpec spec, PreparedData data) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] t = new long[2];
        WorkbenchModel[] wb = new WorkbenchModel[1];
        Platform.runLater(() -> {
            wb[0] = new WorkbenchModel();
            wb[0].data().set(data);
            wb[0].design().reset(spec);
            wb[0].training().setWeightsWanted(false); // as in the window, whose Training tab needs no weights
            wb[0].training().stateProperty().addListener((obs, old, now) -> {
                if (now == TrainingSession.State.IDLE) {
                    t[1] = System.nanoTime();
                    done.countDown();
                }
            });
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(3000); // the PCA fit started by the data
        Platform.runLater(() -> {
            t[0] = System.nanoTime();
            wb[0].train();
        });
        done.await(30, TimeUnit.MINUTES);
        WaitForAsyncUtils.asyncFx(wb[0]::close).get(10, TimeUnit.SECONDS);
        return (t[1] - t[0]) / 1e9;
    }

    /** Seconds and samples per second of the trainer alone, as the CLI runs it. */
    private static double[] headless(ModelSpec spec, PreparedData data) {
        PreparedData.TrainSplit split = data.split(spec.training().validationFraction(), spec.training().seed());
        System.gc();
        try (Compute compute = Compute.create(Backend.AUTO, spec.training().threads())) {
            long cpu0 = processCpu();
            var os0 = osThreads();
            var allocated0 = threadAllocated();
            long t0 = System.nanoTime();
            Autoencoder model = ModelBuilder.build(spec, data.all().sampleShape());
            TrainingResult r = new Trainer(model, compute).fit(split.train().values(), split.train().samples(),
                    split.validation().values(), split.validation().samples(), new TrainingControl(), TrainingListener.NONE);
            if (Boolean.getBoolean("aeworkbench.measure.threads")) {
                printOsDelta("headless", os0, osThreads());
                var allocated1 = threadAllocated();
                long sum = 0;
                for (var e : allocated1.entrySet()) {
                    sum += e.getValue() - allocated0.getOrDefault(e.getKey(), 0L);
                }
                System.out.printf(Locale.ROOT, "           headless run: %,.0f MB allocated by the threads alive at its end%n", sum / 1e6);
            }
            return new double[] {(System.nanoTime() - t0) / 1e9, r.samplesPerSecond(), (processCpu() - cpu0) / 1e9};
        }
    }

    /** Seconds, samples per second, longest pulse gap (ms), longest runLater delay (ms), 99th percentile gap (ms). */
    private static double[] throughWindow(ModelSpec spec, PreparedData data, boolean probe) throws Exception {
        WorkbenchModel[] wb = new WorkbenchModel[1];
        javafx.scene.control.Button[] trainButton = new javafx.scene.control.Button[1];
        AtomicLong pulses = new AtomicLong();
        FxToolkit.setupStage(stage -> {
            TestWindow window = TestWindow.show(stage, 1400, 900);
            wb[0] = window.wb();
            String tab = System.getProperty("aeworkbench.measure.tab");
            if (tab != null) {
                // e.g. tab-latent-space: both scatters then draw every validation code live
                CentreTab.select(window.main(), tab);
            }
            trainButton[0] = (javafx.scene.control.Button) stage.getScene().lookup("#train-button");
            if (Boolean.getBoolean("aeworkbench.measure.noCharts")) {
                ((org.aeworkbench.ui.training.TrainingView) stage.getScene().lookup("#training-view")).setShowing(false);
            }
            stage.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
            if (Boolean.getBoolean("aeworkbench.measure.layout")) {
                logLongLayouts(stage.getScene());
            }
            wb[0].data().set(data);
            wb[0].design().reset(spec);
        });
        // Let the PCA fit (started when the data arrives), any job and the first layout finish before timing.
        long wait = System.nanoTime();
        while (!WaitForAsyncUtils.asyncFx(() -> wb[0].pca().fitted() != null && wb[0].pca().fitted().data() == wb[0].data().current()
                && wb[0].jobs().running().isEmpty()).get() && System.nanoTime() - wait < 120e9) {
            Thread.sleep(100);
        }
        if (WaitForAsyncUtils.asyncFx(() -> wb[0].data().current() != data).get()) {
            throw new IllegalStateException("the window prepared the data again: the runs would not train on the same data");
        }
        Thread.sleep(500 + Long.getLong("aeworkbench.measure.waitMs", 0));
        GcPauses gc = new GcPauses();
        gc.collect(); // System.gc(), which also sets the GC clock's offset
        CountDownLatch done = new CountDownLatch(1);
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Late> late = java.util.Collections.synchronizedList(new ArrayList<>()); // delays over lateMs
        AtomicLong worstDelay = new AtomicLong();
        boolean stacks = Boolean.getBoolean("aeworkbench.measure.stacks");
        List<Object[]> samples = java.util.Collections.synchronizedList(new ArrayList<>()); // nanoTime, thread, stack
        Thread[] threads = stacks ? fxAndRenderer() : null;
        // The prober goes on for the settling time after the run (the window then encodes and shows
        // every sample); delays posted after the run's end are reported apart and not counted in it.
        java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicLong runEnd = new AtomicLong(Long.MAX_VALUE);
        SchedStats[] sched = Boolean.getBoolean("aeworkbench.measure.schedstat") || ALL_THREADS
                ? new SchedStats[] {SchedStats.ofThreadNamed("JavaFX Applicat"), SchedStats.ofThreadNamed("QuantumRenderer")} : null;
        Thread prober = new Thread(() -> {
            while (probing.get()) {
                long[][] schedBefore = readAll(sched);
                var allBefore = ALL_THREADS ? SchedStats.everyThreadOnCore() : null;
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                AtomicLong delay = new AtomicLong();
                Platform.runLater(() -> {
                    long d = System.nanoTime() - posted;
                    boolean inRun = posted < runEnd.get();
                    if (inRun) {
                        worstDelay.accumulateAndGet(d, Math::max);
                        delays.add(d);
                    }
                    delay.set(d);
                    ran.countDown();
                });
                try {
                    // While the FX thread is late, sample what it and the renderer do every 2 ms
                    // (diagnosis of long pauses; printed with the pause they belong to).
                    while (!ran.await(stacks ? 2 : 5000, TimeUnit.MILLISECONDS)) {
                        if (stacks) {
                            long at = System.nanoTime();
                            for (Thread th : threads) {
                                samples.add(new Object[] {at, th == threads[0] ? "FX" : "renderer", condensed(th.getStackTrace())});
                            }
                        }
                    }
                    if (delay.get() > LATE_NANOS) {
                        long[][] schedAfter = readAll(sched);
                        String cores = sched == null ? "" : String.format(Locale.ROOT,
                                "; FX ran %.1f ms, waited for a core %.1f ms; renderer ran %.1f ms, waited %.1f ms",
                                (schedAfter[0][0] - schedBefore[0][0]) / 1e6, (schedAfter[0][1] - schedBefore[0][1]) / 1e6,
                                (schedAfter[1][0] - schedBefore[1][0]) / 1e6, (schedAfter[1][1] - schedBefore[1][1]) / 1e6);
                        late.add(new Late(posted, delay.get(), cores,
                                allBefore == null ? null : SchedStats.busiest(allBefore, SchedStats.everyThreadOnCore(), 6)));
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-probe");
        java.util.Map<Long, Long> cpuBefore = threadCpu();
        java.util.Map<Long, Long> allocatedBefore = threadAllocated();
        long processBefore = processCpu();
        var osBefore = osThreads();
        long[] t = new long[2];
        long[] clickNanos = new long[1];
        long[] pulseCount = new long[2];
        double[] rate = new double[1];
        Platform.runLater(() -> {
            TrainingSession s = wb[0].training();
            s.stateProperty().addListener((obs, old, now) -> {
                if (now == TrainingSession.State.IDLE) {
                    t[1] = System.nanoTime();
                    runEnd.set(t[1]);
                    pulseCount[1] = pulses.get();
                    var h = s.history().epochs();
                    rate[0] = h.isEmpty() ? Double.NaN : h.get(h.size() - 1).snapshot().samplesPerSecond();
                    done.countDown();
                }
            });
            prober.setDaemon(true);
            if (probe) {
                prober.start();
            }
            t[0] = System.nanoTime();
            pulseCount[0] = pulses.get();
            trainButton[0].fire(); // as the user starts it: the button's action, not the model's method
            clickNanos[0] = System.nanoTime() - t[0];
        });
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("training through the window did not finish");
        }
        java.util.Map<Long, Long> cpuAfter = threadCpu();
        java.util.Map<Long, Long> allocatedAfter = threadAllocated();
        long processAfter = processCpu();
        if (Boolean.getBoolean("aeworkbench.measure.threads")) {
            printOsDelta("window", osBefore, osThreads());
        }
        // Once training ends the window encodes every sample (up to 60,000) for the scatters in the
        // background: let that finish before the next headless run is timed.
        Thread.sleep(3000);
        probing.set(false);
        prober.join(10_000);
        gc.close();
        var inRun = gc.pauses().stream().filter(p -> p.end() >= t[0] && p.start() <= t[1]).toList();
        long lateDuringGc;
        long lateInRun;
        synchronized (late) {
            lateDuringGc = late.stream().filter(l -> l.posted() < t[1] && gc.overlaps(l.posted(), l.posted() + l.delay())).count();
            lateInRun = late.stream().filter(l -> l.posted() < t[1]).count();
        }
        double longestGc = inRun.stream().mapToDouble(GcPauses.Pause::millis).max().orElse(0);
        double longestDelay = worstDelay.get() / 1e6; // in the run, whatever lateMs
        System.out.printf(Locale.ROOT, "           GC during the window run: %d pauses, longest %.1f ms (%s); FX delays over %s ms: %d,"
                        + " of which %d overlap a GC pause%n", inRun.size(), longestGc,
                inRun.stream().max(java.util.Comparator.comparingDouble(GcPauses.Pause::millis)).map(GcPauses.Pause::cause).orElse("-"),
                LATE_MS, lateInRun, lateDuringGc);
        // A GC pause stops the FX thread as well, and the prober with it: count both.
        System.out.printf(Locale.ROOT, "           the FX thread's longest pause in the window run, GC pauses included: %.1f ms (%s)%n",
                Math.max(longestGc, longestDelay), longestGc > longestDelay ? "a GC pause" : "a runLater delay");
        synchronized (late) {
            for (Late l : late) {
                System.out.printf(Locale.ROOT, "             late by %.1f ms at %.2f s of the run's %.2f s (posted %s)%s%s%n", l.delay() / 1e6,
                        (l.posted() - t[0]) / 1e9, (t[1] - t[0]) / 1e9, wallClock(l.posted()),
                        (l.posted() < t[1] ? "" : " (after its end, not counted)")
                                + (gc.overlaps(l.posted(), l.posted() + l.delay()) ? " (overlaps a GC pause)" : ""), l.cores());
                if (l.busiest() != null) {
                    System.out.printf(Locale.ROOT, "               on a core meanwhile (ms): %s%n", l.busiest());
                }
                synchronized (samples) {
                    for (Object[] sample : samples) {
                        long when = (Long) sample[0];
                        if (when >= l.posted() && when <= l.posted() + l.delay()) {
                            System.out.printf(Locale.ROOT, "               %+5.1f ms %-8s %s%n", (when - l.posted()) / 1e6, sample[1], sample[2]);
                        }
                    }
                }
            }
        }
        double[] cpu = cpuSplit(cpuBefore, cpuAfter);
        // Kernels run as interpreted or C1 code, or compiled without their intrinsics, box their vectors:
        // gigabytes a run where compiled ones allocate megabytes (round twenty-six).
        long allocatedInRun = 0;
        for (var e : allocatedAfter.entrySet()) {
            allocatedInRun += e.getValue() - allocatedBefore.getOrDefault(e.getKey(), 0L);
        }
        System.out.printf(Locale.ROOT, "           allocated during the window run: %,.0f MB (%,.0f MB/s; threads that ended in it not counted)%n",
                allocatedInRun / 1e6, allocatedInRun / 1e6 / ((t[1] - t[0]) / 1e9));
        System.out.printf(Locale.ROOT, "           window run: %d animation pulses in %.2f s (from %s); the Train button's action took the FX thread %.1f ms%n",
                pulseCount[1] - pulseCount[0], (t[1] - t[0]) / 1e9, wallClock(t[0]), clickNanos[0] / 1e6);
        if (Boolean.getBoolean("aeworkbench.measure.threads")) {
            for (Thread th : Thread.getAllStackTraces().keySet()) {
                Long after = cpuAfter.get(th.getId());
                double used = after == null ? 0 : (after - cpuBefore.getOrDefault(th.getId(), 0L)) / 1e9;
                Long allocated = allocatedAfter.get(th.getId());
                double mb = allocated == null ? 0 : (allocated - allocatedBefore.getOrDefault(th.getId(), 0L)) / 1e6;
                if (used > 0.02 || mb > 1) {
                    System.out.printf(Locale.ROOT, "           thread %-32s %.2f s, %,.0f MB allocated%n", th.getName(), used, mb);
                }
            }
        }
        cpu[1] = (processAfter - processBefore) / 1e9 - cpu[0]; // everything else: training, BLAS threads, GC
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(wb[0]::close).get(10, TimeUnit.SECONDS);
        long[] sorted;
        synchronized (delays) {
            sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        double p99 = sorted.length == 0 ? Double.NaN : sorted[(int) (0.99 * (sorted.length - 1))] / 1e6;
        double p50 = sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2] / 1e6;
        return new double[] {(t[1] - t[0]) / 1e9, rate[0], p50, worstDelay.get() / 1e6, p99, cpu[0], cpu[1]};
    }

    /**
     * Prints each pulse whose CSS and layout passes took over 4 ms, with the parents that needed
     * layout as it began (diagnosis: which part of the window a long pulse lays out).
     */
    private static void logLongLayouts(javafx.scene.Scene scene) {
        long[] began = new long[1];
        List<String> dirty = new ArrayList<>();
        scene.addPreLayoutPulseListener(() -> {
            dirty.clear();
            collectDirty(scene.getRoot(), dirty);
            began[0] = System.nanoTime();
        });
        scene.addPostLayoutPulseListener(() -> {
            double ms = (System.nanoTime() - began[0]) / 1e6;
            if (ms > 4) {
                System.out.printf(Locale.ROOT, "             CSS and layout %.1f ms at %s; needed layout: %s%n", ms,
                        java.time.Instant.now(), dirty);
            }
        });
    }

    /**
     * Lists the deepest parents that need layout: a node asking for layout marks every ancestor
     * too, up to the nearest layout root (an unmanaged node), so the ones with no dirty parent
     * below them are where the requests came from. Each is given with its ancestors up to the
     * nearest one with an id. Every parent is visited: above a layout root, the ancestors are
     * only marked as a branch to walk, which {@code isNeedsLayout} does not show.
     *
     * @return whether {@code p} or a parent under it needs layout
     */
    private static boolean collectDirty(javafx.scene.Parent p, List<String> dirty) {
        boolean below = false;
        for (javafx.scene.Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.Parent c) {
                below |= collectDirty(c, dirty);
            }
        }
        if (p.isNeedsLayout() && !below) {
            dirty.add(path(p));
        }
        return below || p.isNeedsLayout();
    }

    private static String path(javafx.scene.Node n) {
        StringBuilder sb = new StringBuilder();
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            String name = at.getClass().getSimpleName() + (at.getId() == null ? "" : "#" + at.getId());
            sb.insert(0, sb.length() == 0 ? name : name + ">");
            if (at.getId() != null && at != n) {
                break;
            }
        }
        return sb.toString();
    }

}
