package org.aeworkbench.engine.blas;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's compute context: one GEMM backend and a fixed pool of worker threads for
 * products and element-wise loops. Work is always split the same way for a given thread
 * count, which is what makes runs bit-for-bit repeatable.
 *
 * <p>Native OpenBLAS threads itself and is called from one Java thread, unless it is held to
 * one thread (OPENBLAS_NUM_THREADS=1, or {@value #SPLIT_PROPERTY}=true through
 * {@link OpenBlasThreads}); the Java backends are single-threaded. Single-threaded products are
 * split by rows over the pool.
 */
public final class Compute implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Compute.class);

    /** Set to true to hold OpenBLAS to one thread and split its products by rows (busy machines). */
    public static final String SPLIT_PROPERTY = "aeworkbench.blasSplit";

    /** The most threads a context may have: beyond, a typo (100000) would start as many threads as the OS allows. */
    public static final int MAX_THREADS = 1024;

    /** Element-wise loops shorter than this run on the calling thread. */
    private static final int MIN_PARALLEL_ELEMENTS = 1 << 15;

    private final Gemm gemm;
    private final int threads;
    private final ExecutorService pool;
    /** Wall time spent in products, when they are timed (null otherwise). */
    private final AtomicLong gemmNanos;

    private Compute(Gemm gemm, int threads, ExecutorService pool, AtomicLong gemmNanos) {
        this.gemm = gemmNanos == null ? gemm : new TimedGemm(gemm, gemmNanos);
        this.threads = threads;
        this.pool = pool;
        this.gemmNanos = gemmNanos;
    }

    /** What is wrong with a thread count, or null: 0 (all cores) up to {@link #MAX_THREADS}. */
    public static String threadsProblem(int threads) {
        return threads >= 0 && threads <= MAX_THREADS ? null
                : "threads must be 0 (all cores) or a number up to " + MAX_THREADS + ", not " + threads;
    }

    /** A context with the given backend and thread count (0 = all available processors). */
    public static Compute create(Backend backend, int threads) {
        return create(backend, threads, false);
    }

    /**
     * As {@link #create(Backend, int)}; with {@code timeProducts}, every product's wall time is added
     * up in {@link #gemmNanos()} (for training profiles; two clock reads per product).
     */
    public static Compute create(Backend backend, int threads, boolean timeProducts) {
        String problem = threadsProblem(threads);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int t = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, t - 1), r -> {
            Thread th = new Thread(r, "ae-compute-" + counter.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        Gemm single = select(backend);
        boolean nativeBlas = single instanceof NetlibGemm n && n.isNative();
        // OpenBLAS threads itself and is called from one thread: fastest on a quiet machine. Held to
        // one thread (OPENBLAS_NUM_THREADS=1, or -Daeworkbench.blasSplit=true) its products are split
        // by rows over the compute pool instead, which degrades more gently when other programs
        // share the cores (see OpenBlasThreads).
        boolean blasThreadsItself = nativeBlas && openBlasThreadsItself();
        Gemm gemm = blasThreadsItself || t == 1 ? single : new RowSplitGemm(single, pool, t);
        return new Compute(gemm, t, pool, timeProducts ? new AtomicLong() : null);
    }

    /** The default context: fastest backend, all cores. */
    public static Compute createDefault() {
        return create(Backend.AUTO, 0);
    }

    private static Gemm select(Backend backend) {
        if (backend == Backend.AUTO || backend == Backend.NATIVE) {
            Gemm found = nativeGemm();
            if (found != null) {
                return found;
            }
            if (backend == Backend.NATIVE) {
                throw new IllegalStateException("native BLAS is not available (netlib found no " + NativeBlasLibrary.loadedName()
                        + "); install it with 'apt-get install libopenblas0' or use --blas java");
            }
        }
        if (backend != Backend.EJML) {
            if (Simd.available() && GemmMicroKernel.worthwhile()) {
                return new VectorGemm();
            }
            try {
                BLAS blas = JavaBLAS.getInstance();
                String kind = blas.getClass().getSimpleName().equals("VectorBLAS")
                        ? "Java Vector API" : "pure Java " + blas.getClass().getSimpleName();
                return new NetlibGemm(blas, kind + " (netlib)");
            } catch (Throwable t) {
                LOG.info("netlib Java BLAS not available ({}); using EJML", t.toString());
            }
        }
        return new EjmlGemm();
    }

    /**
     * netlib's choice: {@code BLAS.getInstance()} is a {@code NativeBLAS} when its JNI bridge
     * loaded the system's BLAS, and a Java implementation otherwise; null then.
     */
    private static Gemm nativeGemm() {
        BLAS blas;
        OpenBlasIdleSpin.beforeLoad();
        try {
            blas = BLAS.getInstance();
        } catch (Throwable t) {
            LOG.info("netlib did not load ({}); using the Java implementation", t.toString());
            return null;
        }
        if (!(blas instanceof NativeBLAS)) {
            LOG.info("netlib found no native BLAS ({}); using the Java implementation", NativeBlasLibrary.loadedName());
            return null;
        }
        return new NetlibGemm(blas, "native BLAS (" + NativeBlasLibrary.description() + " via netlib JNI)");
    }

    private static boolean openBlasThreadsItself() {
        String asked = System.getenv("OPENBLAS_NUM_THREADS");
        if (asked != null && !asked.isBlank()) {
            return !"1".equals(asked.trim());
        }
        if (!NativeBlasLibrary.isOpenBlas()) {
            return false; // a reference or other single-threaded BLAS, or one that cannot be asked
        }
        return !(Boolean.getBoolean(SPLIT_PROPERTY) && OpenBlasThreads.holdToOne());
    }

    public Gemm gemm() {
        return gemm;
    }

    public int threads() {
        return threads;
    }

    /** Nanoseconds spent in products so far, or 0 when this context does not time them. */
    public long gemmNanos() {
        return gemmNanos == null ? 0 : gemmNanos.get();
    }

    /** Backend and thread count as shown to the user. */
    public String description() {
        return gemm.name().contains("threads") ? gemm.name() : gemm.name() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** Body over an index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous blocks.
     * Blocks are fixed by n and the thread count, so a body that writes only its own range is
     * deterministic.
     */
    public void parallelFor(int n, RangeBody body) {
        int parts = (int) Math.min(threads, Math.max(1, n / MIN_PARALLEL_ELEMENTS));
        if (parts <= 1) {
            body.run(0, n);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            futures[p - 1] = pool.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) n / parts));
        Parallel.awaitAll(futures);
    }

    /**
     * Runs {@code body} over whole rows [0, rows) of a rows x width buffer, split so that each
     * thread gets a similar number of elements; splits depend only on the sizes and thread count.
     */
    public void parallelRows(int rows, int width, RangeBody body) {
        long elements = (long) rows * width;
        int parts = (int) Math.min(Math.min(threads, rows), Math.max(1, elements / MIN_PARALLEL_ELEMENTS));
        if (parts <= 1) {
            body.run(0, rows);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            futures[p - 1] = pool.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) rows / parts));
        Parallel.awaitAll(futures);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
