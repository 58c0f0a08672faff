def activation_derivative(activation, z, a):
    """f'(z), written with a = f(z) where that is cheaper, as the engine does."""
    if activation == "identity":
        return torch.ones_like(z)
    if activation == "sigmoid":
        return a * (1 - a)
    if activation == "tanh":
        return 1 - a * a
    if activation == "relu":
        return (z > 0).to(z.dtype)
    if activation == "leaky_relu":
        return torch.where(z > 0, torch.ones_like(z), torch.full_like(z, 0.01))
    if activation == "elu":
        return torch.where(z > 0, torch.ones_like(z), a + 1)
    if activation == "softplus":
        return torch.sigmoid(z)
    raise ValueError("unknown activation " + activation)


def contractive_penalty(layers, x, weight):
    """weight * ||J_f(x)||_F^2 per sample, mean over the batch, on the dense encoder's Jacobian
    (Rifai et al. 2011). One layer: the exact closed form of their eq. 5,
    sum_j f'(z_j)^2 sum_i W_ji^2. Deeper: Hutchinson's estimator E_v ||J v||^2 with one
    Rademacher probe v per sample, J v carried forward as a tangent beside the forward pass
    (t_l = f'(z_l) * (t_{l-1} W_l^T)); autograd differentiates both."""
    h = channels_last(x)
    if len(layers) == 1:
        layer = layers[0]
        z = layer.pre_activation(h)
        d = activation_derivative(layer.activation, z, ACTIVATIONS[layer.activation](z))
        return weight * torch.sum(d.pow(2) * layer.weight.pow(2).sum(dim=1)) / h.shape[0]
    t = torch.randint(0, 2, h.shape, device=h.device).to(h.dtype) * 2 - 1
    for layer in layers:
        z = layer.pre_activation(h)
        h = ACTIVATIONS[layer.activation](z)
        t = activation_derivative(layer.activation, z, h) * (t @ layer.weight.t())
    return weight * t.pow(2).sum() / h.shape[0]
