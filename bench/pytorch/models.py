"""The benchmark's models in PyTorch, the twins of the Java presets, and their FLOP counts.

FLOPs are counted analytically, the same way on both sides: a dense layer of `n_in` inputs and `n_out`
outputs costs 2*n_in*n_out per sample forward (one multiply and one add per weight) and 4*n_in*n_out
backward (the gradient with respect to its input and to its weights), so a network costs
    6 * sum(n_in * n_out)   FLOPs per sample per training step.
A convolution is counted the same way with n_in*n_out replaced by its multiply-accumulates,
out_h * out_w * out_channels * k_h * k_w * in_channels. Biases, activations, losses, pooling,
upsampling and the optimiser are not counted (they are O(units), not O(weights)).
"""
import torch
from torch import nn
from torch.nn import functional as F

REFERENCE_SIZES = [784, 512, 128, 2, 128, 512, 784]
HINTON_SIZES = [784, 1000, 500, 250, 30, 250, 500, 1000, 784]
VAE_SIZES = (784, 400, 20)


def dense_autoencoder(sizes):
    """Linear layers of `sizes`; ReLU after each hidden layer except the code (the narrowest layer),
    which is linear as in Hinton and Salakhutdinov (2006); the last layer gives logits, so the
    sigmoid output is folded into the loss (BCE from logits, stable and fused)."""
    code = sizes.index(min(sizes))
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(nn.Linear(n_in, n_out))
        is_output = i == len(sizes) - 2
        if not is_output and i + 1 != code:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def dense_flops_per_sample(sizes):
    """6 * sum(n_in * n_out): forward 2, backward 4 FLOPs per weight and sample."""
    return 6 * sum(a * b for a, b in zip(sizes, sizes[1:]))


def bce_from_logits(logits, target):
    """Binary cross-entropy of sigmoid(logits), summed over features and averaged over the batch."""
    return F.binary_cross_entropy_with_logits(logits, target, reduction="sum") / target.shape[0]


class Vae(nn.Module):
    """The PyTorch examples VAE (Kingma and Welling 2013): 784-400-(mu 20, log sigma^2 20), 20-400-784."""

    def __init__(self, sizes=VAE_SIZES):
        super().__init__()
        n_in, hidden, latent = sizes
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc21 = nn.Linear(hidden, latent)
        self.fc22 = nn.Linear(hidden, latent)
        self.fc3 = nn.Linear(latent, hidden)
        self.fc4 = nn.Linear(hidden, n_in)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        mu, logvar = self.fc21(h), self.fc22(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)  # reparameterisation
        return self.fc4(F.relu(self.fc3(z))), mu, logvar


def vae_loss_sum(logits, x, mu, logvar):
    """Negative ELBO summed over the batch, as the example: BCE summed over pixels plus the analytic
    KL(q(z|x) || N(0, I)) = -1/2 * sum(1 + log sigma^2 - mu^2 - sigma^2) (Kingma and Welling 2013, app. B).
    Returns (total, reconstruction, kl)."""
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return reconstruction + kl, reconstruction, kl


def vae_flops_per_sample(sizes=VAE_SIZES):
    n_in, hidden, latent = sizes
    return 6 * (n_in * hidden + 2 * hidden * latent + latent * hidden + hidden * n_in)


# The Keras blog's convolutional autoencoder (Chollet 2016, "Building autoencoders in Keras"):
# (kind, out_channels, padding) in order; 3x3 convolutions, ReLU except the last (sigmoid, in the loss).
CONV_AE = [
    ("conv", 16, 1), ("pool",), ("conv", 8, 1), ("pool",), ("conv", 8, 1), ("pool",),  # 28 -> 4x4x8 code
    ("conv", 8, 1), ("up",), ("conv", 8, 1), ("up",), ("conv", 16, 0), ("up",), ("conv", 1, 1),
]


def conv_autoencoder(spec=CONV_AE):
    """NCHW model of `spec`. Keras pools with padding='same'; for 2x2 stride-2 pooling that is
    ceil_mode=True (7x7 -> 4x4), which pads at the bottom and right as TensorFlow does."""
    layers, channels = [], 1
    last_conv = max(i for i, layer in enumerate(spec) if layer[0] == "conv")
    for i, layer in enumerate(spec):
        if layer[0] == "conv":
            layers.append(nn.Conv2d(channels, layer[1], 3, padding=layer[2]))
            channels = layer[1]
            if i != last_conv:
                layers.append(nn.ReLU())
        elif layer[0] == "pool":
            layers.append(nn.MaxPool2d(2, ceil_mode=True))
        else:
            layers.append(nn.Upsample(scale_factor=2, mode="nearest"))
    return nn.Sequential(*layers)


def conv_flops_per_sample(spec=CONV_AE, side=28):
    """6 * sum over convolutions of out_h*out_w*out_c*3*3*in_c (multiply-accumulates)."""
    macs, channels = 0, 1
    for layer in spec:
        if layer[0] == "conv":
            side = side + 2 * layer[2] - 2
            macs += side * side * layer[1] * 9 * channels
            channels = layer[1]
        elif layer[0] == "pool":
            side = -(-side // 2)
        else:
            side *= 2
    return 6 * macs
