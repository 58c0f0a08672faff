def reconstruction_loss(kind, output, target, logits=None):
    """Per-sample reconstruction loss summed over features, mean over the batch (Hinton and
    Salakhutdinov 2006's convention, and the PyTorch VAE example's).
      mse: sum (a - x)^2;  l1: sum |a - x|
      bce: -sum [x log a + (1 - x) log(1 - a)], from the logits where the output layer is a sigmoid
           (exact where the sigmoid saturates), else from a clamped into [1e-7, 1 - 1e-7]."""
    n = target.shape[0]
    if kind == "mse":
        return (output - target).pow(2).sum() / n
    if kind == "l1":
        return (output - target).abs().sum() / n
    if logits is not None:
        return F.binary_cross_entropy_with_logits(logits, target, reduction="sum") / n
    p = output.clamp(1e-7, 1 - 1e-7)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).sum() / n
