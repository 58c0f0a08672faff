def l1_sparsity(h, weight):
    """L1 activity penalty weight * sum_j |h_j| per sample, mean over the batch."""
    return weight * channels_last(h).abs().sum() / h.shape[0]


def kl_sparsity(h, weight, rho, eps=1e-6):
    """Sparsity target on mean firing rates (Ng, CS294A notes): with rho_hat_j unit j's mean over
    the batch, weight * sum_j KL(rho || rho_hat_j). rho_hat is clamped into (eps, 1 - eps) as the
    engine does, which keeps the gradient of an always-off or always-on unit large but finite
    (the clamp passes the gradient straight through, as the engine's does)."""
    rho_hat = channels_last(h).mean(dim=0)
    q = rho_hat + (rho_hat.clamp(eps, 1 - eps) - rho_hat).detach()
    return weight * torch.sum(rho * torch.log(rho / q) + (1 - rho) * torch.log((1 - rho) / (1 - q)))
