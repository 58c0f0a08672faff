package org.aeworkbench.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;
import org.aeworkbench.engine.train.BatchSnapshot;
import org.aeworkbench.ui.run.TrainingUpdate.BatchPoint;
import org.aeworkbench.ui.run.TrainingUpdate.EpochPoint;
import org.aeworkbench.ui.run.TrainingUpdate.ProbeFrame;
import org.aeworkbench.ui.run.TrainingUpdate.StageMark;

/**
 * The hand-off from the training thread to the FX thread. The training thread only appends
 * immutable points and replaces the newest probe, weights and batch; what arrives starts a timer
 * that posts one task to the FX thread {@code frameMillis} later, and the FX side drains it all at
 * once, so a burst of snapshots costs one redraw. An idle hand-off schedules nothing: its timer
 * thread ends, and nothing it holds keeps the window that owns it alive.
 */
public final class HandOff {

    /** Everything that arrived since the previous drain. */
    public record Drained(List<BatchPoint> batches, List<EpochPoint> epochs, List<StageMark> stages, List<ProbeFrame> frames,
                   ProbeFrame probe, ModelSnapshot weights, BatchSnapshot lastBatch, String warning) {
    }

    private final ConcurrentLinkedQueue<Object> points = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ProbeFrame> probe = new AtomicReference<>();
    private final AtomicReference<ModelSnapshot> weights = new AtomicReference<>();
    private final AtomicReference<BatchSnapshot> lastBatch = new AtomicReference<>();
    private final AtomicReference<String> warning = new AtomicReference<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    /** Whether a post is already scheduled for what arrived. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor timer;
    private final long frameMillis;
    private final Executor ui;
    private final Runnable deliver;

    /**
     * @param ui      runs tasks on the UI thread ({@code Platform::runLater} in the window)
     * @param deliver runs there and is expected to call {@link #drain()}
     */
    public HandOff(long frameMillis, Executor ui, Runnable deliver) {
        this.frameMillis = frameMillis;
        this.ui = ui;
        this.deliver = deliver;
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ae-ui-pump");
            t.setDaemon(true);
            return t;
        });
        // A timer that ran forever kept every window that was ever opened reachable from its
        // thread (test JVMs open hundreds): between runs the thread ends and the queue is empty.
        timer.setKeepAliveTime(2, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** Schedules one post {@code frameMillis} from now, unless one is pending. */
    private void arrived() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(this::post, frameMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                scheduled.set(false); // closed: the window is going, nothing more is shown
            }
        }
    }

    /**
     * Posts the drain to the UI thread, unless a posted drain has not started yet: it will take
     * what arrived since, as it clears {@link #posted} before it drains.
     */
    private void post() {
        scheduled.set(false);
        boolean due = !points.isEmpty() || probe.get() != null || weights.get() != null || lastBatch.get() != null
                || warning.get() != null;
        if (due && posted.compareAndSet(false, true)) {
            ui.execute(() -> {
                posted.set(false);
                deliver.run();
            });
        }
    }

    // ---- training thread ----

    void stage(StageMark mark) {
        points.add(mark);
        arrived();
    }

    void batch(BatchPoint point, BatchSnapshot snapshot, ProbeFrame frame) {
        points.add(point);
        lastBatch.set(snapshot);
        if (frame != null) {
            probe.set(frame);
        }
        arrived();
    }

    /** An epoch's end: its point, the probe's codes (kept for the replay) and the weights. */
    void epoch(EpochPoint point, ProbeFrame frame, ModelSnapshot snapshot) {
        points.add(point);
        if (frame != null) {
            points.add(frame);
            probe.set(frame);
        }
        if (snapshot != null) {
            weights.set(snapshot);
        }
        arrived();
    }

    public void weights(ModelSnapshot snapshot) {
        weights.set(snapshot);
        arrived();
    }

    /** A sentence for the status bar about how training is going (the newest replaces an older one). */
    void warning(String sentence) {
        warning.set(sentence);
        arrived();
    }

    // ---- FX thread ----

    public Drained drain() {
        List<BatchPoint> batches = new ArrayList<>();
        List<EpochPoint> epochs = new ArrayList<>();
        List<StageMark> stages = new ArrayList<>();
        List<ProbeFrame> frames = new ArrayList<>();
        Object o;
        while ((o = points.poll()) != null) {
            if (o instanceof BatchPoint b) {
                batches.add(b);
            } else if (o instanceof EpochPoint e) {
                epochs.add(e);
            } else if (o instanceof StageMark s) {
                stages.add(s);
            } else if (o instanceof ProbeFrame f) {
                frames.add(f);
            }
        }
        return new Drained(batches, epochs, stages, frames, probe.getAndSet(null), weights.getAndSet(null),
                lastBatch.getAndSet(null), warning.getAndSet(null));
    }

    /** Forgets what is queued (a reset). */
    public void clear() {
        points.clear();
        probe.set(null);
        lastBatch.set(null);
        warning.set(null);
    }

    public void close() {
        timer.shutdownNow();
    }
}
