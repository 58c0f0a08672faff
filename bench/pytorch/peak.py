"""The machine's float32 peak in GFLOP/s, the denominator of every workload's peak_fraction.

Measured when a C compiler is present: peak_fma.c runs nothing but independent fused multiply-adds on
T threads (best of 9 runs). Otherwise, or when the machine was so busy that the measurement came out
below it, computed from lscpu as a nominal figure:
    cores * GHz * FLOPs per cycle per core,
where FLOPs per cycle is 64 with AVX-512 (two 16-lane FMA units, 2 FLOPs per lane), 32 with AVX2+FMA
(two 8-lane FMA units), 16 with AVX and 8 otherwise, and GHz is lscpu's "CPU max MHz" or, on a
virtual machine that hides it, half of BogoMIPS (the TSC rate). The nominal figure misses turbo
frequency, so it is lower than what the FMA units really do; prefer the measured one.
"""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measured_peak(threads):
    """GFLOP/s from peak_fma.c on `threads` threads, or None when it cannot be compiled or run."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, "peak_fma")
        build = subprocess.run([compiler, "-O3", "-march=native", "-fopenmp", str(HERE / "peak_fma.c"),
                                "-o", binary], capture_output=True, text=True)
        if build.returncode != 0:
            return None
        run = subprocess.run([binary, str(threads)], capture_output=True, text=True)
        if run.returncode != 0:
            return None
        return float(run.stdout.strip())


def lscpu():
    """lscpu's "Field: value" lines as a dict."""
    info = {}
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def nominal_peak(threads):
    """GFLOP/s from lscpu's core count, clock and vector flags (see the module docstring)."""
    info = lscpu()
    flags = set(info.get("Flags", "").split())
    if "avx512f" in flags:
        per_cycle = 64
    elif "avx2" in flags and "fma" in flags:
        per_cycle = 32
    elif "avx" in flags:
        per_cycle = 16
    else:
        per_cycle = 8
    mhz = float(info.get("CPU max MHz") or float(info.get("BogoMIPS", "0")) / 2)
    cores = min(threads, int(info.get("CPU(s)", "1")))
    return cores * mhz / 1000 * per_cycle


def machine_peak(threads):
    """(GFLOP/s, how it was obtained) for `threads` threads: the measured figure, unless another
    process held a core while it ran and pushed it below the nominal one, which the FMA units exceed
    whenever they run at or above the TSC clock (a measurement can only come out too low)."""
    measured, nominal = measured_peak(threads), nominal_peak(threads)
    if measured is not None and measured >= nominal:
        return measured, f"measured: bench/pytorch/peak_fma.c, independent float32 FMAs on {threads} threads"
    if measured is not None:
        return nominal, (f"nominal: lscpu cores x clock x FLOPs/cycle (the measurement, {measured:.1f}, "
                         f"was below it: the machine was busy)")
    return nominal, "nominal: lscpu cores x clock x FLOPs/cycle (no C compiler to measure)"


if __name__ == "__main__":
    import sys
    t = int(sys.argv[1]) if len(sys.argv) > 1 else os.cpu_count()
    value, source = machine_peak(t)
    print(f"{value:.1f} GFLOP/s ({source}); nominal {nominal_peak(t):.1f}")
