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
 */
final class GcPauses implements AutoCloseable {

    /** A pause from {@code start} to {@code end}, nanoTime. */
    record Pause(String cause, long start, long end) {
        double millis() {
            return (end - start) / 1e6;
        }
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, handback) -> {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        // GcInfo's times are milliseconds of JVM uptime: place them on the nanoTime axis through now.
        long now = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long end = now - (uptime - info.getGcInfo().getEndTime()) * 1_000_000L;
        long start = end - info.getGcInfo().getDuration() * 1_000_000L;
        synchronized (pauses) {
            pauses.add(new Pause(info.getGcCause(), start, end));
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

    List<Pause> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
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
