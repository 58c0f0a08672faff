"""Data, threads, BLAS identification and the epoch loop shared by workloads.py and fidelity.py."""
import ctypes
import gzip
import os
import struct
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
MNIST_10K = REPO_ROOT / "sample-data" / "mnist-10k-images-idx3-ubyte.gz"
OPENBLAS_OPENMP = "/usr/lib/x86_64-linux-gnu/openblas-openmp"
DEBIAN_PYTHON = "/usr/bin/python3"
FALLBACK_SEED = 20240601


def read_idx_images(path):
    """Images of an IDX3 file (gzipped or not) as float32 rows in [0, 1] (uint8 / 255)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        raw = f.read()
    if len(raw) < 16:
        raise ValueError(f"{path}: {len(raw)} bytes, too short for an IDX3 header (16 bytes)")
    magic, count, rows, cols = struct.unpack(">IIII", raw[:16])
    if magic != 0x00000803:
        raise ValueError(f"{path}: magic number {magic:#010x}, expected 0x00000803 (IDX3 of unsigned bytes)")
    expected = 16 + count * rows * cols
    if len(raw) != expected:
        raise ValueError(f"{path}: {len(raw)} bytes, header says {count}x{rows}x{cols} images ({expected} bytes)")
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, rows * cols)
    return pixels.astype(np.float32) / 255.0


def benchmark_rows(count, data_path=None):
    """`count` rows of 784 floats in [0, 1] and a sentence saying where they came from.

    The bundled MNIST 10k tiled as often as needed (60,000 = 6 copies); when the file is missing,
    uniform random values from a fixed seed: a smoke test only, as they train at another speed.
    """
    path = Path(data_path) if data_path else MNIST_10K
    if path.exists():
        images = read_idx_images(path)
        copies = -(-count // len(images))
        return np.tile(images, (copies, 1))[:count], f"{path.name} tiled to {count} rows"
    rows = np.random.default_rng(FALLBACK_SEED).random((count, 784), dtype=np.float32)
    return rows, f"uniform random [0,1), seed {FALLBACK_SEED}, {count} rows ({path} not found)"


def child_environment(threads):
    """Environment for a process running torch/numpy on `threads` threads with OpenMP OpenBLAS.

    LD_LIBRARY_PATH must be set before the process starts for the loader to pick the OpenMP build
    of libblas.so.3 (which torch and numpy both link) over the pthreads one Debian prefers.
    """
    env = dict(os.environ)
    if os.path.isdir(OPENBLAS_OPENMP):
        env["LD_LIBRARY_PATH"] = ":".join(p for p in [OPENBLAS_OPENMP, env.get("LD_LIBRARY_PATH")] if p)
    env["OMP_NUM_THREADS"] = str(threads)
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    return env


def python_with_torch():
    """Debian's python3, where apt installs python3-torch; a pyenv python on PATH has no torch."""
    return DEBIAN_PYTHON if os.path.exists(DEBIAN_PYTHON) else os.environ.get("PYTHON", "python3")


def blas_in_use():
    """The BLAS library mapped into this process, with OpenBLAS's own build string when it is one."""
    with open("/proc/self/maps") as maps:
        libraries = sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1]})
    for library in libraries:
        try:
            lib = ctypes.CDLL(library)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            config = lib.openblas_get_config().decode()
            core = lib.openblas_get_corename().decode()
            return f"{config} core={core} ({library})"
        except (OSError, AttributeError):
            continue
    return ", ".join(libraries) or "unknown"


def set_threads(threads):
    """Intra-op threads for torch (OpenMP, which the OpenMP OpenBLAS shares)."""
    import torch
    torch.set_num_threads(threads)


def train_epoch(model, loss_of, optimiser, x, batch, generator, batches=None):
    """One epoch of minibatches of `batch` rows of x in a seeded random order (the last one partial);
    `batches` stops it early (a warm-up)."""
    import torch
    order = torch.randperm(x.shape[0], generator=generator)
    for k, start in enumerate(range(0, x.shape[0], batch)):
        if batches is not None and k == batches:
            break
        rows = x[order[start:start + batch]]
        optimiser.zero_grad(set_to_none=True)
        loss_of(model, rows).backward()
        optimiser.step()
