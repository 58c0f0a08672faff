/*
 * The machine's float32 peak, measured: every thread runs independent fused multiply-adds on 16
 * accumulators of 64 bytes (16 floats) and nothing else, so the loop is bound only by the FMA units.
 * Compiled with -march=native, the 64-byte vectors become one AVX-512 zmm FMA each where the CPU has
 * AVX-512, or two ymm FMAs with AVX2. 16 chains cover an FMA latency of 4 cycles on 2 ports (8 needed).
 * FLOPs = threads * iterations * 16 accumulators * 16 lanes * 2 (a multiply and an add per lane).
 * Usage: peak_fma THREADS  -> prints the best GFLOP/s of 9 runs of about 0.1 s each (the best, because
 * on a shared machine a run can lose its core to another process, never gain one).
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef float v16f __attribute__((vector_size(64)));
enum { ACCUMULATORS = 16, LANES = 16 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double run(long iterations, float *sink) {
    double start = now();
    float total = 0;
#pragma omp parallel reduction(+ : total)
    {
        v16f acc[ACCUMULATORS];
        const v16f scale = (v16f){0} + 0.9999999f, shift = (v16f){0} + 1e-7f; /* broadcasts */
        for (int i = 0; i < ACCUMULATORS; i++)
            for (int l = 0; l < LANES; l++) acc[i][l] = (float)(i + l + omp_get_thread_num());
        for (long k = 0; k < iterations; k++) {
#pragma GCC unroll 16 /* keeps all accumulators in registers */
            for (int i = 0; i < ACCUMULATORS; i++) acc[i] = acc[i] * scale + shift;
        }
        for (int i = 0; i < ACCUMULATORS; i++)
            for (int l = 0; l < LANES; l++) total += acc[i][l];
    }
    *sink += total; /* keeps the compiler from deleting the loop */
    return now() - start;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : omp_get_max_threads();
    if (threads < 1) { fprintf(stderr, "peak_fma: THREADS must be a positive integer\n"); return 2; }
    omp_set_num_threads(threads);
    float sink = 0;
    long iterations = 1000000;
    while (run(iterations, &sink) < 0.05) iterations *= 2; /* calibrate to about 0.05 s */
    iterations *= 2;
    double best = 0;
    for (int r = 0; r < 9; r++) {
        double seconds = run(iterations, &sink);
        double gflops = (double)threads * iterations * ACCUMULATORS * LANES * 2 / seconds / 1e9;
        if (gflops > best) best = gflops;
    }
    printf("%.1f\n", best);
    fprintf(stderr, "(sink %g)\n", sink);
    return 0;
}
