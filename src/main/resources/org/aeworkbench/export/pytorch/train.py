"""Trains the exported design with the workbench's objective, optimiser and settings (model.py:
TRAINING, OPTIMIZER), on one process or many.

    python3 train.py --data FILE [--labels FILE] --epochs N --out weights.safetensors [--resume CHECKPOINT]
    torchrun --nproc_per_node=N train.py --data FILE ...       (or python3 -m torch.distributed.run ...)

Data: NumPy .npy, IDX (as MNIST is published, gzipped or not) or CSV, prepared by model.prepare as
the workbench prepared its training data. A share of it (TRAINING["validation_fraction"], or
--val-fraction) is held out for validation, stratified by --labels when given. Training starts from
the exported weights when the export holds them (weights.safetensors beside model.py), else from
the design's initialisation. After each epoch a checkpoint (weights, optimiser state, random state)
is written beside --out; --resume CHECKPOINT continues from it. Launched by torchrun, each process
takes its share of every batch (DistributedDataParallel with a DistributedSampler), over NCCL on
GPUs and gloo on CPUs; the batch size stays the design's in total.

Exit codes: 0 done, 1 bad data or arguments, 3 the loss diverged (the last good weights are kept).
"""
import argparse
import gzip
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as design  # noqa: E402  (model.py beside this file)


# ---- data ----

IDX_TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_bytes(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def read_array(path, label_column=None):
    """An array from a .npy file, an IDX file (plain or gzipped) or a CSV/TSV file (a header row is
    recognised when its cells are not numbers; --label-column drops a column by name or number)."""
    if path.lower().endswith(".npy"):
        return np.load(path, allow_pickle=False)
    data = read_bytes(path)
    if len(data) >= 4 and data[0] == 0 and data[1] == 0 and data[2] in IDX_TYPES:
        dims = data[3]
        shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
        values = np.frombuffer(data, dtype=IDX_TYPES[data[2]], offset=4 + 4 * dims, count=int(np.prod(shape)))
        return values.reshape(shape)
    text = data.decode("utf-8-sig").splitlines()
    rows = [r for r in text if r.strip() and not r.startswith("#")]
    delimiter = "\t" if "\t" in rows[0] else ";" if rows[0].count(";") > rows[0].count(",") else ","
    cells = [r.split(delimiter) for r in rows]

    def numeric(cell):
        try:
            float(cell)
            return True
        except ValueError:
            return False

    header = None if all(numeric(c) for c in cells[0]) else [c.strip().strip('"') for c in cells[0]]
    body = cells[1:] if header is not None else cells
    if label_column is not None:
        drop = header.index(label_column) if header is not None and label_column in header else int(label_column)
        body = [r[:drop] + r[drop + 1:] for r in body]
    try:
        return np.array([[float(c) for c in r] for r in body], dtype=np.float32)
    except ValueError as e:
        raise SystemExit("train.py: %s: a cell is not a number (%s); drop text columns with --label-column" % (path, e))


def split(n, labels, fraction, seed):
    """Training and validation indices: a seeded shuffle, stratified by label when labels are given."""
    rng = np.random.default_rng(seed)
    if fraction <= 0:
        return np.arange(n), np.arange(0)
    groups = [np.arange(n)] if labels is None else [np.flatnonzero(labels == v) for v in np.unique(labels)]
    train, val = [], []
    for g in groups:
        g = rng.permutation(g)
        k = int(round(len(g) * fraction))
        val.append(g[:k])
        train.append(g[k:])
    return np.sort(np.concatenate(train)), np.sort(np.concatenate(val))


# ---- training ----

def make_optimizer(model, lr):
    """The workbench's optimiser (model.make_optimizer); weight decay on weights, not on biases."""
    decay = design.OPTIMIZER["weight_decay"]
    groups = [{"params": [p for p in model.parameters() if p.dim() > 1], "weight_decay": decay},
              {"params": [p for p in model.parameters() if p.dim() <= 1], "weight_decay": 0.0}]
    return design.make_optimizer(groups, lr)


def learning_rate(epoch, epochs):
    """The base learning rate times the schedule's factor for a 0-based epoch."""
    s = design.OPTIMIZER["schedule"]
    factor = {"constant": lambda: 1.0,
              "step": lambda: s["gamma"] ** (epoch // max(1, s["every"])),
              "exponential": lambda: s["gamma"] ** epoch,
              "cosine": lambda: 0.5 * (1 + math.cos(math.pi * epoch / max(1, epochs)))}[s["kind"]]()
    return design.OPTIMIZER["learning_rate"] * factor


class Objective(torch.nn.Module):
    """The model's loss as a module, so DistributedDataParallel sees every parameter it uses."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model.loss(x)


def evaluate(model, x, batch, device):
    """Mean loss terms per sample at inference (no noise, no sampling), and the mean summed squared
    reconstruction error (Hinton and Salakhutdinov 2006)."""
    model.eval()
    sums, squared = {}, 0.0
    with torch.no_grad():
        for start in range(0, x.shape[0], batch):
            xb = x[start:start + batch].to(device)
            _, terms = model.loss(xb)
            for k, v in terms.items():
                sums[k] = sums.get(k, 0.0) + float(v) * xb.shape[0]
            squared += float((model(xb) - xb).pow(2).sum())
    model.train()
    n = max(1, x.shape[0])
    return {k: v / n for k, v in sums.items()}, squared / n


def save_checkpoint(path, model, optimizer, epoch, history):
    """Weights, optimiser state and random state as one safetensors file (data only, nothing pickled)."""
    tensors = dict(model.state_dict())
    state = optimizer.state_dict()
    plain = {}
    for index, entry in state["state"].items():
        for key, value in entry.items():
            if torch.is_tensor(value):
                tensors["optimizer.%s.%s" % (index, key)] = value.detach().cpu().reshape(-1) if value.dim() == 0 else value
            else:
                plain["%s.%s" % (index, key)] = value
    tensors["rng.torch"] = torch.get_rng_state()
    meta = {"kind": "checkpoint", "epoch": str(epoch), "param_groups": json.dumps(state["param_groups"]),
            "optimizer_scalars": json.dumps(plain), "history": json.dumps(history)}
    design.write_safetensors(path, tensors, {**meta, "design": design.DESIGN_NAME, "format": "pt"})


def load_checkpoint(path, model, optimizer):
    tensors, meta = design.read_safetensors(path)
    if meta.get("kind") != "checkpoint":
        raise SystemExit("train.py: %s is not a checkpoint written by train.py" % path)
    design.load_weights(model, path)
    state = {"state": {}, "param_groups": json.loads(meta["param_groups"])}
    for name, a in tensors.items():
        if name.startswith("optimizer."):
            _, index, key = name.split(".", 2)
            value = torch.from_numpy(np.array(a))
            if key == "step":
                value = value.reshape(())
            state["state"].setdefault(int(index), {})[key] = value
    for name, value in json.loads(meta.get("optimizer_scalars", "{}")).items():
        index, key = name.split(".", 1)
        state["state"].setdefault(int(index), {})[key] = value
    optimizer.load_state_dict(state)
    torch.set_rng_state(torch.from_numpy(np.array(tensors["rng.torch"])))
    return int(meta["epoch"]), json.loads(meta.get("history", "[]"))


def epoch_line(epoch, epochs, train_terms, val_terms, val_recon, rate, seconds):
    line = "epoch %d/%d  train %.4f" % (epoch + 1, epochs, sum(train_terms.values()))
    if val_terms is not None:
        line += "  val %.4f" % sum(val_terms.values())
    if len(train_terms) > 1:
        line += "  (" + ", ".join("%s %.4f" % (k if k != "reconstruction" else "recon", v)
                                  for k, v in train_terms.items()) + ")"
    if val_recon is not None:
        line += "  val_recon_error %.3f" % val_recon
    return line + "  %s samples/s  %.1f s" % ("{:,.0f}".format(rate), seconds)


def main():
    p = argparse.ArgumentParser(description="Train " + design.DESIGN_NAME + " as the workbench would.")
    p.add_argument("--data", required=True, help="training data: .npy, IDX (.gz too) or CSV")
    p.add_argument("--labels", help="labels for --data, to stratify the validation split")
    p.add_argument("--label-column", help="a CSV column to leave out of the features (name or 0-based number)")
    p.add_argument("--epochs", type=int, default=design.TRAINING["epochs"])
    p.add_argument("--out", default="weights.safetensors", help="where to write the trained weights")
    p.add_argument("--resume", help="a checkpoint written by an earlier run")
    p.add_argument("--checkpoints", help="folder for the per-epoch checkpoints (default: beside --out)")
    p.add_argument("--batch-size", type=int, default=design.TRAINING["batch_size"], help="in total, over all processes")
    p.add_argument("--lr", type=float, help="override the learning rate")
    p.add_argument("--seed", type=int, default=design.TRAINING["seed"])
    p.add_argument("--val-fraction", type=float, default=design.TRAINING["validation_fraction"])
    p.add_argument("--weights", help="start from these weights instead of the exported ones")
    p.add_argument("--threads", type=int, help="CPU threads per process (torch.set_num_threads)")
    p.add_argument("--scale", choices=["255"], help="divide the values by 255 before model.prepare: bytes that the"
                   " workbench divided on loading (its bundled image sets) and so recorded no scaling for")
    args = p.parse_args()
    if args.lr is not None:
        design.OPTIMIZER["learning_rate"] = args.lr

    world = int(os.environ.get("WORLD_SIZE", "1"))
    distributed = world > 1
    if distributed:
        dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    rank = dist.get_rank() if distributed else 0
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    device = torch.device("cuda", local_rank) if torch.cuda.is_available() else torch.device("cpu")
    if device.type == "cuda":
        torch.cuda.set_device(device)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed + rank)

    raw = read_array(args.data, args.label_column)
    labels = read_array(args.labels).reshape(-1) if args.labels else None
    if labels is not None and len(labels) != raw.shape[0]:
        raise SystemExit("train.py: %s has %d labels for %d samples in %s" % (args.labels, len(labels), raw.shape[0], args.data))
    if args.scale == "255":
        raw = raw.astype(np.float32) / 255
    try:
        x = design.prepare(raw)
    except ValueError as e:
        raise SystemExit("train.py: %s: %s" % (args.data, e))
    low, high = float(x.min()), float(x.max())
    if design.LOSS == "bce" and (low < 0 or high > 1):
        raise SystemExit("train.py: %s: values lie in [%g, %g] after model.prepare, but binary cross-entropy needs [0, 1];"
                         " bytes the workbench divided by 255 when loading (its bundled image sets) need --scale 255"
                         % (args.data, low, high))
    train_idx, val_idx = split(x.shape[0], labels, args.val_fraction, args.seed)
    x_train, x_val = x[train_idx], x[val_idx]

    model = design.DESIGN()
    start = args.weights or (design.WEIGHTS_FILE if os.path.exists(design.WEIGHTS_FILE) else None)
    if start:
        design.load_weights(model, start)
    model.to(device).train()
    optimizer = make_optimizer(model, design.OPTIMIZER["learning_rate"])
    first_epoch, history = 0, []
    if args.resume:
        done, history = load_checkpoint(args.resume, model, optimizer)
        first_epoch = done + 1
    objective = Objective(model)
    if distributed:
        objective = DistributedDataParallel(objective, device_ids=[local_rank] if device.type == "cuda" else None)

    per_process = max(1, math.ceil(args.batch_size / world))
    dataset = TensorDataset(x_train)
    sampler = DistributedSampler(dataset, shuffle=True, seed=args.seed) if distributed else None
    generator = torch.Generator().manual_seed(args.seed)
    loader = DataLoader(dataset, batch_size=per_process, sampler=sampler, shuffle=sampler is None, generator=generator)
    out_dir = args.checkpoints or os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    clip = design.TRAINING["clip_norm"]
    patience = design.TRAINING["patience"]
    best, since_best, best_state = math.inf, 0, None
    last_good = {k: v.clone() for k, v in model.state_dict().items()}
    if rank == 0:
        print("%s on %s: %d train / %d validation samples, %d process(es) on %s, batch %d (%d per process)"
              % (design.DESIGN_NAME, args.data, len(train_idx), len(val_idx), world, device.type,
                 per_process * world, per_process), flush=True)
    status = 0
    began = time.time()
    for epoch in range(first_epoch, args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        model.on_epoch_start(epoch)
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(epoch, args.epochs)
        sums = {}
        seen = 0
        t0 = time.time()
        for (xb,) in loader:
            xb = xb.to(device)
            loss, terms = objective(xb)
            if not torch.isfinite(loss):
                status = 3
                break
            optimizer.zero_grad()
            loss.backward()
            if clip > 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            optimizer.step()
            for k, v in terms.items():
                sums[k] = sums.get(k, 0.0) + float(v) * xb.shape[0]
            seen += xb.shape[0]
        if distributed:
            names = sorted(sums)
            totals = torch.tensor([sums[k] for k in names] + [float(seen), float(status)], dtype=torch.float64,
                                  device=device)
            dist.all_reduce(totals)
            sums = {k: float(totals[i]) for i, k in enumerate(names)}
            seen, status = int(totals[-2]), 3 if totals[-1] > 0 else 0
        if status == 3:
            model.load_state_dict(last_good)
            if rank == 0:
                print("train.py: the loss diverged in epoch %d; the weights of the last good epoch are kept. Try a"
                      " lower learning rate (--lr) or gradient clipping." % (epoch + 1), file=sys.stderr)
            break
        seconds = time.time() - t0
        train_terms = {k: v / max(1, seen) for k, v in sums.items()}
        val_terms, val_recon = (evaluate(model, x_val, per_process * world, device) if len(val_idx) else (None, None))
        history.append({"epoch": epoch + 1, "train_loss": sum(train_terms.values()),
                        "val_loss": sum(val_terms.values()) if val_terms else None, "train_terms": train_terms,
                        "val_recon_error": val_recon})
        last_good = {k: v.clone() for k, v in model.state_dict().items()}
        if rank == 0:
            print(epoch_line(epoch, args.epochs, train_terms, val_terms, val_recon, seen / max(seconds, 1e-9),
                             time.time() - began), flush=True)
            save_checkpoint(os.path.join(out_dir, "checkpoint-epoch-%d.safetensors" % (epoch + 1)), model, optimizer,
                            epoch, history)
        if patience > 0 and val_terms:
            total = sum(val_terms.values())
            if total < best:
                best, since_best, best_state = total, 0, {k: v.clone() for k, v in model.state_dict().items()}
            else:
                since_best += 1
                if since_best >= patience:
                    model.load_state_dict(best_state)
                    if rank == 0:
                        print("stopped early: the validation loss did not improve for %d epochs" % patience)
                    break
    if rank == 0:
        design.save_weights(model, args.out, {"epochs": str(len(history)), "processes": str(world)})
        print("saved " + args.out)
        print(json.dumps({"status": "diverged" if status == 3 else "completed", "epochs": len(history),
                          "train_loss": [h["train_loss"] for h in history],
                          "val_loss": [h["val_loss"] for h in history], "processes": world}))
    if distributed:
        dist.barrier()
        dist.destroy_process_group()
    return status


if __name__ == "__main__":
    sys.exit(main())
