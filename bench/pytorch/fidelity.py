#!/usr/bin/python3
"""PyTorch's (and numpy's) values for the fidelity report of `ae-workbench bench fidelity`.

    bench/pytorch/fidelity.py [--json] [--threads T] [--seed S] [--data FILE]

On the bundled MNIST 10k (pixels / 255) with a fixed split: rows 0..7999 train, 8000..9999 test.
Each model is trained from torch.manual_seed(seed) with a seeded shuffle, for the epochs stated in
EPOCHS, and evaluated on the test rows:
- keras-simple: 784-32-784, ReLU, sigmoid, BCE (mean per pixel, as Keras), Adam 1e-3 (Keras eps 1e-7),
  batch 256, Glorot-uniform weights and zero biases (Keras defaults); metric: test mean per-pixel BCE.
  Published: about 0.09-0.10 after 50 epochs on full MNIST (Chollet 2016, the Keras blog).
- vae-784-400-20: the PyTorch examples VAE, Adam 1e-3, batch 128, BCE summed + KL; metric: negative
  ELBO per test sample in nats with one z per sample, as the example's test loss. Published: about
  105.6 after 10 epochs on full MNIST.
- hinton-2006: 784-1000-500-250-30 mirrored, ReLU hidden, linear code, sigmoid output, BCE, Adam 1e-3,
  batch 128, no pretraining; metric: mean over test samples of the summed squared error.
  Published: 3.00 (Hinton and Salakhutdinov 2006, RBM-pretrained logistic units, full MNIST).
- pca-30: numpy SVD of the centred training rows, 30 components; same metric on the test rows.
  Published: 13.87 (same paper).
Numbers from 8,000 training images are expected to sit above the published full-MNIST values.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

TRAIN_ROWS, TEST_ROWS = (0, 8000), (8000, 10000)
# hinton-2006: at 50 epochs on 8,000 images the test error (about 11.5) is below PCA's; at 20 it is not yet.
EPOCHS = {"keras-simple": 50, "vae-784-400-20": 10, "hinton-2006": 50}
_REEXEC_MARK = "AE_FIDELITY_CHILD"


def parse_args(argv):
    parser = argparse.ArgumentParser(description="PyTorch values for the AE Workbench fidelity report.")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads for torch and OpenBLAS (default 1: values, not speed, are the point, and "
                             "one thread does not stall when another process holds the second core)")
    parser.add_argument("--seed", type=int, default=1, help="seed of initialisation and shuffling (default 1)")
    parser.add_argument("--data", default=str(common.MNIST_10K), help="IDX3 images, at least 10,000")
    args = parser.parse_args(argv)
    if args.threads < 1:
        parser.error("--threads must be at least 1")
    return args


def train(model, loss_of, x, epochs, batch, lr, seed, eps=1e-8):
    """Adam on minibatches of x in a fresh seeded order each epoch."""
    import torch
    optimiser = torch.optim.Adam(model.parameters(), lr=lr, eps=eps)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        common.train_epoch(model, loss_of, optimiser, x, batch, generator)


def keras_simple(train_x, test_x, seed):
    import torch
    from torch import nn
    from torch.nn import functional as F
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 784))
    for layer in (model[0], model[2]):  # Keras Dense defaults
        nn.init.xavier_uniform_(layer.weight)
        nn.init.zeros_(layer.bias)
    loss_of = lambda m, b: F.binary_cross_entropy_with_logits(m(b), b)  # mean per pixel, as Keras
    train(model, loss_of, train_x, EPOCHS["keras-simple"], 256, 1e-3, seed, eps=1e-7)
    with torch.no_grad():
        bce = F.binary_cross_entropy_with_logits(model(test_x), test_x).item()
    return {"metric": "test mean per-pixel BCE", "value": bce, "epochs": EPOCHS["keras-simple"],
            "batch": 256, "published": "about 0.09-0.10 (Keras blog, 50 epochs, full MNIST)"}


def vae(train_x, test_x, seed):
    import torch
    import models
    torch.manual_seed(seed)
    model = models.Vae()

    def loss_of(m, b):
        logits, mu, logvar = m(b)
        return models.vae_loss_sum(logits, b, mu, logvar)[0]
    train(model, loss_of, train_x, EPOCHS["vae-784-400-20"], 128, 1e-3, seed)
    with torch.no_grad():
        torch.manual_seed(seed + 1)  # the test pass draws one z per sample, as the example's test()
        logits, mu, logvar = model(test_x)
        total, reconstruction, kl = models.vae_loss_sum(logits, test_x, mu, logvar)
    n = test_x.shape[0]
    return {"metric": "negative ELBO per test sample (nats)", "value": total.item() / n,
            "reconstruction": reconstruction.item() / n, "kl": kl.item() / n,
            "epochs": EPOCHS["vae-784-400-20"], "batch": 128,
            "published": "about 105.6 (PyTorch examples VAE, 10 epochs, full MNIST)"}


def hinton_2006(train_x, test_x, seed):
    import torch
    import models
    torch.manual_seed(seed)
    model = models.dense_autoencoder(models.HINTON_SIZES)
    loss_of = lambda m, b: models.bce_from_logits(m(b), b)
    train(model, loss_of, train_x, EPOCHS["hinton-2006"], 128, 1e-3, seed)
    with torch.no_grad():
        error = (torch.sigmoid(model(test_x)) - test_x).pow(2).sum(dim=1).mean().item()
    return {"metric": "test mean summed squared error", "value": error, "epochs": EPOCHS["hinton-2006"],
            "batch": 128, "published": "3.00 (Hinton and Salakhutdinov 2006, full MNIST)"}


def pca_30(train_rows, test_rows):
    import numpy as np
    train64, test64 = train_rows.astype(np.float64), test_rows.astype(np.float64)
    mean = train64.mean(axis=0)
    components = np.linalg.svd(train64 - mean, full_matrices=False)[2][:30]  # rows: top-30 directions
    centred = test64 - mean
    reconstruction = centred @ components.T @ components
    error = float(((centred - reconstruction) ** 2).sum(axis=1).mean())
    return {"metric": "test mean summed squared error", "value": error, "k": 30,
            "published": "13.87 (Hinton and Salakhutdinov 2006, full MNIST)"}


def fail(message):
    """One line on stderr and exit code 2, the project's answer to bad input."""
    print(f"fidelity.py: {message}", file=sys.stderr)
    sys.exit(2)


def report(args):
    import torch
    common.set_threads(args.threads)
    path = Path(args.data)
    if not path.exists():
        fail(f"{path} not found; the fidelity figures need the bundled MNIST 10k "
             f"(sample-data/mnist-10k-images-idx3-ubyte.gz) or --data FILE")
    try:
        images = common.read_idx_images(path)
    except (OSError, ValueError) as error:
        fail(str(error))
    if len(images) < TEST_ROWS[1]:
        fail(f"{path} has {len(images)} images; the split needs {TEST_ROWS[1]}")
    train_rows, test_rows = images[slice(*TRAIN_ROWS)], images[slice(*TEST_ROWS)]
    train_x, test_x = torch.from_numpy(train_rows), torch.from_numpy(test_rows)
    results, seconds = {}, {}
    for name, run in [("keras-simple", lambda: keras_simple(train_x, test_x, args.seed)),
                      ("vae-784-400-20", lambda: vae(train_x, test_x, args.seed)),
                      ("hinton-2006", lambda: hinton_2006(train_x, test_x, args.seed)),
                      ("pca-30", lambda: pca_30(train_rows, test_rows))]:
        start = time.perf_counter()
        results[name] = run()
        results[name]["seconds"] = time.perf_counter() - start
    return {"data": path.name, "split": {"train_rows": list(TRAIN_ROWS), "test_rows": list(TEST_ROWS)},
            "seed": args.seed, "threads": args.threads, "torch": torch.__version__,
            "blas": common.blas_in_use(), "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "results": results}


def text(document):
    lines = [f"data {document['data']}: train rows {document['split']['train_rows']}, test rows "
             f"{document['split']['test_rows']} (end exclusive); seed {document['seed']}, "
             f"{document['threads']} threads, torch {document['torch']}", ""]
    for name, r in document["results"].items():
        setting = f"{r['epochs']} epochs, batch {r['batch']}" if "epochs" in r else f"k={r['k']}"
        extra = f" (reconstruction {r['reconstruction']:.2f} + KL {r['kl']:.2f})" if "kl" in r else ""
        lines.append(f"{name:<16}{r['value']:>10.4f}{extra}  {r['metric']}; {setting}; "
                     f"{r['seconds']:.1f} s; published {r['published']}")
    return "\n".join(lines)


def main(argv):
    args = parse_args(argv)
    if os.environ.get(_REEXEC_MARK) is None:
        # Restart under Debian's python with OpenMP OpenBLAS: the loader reads LD_LIBRARY_PATH at start.
        env = common.child_environment(args.threads)
        env[_REEXEC_MARK] = "1"
        python = common.python_with_torch()
        os.execve(python, [python, __file__, *argv], env)
    document = report(args)
    print(json.dumps(document, indent=2) if args.json else text(document))


if __name__ == "__main__":
    main(sys.argv[1:])
