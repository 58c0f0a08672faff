#!/usr/bin/env bash
# Rebuild the files taken verbatim from Debian packages: Fashion-MNIST's test split
# (dataset-fashion-mnist) and scikit-learn's digits and iris tables (python3-sklearn).
# Needs apt-get (Debian or Ubuntu) and dpkg; nothing is installed, the .deb files are unpacked
# in a temporary folder. Run from anywhere: bash sample-data/build/debian.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download dataset-fashion-mnist python3-sklearn
for deb in ./*.deb; do dpkg -x "$deb" x; done
cp x/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz "$out/fashion-mnist-t10k-images-idx3-ubyte.gz"
cp x/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz "$out/fashion-mnist-t10k-labels-idx1-ubyte.gz"
data=x/usr/lib/python3/dist-packages/sklearn/datasets/data
cp "$data/digits.csv.gz" "$out/digits.csv.gz"
cp "$data/iris.csv" "$out/iris.csv"
ls -l "$out"
