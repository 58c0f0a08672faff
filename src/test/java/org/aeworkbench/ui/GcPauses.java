package org.aeworkbench.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's pauses while it listens, on the {@link System#nanoTime} axis, so that a
 * late FX thread can be told apart from a stopped JVM (a measurement aid, Linux and HotSpot).
 *
 * <p>A pause's start and end come in milliseconds from the JVM's management clock, whose zero is
 * some tens of milliseconds after the zero of {@code RuntimeMXBean.getUptime()}: placed through the
 * uptime, pauses that began 20-30 ms after a window run had ended were counted in it (round
 * twenty-six, against the GC log). So {@link #collect()} is called in place of
 * {@code System.gc()}, and the end of that collection, timed from this side, sets the offset.
 */
final class GcPauses implements AutoCloseable {

    /** A pause from {@code start} to {@code end}, nanoTime. */
    record Pause(String cause, long start, long end) {
        double millis() {
            return (end - start) / 1e6;
        }
    }

    /** A pause as reported: milliseconds on the management clock. */
    private record Reported(String cause, long startMillis, long endMillis) {
    }

    private final List<Reported> reported = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private long offsetNanos = Long.MIN_VALUE; // nanoTime at management-clock zero, once calibrated
    private final NotificationListener listener = (n, handback) -> {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        synchronized (reported) {
            reported.add(new Reported(info.getGcCause(), info.getGcInfo().getStartTime(), info.getGcInfo().getEndTime()));
            reported.notifyAll();
        }
    };

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            // ZGC's and Shenandoah's "Cycles" beans time concurrent cycles, which do not stop the
            // application; their "Pauses" beans time the pauses.
            if (gc.getName().endsWith("Cycles")) {
                continue;
            }
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    /**
     * {@code System.gc()}, and the clocks' offset from it: the collection ends within a fraction of
     * a millisecond of the call's return (its notification arrives later, on another thread).
     */
    void collect() throws InterruptedException {
        int before;
        synchronized (reported) {
            before = reported.size();
        }
        System.gc();
        long returned = System.nanoTime();
        synchronized (reported) {
            long until = System.nanoTime() + 5_000_000_000L;
            while (reported.stream().skip(before).noneMatch(r -> r.cause().equals("System.gc()")) && System.nanoTime() < until) {
                reported.wait(100);
            }
            reported.stream().skip(before).filter(r -> r.cause().equals("System.gc()")).reduce((a, b) -> b)
                    .ifPresent(r -> offsetNanos = returned - r.endMillis() * 1_000_000L);
        }
    }

    /** The pauses so far on the nanoTime axis; empty until {@link #collect()} has calibrated it. */
    List<Pause> pauses() {
        synchronized (reported) {
            if (offsetNanos == Long.MIN_VALUE) {
                return List.of();
            }
            return reported.stream()
                    .map(r -> new Pause(r.cause(), offsetNanos + r.startMillis() * 1_000_000L, offsetNanos + r.endMillis() * 1_000_000L))
                    .toList();
        }
    }

    /** Whether a pause overlaps [from, to] (nanoTime), with a millisecond of slack for the clocks. */
    boolean overlaps(long from, long to) {
        for (Pause p : pauses()) {
            if (p.start() - 1_000_000L <= to && p.end() + 1_000_000L >= from) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // never added
            }
        }
    }
}
