def to_input_layout(h):
    """A batch in the layout of the model's input: (N, C, H, W) images or (N, features) vectors."""
    if IMAGE_LAYOUT:
        return as_image(h, INPUT_SHAPE[0], INPUT_SHAPE[1])
    return channels_last(h)


def prepare(x):
    """Data as it was loaded, (N, features) in the workbench's channels-last order or images
    (N, H, W) / (N, H, W, C), to the float32 tensor the model takes, prepared as the workbench
    prepared its training data (see PREPARATION)."""
    x = x if torch.is_tensor(x) else torch.from_numpy(np.ascontiguousarray(x))
    x = x.reshape(x.shape[0], -1).to(torch.float32)
    features = INPUT_SHAPE[0] * INPUT_SHAPE[1] * INPUT_SHAPE[2]
    if x.shape[1] != features:
        raise ValueError("the data has %d values per sample but the model takes %d (%dx%dx%d)"
                         % (x.shape[1], features, *INPUT_SHAPE))
    scaling = PREPARATION["scaling"]
    if scaling != "none":
        offset = torch.as_tensor(np.asarray(PREPARATION["offset"], dtype=np.float32))
        scale = torch.as_tensor(np.asarray(PREPARATION["scale"], dtype=np.float32))
        x = (x - offset) / scale
    return as_image(x, INPUT_SHAPE[0], INPUT_SHAPE[1]) if IMAGE_LAYOUT else x


# Safetensors (Hugging Face's format: a little-endian u64 header length, a JSON header, then the
# raw little-endian tensors) is data only: reading it runs nothing. The `safetensors` package is
# used where it is installed; Debian's PyTorch has none, and numpy reads and writes the format.
SAFETENSORS_DTYPES = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4", "I16": "<i2",
                      "I8": "i1", "U8": "u1", "BOOL": "?"}


def data_sha256(arrays):
    """The workbench's checksum of a safetensors file's tensors (the format has none), kept in its
    metadata as "data_sha256": SHA-256 of every tensor's little-endian bytes, the tensors in the
    order of their names' UTF-8 bytes, whatever order the file stores them in."""
    sha = hashlib.sha256()
    for name in sorted(arrays, key=lambda s: s.encode("utf-8")):
        a = np.ascontiguousarray(arrays[name])
        sha.update((a.astype(a.dtype.newbyteorder("<")) if a.dtype.itemsize > 1 else a).tobytes())
    return sha.hexdigest()


def read_safetensors(path):
    """(name -> numpy array, metadata dict) of a safetensors file; a file holding the workbench's
    checksum ("data_sha256") is checked against it."""
    tensors, metadata = _read_safetensors(path)
    stored = metadata.get("data_sha256")
    if stored is not None and stored.strip().lower() != data_sha256(tensors):
        raise ValueError("%s: damaged weights file: the tensors do not match their checksum (data_sha256);"
                         " use another copy" % path)
    return tensors, metadata


def _read_safetensors(path):
    try:
        from safetensors import safe_open
    except ImportError:
        safe_open = None
    if safe_open is not None:
        with safe_open(path, framework="np") as f:
            return {name: f.get_tensor(name) for name in f.keys()}, dict(f.metadata() or {})
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError("%s: too short for a safetensors file" % path)
    n = int.from_bytes(data[:8], "little")
    if n > len(data) - 8:
        raise ValueError("%s: the header claims %d bytes but the file holds %d after it" % (path, n, len(data) - 8))
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    tensors = {}
    for name, entry in header.items():
        dtype = np.dtype(SAFETENSORS_DTYPES[entry["dtype"]])
        begin, end = entry["data_offsets"]
        if end > len(data) - 8 - n or end - begin != dtype.itemsize * int(np.prod(entry["shape"], dtype=np.int64)):
            raise ValueError("%s: tensor %s does not fit its offsets" % (path, name))
        values = np.frombuffer(data, dtype=dtype, count=(end - begin) // dtype.itemsize, offset=8 + n + begin)
        tensors[name] = values.reshape(entry["shape"]).astype(dtype.newbyteorder("="))
    return tensors, metadata


def write_safetensors(path, tensors, metadata=None):
    """Writes name -> array (numpy or torch) as safetensors, through a temporary file, so a run
    stopped while writing leaves the previous file whole."""
    arrays = {name: (t.detach().cpu().numpy() if torch.is_tensor(t) else np.asarray(t)) for name, t in tensors.items()}
    metadata = {str(k): str(v) for k, v in (metadata or {}).items()}
    metadata["data_sha256"] = data_sha256(arrays)
    tmp = path + ".tmp"
    try:
        from safetensors.numpy import save_file
    except ImportError:
        save_file = None
    if save_file is not None:
        save_file({k: np.ascontiguousarray(v) for k, v in arrays.items()}, tmp, metadata=metadata)
    else:
        codes = {np.dtype(v).newbyteorder("<").str if np.dtype(v).itemsize > 1 else np.dtype(v).str: k
                 for k, v in SAFETENSORS_DTYPES.items()}
        header, blobs, offset = {}, [], 0
        if metadata:
            header["__metadata__"] = metadata
        for name, a in arrays.items():
            a = np.ascontiguousarray(a)
            little = a.astype(a.dtype.newbyteorder("<")) if a.dtype.itemsize > 1 else a
            blob = little.tobytes()
            header[name] = {"dtype": codes[little.dtype.str], "shape": list(a.shape),
                            "data_offsets": [offset, offset + len(blob)]}
            blobs.append(blob)
            offset += len(blob)
        head = json.dumps(header, separators=(",", ":")).encode("utf-8")
        head += b" " * (-len(head) % 8)
        with open(tmp, "wb") as f:
            f.write(len(head).to_bytes(8, "little"))
            f.write(head)
            for blob in blobs:
                f.write(blob)
    os.replace(tmp, path)


def load_weights(model, path):
    """Loads a safetensors file of this design's weights (train.py's checkpoints too: their
    optimizer.* and rng.* tensors are left for train.py)."""
    tensors, _ = read_safetensors(path)
    state = {name: torch.from_numpy(np.array(a)) for name, a in tensors.items()
             if not name.startswith(("optimizer.", "rng."))}
    model.load_state_dict(state, strict=True)
    return model


def save_weights(model, path, metadata=None):
    """Writes the model's weights as safetensors, named and shaped as its state dict, which is what
    the workbench's `import pytorch` reads."""
    meta = {"format": "pt", "design": DESIGN_NAME, "producer": "model.py exported by " + PRODUCER}
    meta.update(metadata or {})
    write_safetensors(path, {k: v for k, v in model.state_dict().items()}, meta)


def load_model(weights=None):
    """The design as an nn.Module, in eval() mode. `weights` is a safetensors file to load; without
    it the weights exported beside this file are loaded when the export holds any, else the module
    keeps the design's initialisation."""
    model = DESIGN()
    if weights is None and os.path.exists(WEIGHTS_FILE):
        weights = WEIGHTS_FILE
    if weights is not None:
        load_weights(model, weights)
    return model.eval()
