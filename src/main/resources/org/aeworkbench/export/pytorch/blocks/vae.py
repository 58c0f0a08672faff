def kl_divergence(mu, log_variance):
    """KL(N(mu, sigma^2) || N(0, I)) per sample, mean over the batch, in the closed form of
    Kingma and Welling 2014, appendix B: -1/2 sum_j (1 + log sigma_j^2 - mu_j^2 - sigma_j^2)."""
    return -0.5 * torch.sum(1 + log_variance - mu.pow(2) - log_variance.exp()) / mu.shape[0]


def reparameterise(mu, log_variance):
    """z = mu + sigma * eps, eps ~ N(0, I): a sample whose gradient reaches mu and log sigma^2."""
    return mu + torch.exp(0.5 * log_variance) * torch.randn_like(mu)
