def keep_k_largest(h, k):
    """The k-sparse code (Makhzani and Frey 2013): per sample the k largest values are kept and the
    others set to zero; the gradient flows through the kept ones only."""
    flat = channels_last(h)
    kept = flat.topk(k, dim=1).indices
    return torch.zeros_like(flat).scatter(1, kept, flat.gather(1, kept))


def scheduled_k(k, width, schedule_epochs, epoch):
    """k for a training epoch: falls linearly from the code width at epoch 0 to k at epoch
    `schedule_epochs` (Makhzani and Frey 2013, section 3.2), then stays there."""
    if schedule_epochs <= 0 or epoch is None or epoch >= schedule_epochs:
        return k
    return int(math.floor(width + (k - width) * max(0, epoch) / schedule_epochs + 0.5))
