"""Shared helpers for the sample-data rebuild scripts: a seeded shuffle that does not depend on
Python's own random module (so every Python 3 gives the same order) and a byte-stable gzip writer."""

import gzip
import struct

MASK64 = (1 << 64) - 1


def splitmix64(state):
    """One step of SplitMix64 (Steele, Lea, Flood 2014): returns (next_state, output)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def seeded_permutation(n, seed):
    """Fisher-Yates shuffle of 0..n-1 driven by SplitMix64; same seed, same order, everywhere."""
    order = list(range(n))
    state = seed & MASK64
    for i in range(n - 1, 0, -1):
        state, r = splitmix64(state)
        j = r % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def write_gzip(path, payload):
    """gzip with mtime 0 and no file name inside, so a rebuild gives the same bytes."""
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)


def idx_ubyte(dims, body):
    """IDX file of unsigned bytes: magic 0x0000 0x08 <ndims>, big-endian int32 sizes, then data."""
    header = struct.pack(">BBBB", 0, 0, 0x08, len(dims)) + b"".join(struct.pack(">i", d) for d in dims)
    return header + bytes(body)
