import hashlib
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

# Element-wise activations, named as in the workbench's model specs. Leaky ReLU's slope is 0.01
# (Maas et al. 2013) and ELU's alpha 1 (Clevert et al. 2015), as in the engine.
ACTIVATIONS = {
    "identity": lambda z: z,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda z: F.leaky_relu(z, 0.01),
    "elu": F.elu,
    "softplus": F.softplus,
}


def uniform_init(weight, activation, fan_in, fan_out):
    """The workbench's initialisation: He-uniform, limit sqrt(6 / fan_in), for the ReLU family
    (He et al. 2015); Glorot-uniform, limit sqrt(6 / (fan_in + fan_out)), otherwise (Glorot and
    Bengio 2010). Biases start at zero."""
    relu_like = activation in ("relu", "leaky_relu", "elu")
    limit = math.sqrt(6.0 / fan_in) if relu_like else math.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        weight.uniform_(-limit, limit)


def channels_last(x):
    """A batch as vectors in the workbench's feature order: an image batch (N, C, H, W) is read
    channels last, (N, H, W, C), and flattened; vectors stay as they are."""
    return x.permute(0, 2, 3, 1).flatten(1) if x.dim() == 4 else x


def as_image(x, height=1, width=1):
    """A batch of channels-last vectors (N, H * W * C) as images (N, C, H, W); images stay as they are."""
    if x.dim() == 4:
        return x
    return x.reshape(x.shape[0], height, width, -1).permute(0, 3, 1, 2)
