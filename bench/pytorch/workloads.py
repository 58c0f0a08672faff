#!/usr/bin/python3
"""The benchmark workloads in PyTorch (training) and numpy (PCA) on the CPU, the peer of
`java -jar target/ae-workbench.jar bench`.

    bench/pytorch/workloads.py [--json] [--quick] [--only NAME] [--threads T] [--data FILE]

Each workload runs in its own child process under Debian's /usr/bin/python3 with OpenMP OpenBLAS on
LD_LIBRARY_PATH (see setup.sh), so its peak memory (getrusage maxrss) is its own. In the child: one
warm-up, then --repeats timed runs; the median, min and max seconds are reported. Training workloads
time one epoch each run (seeded shuffle, minibatches of 128, the last one partial, as the Java trainer
does); PCA times one fit of the 60,000 x 784 matrix (float64, centring included); GEMM times one
torch.mm call of float32 (256x784)(784x512), averaged over a block of calls.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import peak  # noqa: E402

SAMPLES = 60_000
QUICK_SAMPLES = 6_000
BATCH = 128
GEMM_SHAPE = (256, 784, 512)
# name -> what it is, stated in the table and the README (the JSON carries names only).
WORKLOADS = {
    "dense-reference": "784-512-128-2-128-512-784, ReLU hidden, linear code, sigmoid out, BCE, Adam 1e-3, batch 128, 1 epoch",
    "hinton-2006": "784-1000-500-250-30 mirrored, ReLU hidden, linear code, sigmoid out, BCE, Adam 1e-3, batch 128, 1 epoch",
    "vae-784-400-20": "PyTorch example VAE, ReLU, sigmoid out, BCE sum + KL, Adam 1e-3, batch 128, 1 epoch",
    "conv-ae": "Keras blog conv AE 28x28x1 -> 4x4x8 -> 28x28x1, ReLU, sigmoid out, BCE, Adam 1e-3, batch 128, 1 epoch",
    "pca-60000x784": "numpy: np.linalg.svd(centred X, full_matrices=False), float64",
    "pca-60000x784-eigh": "numpy: covariance X^T X / (m-1) then np.linalg.eigh, float64",
    "gemm-256x784x512": "torch.mm float32 (256x784)(784x512), seconds per call",
}


def parse_args(argv):
    parser = argparse.ArgumentParser(description="PyTorch/numpy side of the AE Workbench benchmark.")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke run: {QUICK_SAMPLES} samples per epoch, 2 timed runs")
    parser.add_argument("--only", choices=list(WORKLOADS), help="run this workload only")
    parser.add_argument("--threads", type=int, default=2, help="threads for torch and OpenBLAS (default 2)")
    parser.add_argument("--repeats", type=int, help="timed runs per workload (default 3, 2 with --quick)")
    parser.add_argument("--data", help=f"IDX3 images to tile (default {common.MNIST_10K})")
    parser.add_argument("--peak-gflops", type=float, help="the machine's peak; measured when not given")
    parser.add_argument("--worker", choices=list(WORKLOADS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.threads < 1:
        parser.error("--threads must be at least 1")
    if args.repeats is None:
        args.repeats = 2 if args.quick else 3
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.data and not Path(args.data).exists():
        parser.error(f"--data {args.data}: no such file")
    return args


# ---------------------------------------------------------------- child side: one workload
def training_workload(name, x):
    """(warm-up, run, FLOPs per run, samples per run) of a training workload on x (n x 784 float32):
    a run is one epoch."""
    import torch
    import models
    torch.manual_seed(1)
    if name == "dense-reference" or name == "hinton-2006":
        sizes = models.REFERENCE_SIZES if name == "dense-reference" else models.HINTON_SIZES
        model, flops = models.dense_autoencoder(sizes), models.dense_flops_per_sample(sizes)
        loss_of = lambda m, b: models.bce_from_logits(m(b), b)
    elif name == "vae-784-400-20":
        model, flops = models.Vae(), models.vae_flops_per_sample()

        def loss_of(m, b):
            logits, mu, logvar = m(b)
            return models.vae_loss_sum(logits, b, mu, logvar)[0]
    else:
        model, flops = models.conv_autoencoder(), models.conv_flops_per_sample()
        x = x.reshape(-1, 1, 28, 28)
        loss_of = lambda m, b: models.bce_from_logits(m(b).flatten(1), b.flatten(1))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(2)
    warm_up = lambda: common.train_epoch(model, loss_of, optimiser, x, BATCH, generator, batches=20)
    run = lambda: common.train_epoch(model, loss_of, optimiser, x, BATCH, generator)
    return warm_up, run, flops * x.shape[0], x.shape[0]


def pca_workload(name, rows):
    """(warm-up, run, FLOPs per run, samples per run) of one PCA fit of rows by `name`'s route."""
    import numpy as np
    x = rows.astype(np.float64)

    def svd():
        centred = x - x.mean(axis=0)
        return np.linalg.svd(centred, full_matrices=False)

    def eigh():
        centred = x - x.mean(axis=0)
        return np.linalg.eigh(centred.T @ centred / (x.shape[0] - 1))

    run = svd if name == "pca-60000x784" else eigh
    # Counted work: forming the Gram matrix, 2*m*n^2, the term both routes share; LAPACK's O(n^3)
    # and the SVD's extra O(m*n^2) passes are not counted, so this understates the SVD's rate.
    return run, run, 2 * x.shape[0] * x.shape[1] ** 2, x.shape[0]


def gemm_workload(calls):
    """(warm-up, run, FLOPs per run, None) where a run is `calls` GEMMs into one preallocated output."""
    import torch
    m, k, n = GEMM_SHAPE
    generator = torch.Generator().manual_seed(3)
    a, b = torch.rand(m, k, generator=generator), torch.rand(k, n, generator=generator)
    out = torch.empty(m, n)

    def run():
        for _ in range(calls):
            torch.mm(a, b, out=out)
    return run, run, 2 * m * k * n * calls, None


def run_worker(args):
    """Runs args.worker in this process and prints one JSON line for the parent."""
    try:
        import numpy
        import torch
    except ImportError:
        print(f"workloads.py: {sys.executable} cannot import torch; run bench/pytorch/setup.sh as root",
              file=sys.stderr)
        sys.exit(2)
    common.set_threads(args.threads)
    name = args.worker
    samples = QUICK_SAMPLES if args.quick else SAMPLES
    if name.startswith("gemm"):
        calls = 50 if args.quick else 400
        warm_up, run, flops, count = gemm_workload(calls)
        data = "random matrices, seed 3"
    else:
        try:
            rows, data = common.benchmark_rows(samples, args.data)
        except (OSError, ValueError) as error:
            print(f"workloads.py: {error}", file=sys.stderr)
            sys.exit(2)
        if name.startswith("pca"):
            warm_up, run, flops, count = pca_workload(name, rows)
        else:
            warm_up, run, flops, count = training_workload(name, torch.from_numpy(rows))
        calls = 1
    warm_up()
    seconds = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        run()
        seconds.append((time.perf_counter() - start) / calls)
    median = statistics.median(seconds)
    gflops = flops / calls / median / 1e9
    result = {
        "name": name,
        "seconds_median": median,
        "seconds_min": min(seconds),
        "seconds_max": max(seconds),
        "samples_per_second": count / median if count else None,
        "gflops": gflops,
        "peak_fraction": gflops / args.peak_gflops if args.peak_gflops else None,
        "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
    }
    print(json.dumps({"result": result, "data": data, "blas": common.blas_in_use(),
                      "torch": torch.__version__, "numpy": numpy.__version__}))


# ---------------------------------------------------------------- parent side: all workloads
def run_all(args):
    names = [args.only] if args.only else list(WORKLOADS)
    peak_gflops, peak_source = ((args.peak_gflops, "given with --peak-gflops") if args.peak_gflops
                                else peak.machine_peak(args.threads))
    env = common.child_environment(args.threads)
    report = {"blas": None, "threads": args.threads, "workloads": [], "peak_gflops": peak_gflops,
              "peak_source": peak_source, "quick": args.quick, "repeats": args.repeats,
              "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "data": {},
              "load_average_at_start": os.getloadavg()[0]}
    for name in names:
        command = [common.python_with_torch(), __file__, "--worker", name, "--threads", str(args.threads),
                   "--repeats", str(args.repeats), "--peak-gflops", str(peak_gflops)]
        command += ["--quick"] if args.quick else []
        command += ["--data", args.data] if args.data else []
        child = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True)
        lines = child.stdout.strip().splitlines()
        if child.returncode != 0 or not lines:
            print(f"workloads.py: {name} failed (exit code {child.returncode}); see the message above",
                  file=sys.stderr)
            sys.exit(child.returncode or 1)
        answer = json.loads(lines[-1])
        report["workloads"].append(answer["result"])
        report["blas"] = report["blas"] or answer["blas"]
        report["torch"], report["numpy"] = answer["torch"], answer["numpy"]
        report["data"][name] = answer["data"]
        if not args.json:
            print(f"  done {name}: {answer['result']['seconds_median']:.4g} s", file=sys.stderr)
    return report


def table(report):
    """The report as aligned text: a header of context lines, then one row per workload."""
    lines = [f"BLAS:    {report['blas']}",
             f"threads: {report['threads']}   torch {report.get('torch')}   numpy {report.get('numpy')}"
             f"   repeats {report.get('repeats')}{'   QUICK' if report.get('quick') else ''}"
             f"   load average at start {report.get('load_average_at_start', 0):.2f}",
             f"peak:    {report['peak_gflops']:.1f} GFLOP/s ({report['peak_source']})"]
    lines += [f"data:    {name}: {source}" for name, source in report.get("data", {}).items()
              if not name.startswith("gemm")][:1]
    header = f"{'workload':<20}{'median s':>10}{'min s':>10}{'max s':>10}{'samples/s':>11}" \
             f"{'GFLOP/s':>9}{'peak':>7}{'mem MB':>8}"
    lines += ["", header, "-" * len(header)]
    for w in report["workloads"]:
        rate = f"{w['samples_per_second']:.0f}" if w["samples_per_second"] else "-"
        share = f"{100 * w['peak_fraction']:.1f}%" if w["peak_fraction"] is not None else "-"
        lines.append(f"{w['name']:<20}{w['seconds_median']:>10.4g}{w['seconds_min']:>10.4g}"
                     f"{w['seconds_max']:>10.4g}{rate:>11}{w['gflops']:>9.1f}{share:>7}"
                     f"{w['peak_memory_mb']:>8.0f}")
    lines += [""] + [f"{name}: {what}" for name, what in WORKLOADS.items()
                     if name in {w["name"] for w in report["workloads"]}]
    return "\n".join(lines)


def main(argv):
    args = parse_args(argv)
    if args.worker:
        run_worker(args)
        return
    report = run_all(args)
    print(json.dumps(report, indent=2) if args.json else table(report))


if __name__ == "__main__":
    main(sys.argv[1:])
