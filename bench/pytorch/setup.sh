#!/usr/bin/env bash
# Installs the PyTorch/numpy peer of the Java benchmark: Debian's python3-torch (1.13) and numpy, with
# OpenBLAS built for OpenMP. Idempotent; run as root. Everything in bench/pytorch runs under Debian's
# /usr/bin/python3 (where apt installs torch), not a pyenv or venv python that may come first on PATH.
#
# Run the scripts with OpenMP OpenBLAS first on the library path, so numpy's BLAS uses both cores:
#   export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp
#   /usr/bin/python3 bench/pytorch/workloads.py --threads 2
# workloads.py and fidelity.py call torch.set_num_threads(T) themselves (--threads, default: core count).
set -euo pipefail
PACKAGES=(python3-torch python3-numpy libopenblas0-openmp)
if [ "$(id -u)" != 0 ]; then
  echo "setup.sh: run as root (apt-get install ${PACKAGES[*]})" >&2
  exit 1
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 -c \
  'import torch, numpy; print("torch", torch.__version__, "numpy", numpy.__version__)'
