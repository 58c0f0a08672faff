def corrupt(x, kind, level, clip, input_shape):
    """Denoising corruption of training inputs (Vincent et al. 2008; JMLR 2010, section 4.2); the
    loss still compares the output with the clean input.
      masking:         each value set to 0 with probability `level`
      gaussian:        x + N(0, level^2) on every value
      salt-and-pepper: each value, with probability `level`, set to 0 or 1 with equal odds
      patch:           per image, a square of side round(sqrt(level) * min(H, W)) at a uniform
                       random place set to 0 in every channel (inpainting)
    `clip` clips the result to [0, 1]."""
    if kind == "masking":
        out = torch.where(torch.rand_like(x) < level, torch.zeros_like(x), x)
    elif kind == "gaussian":
        out = x + level * torch.randn_like(x)
    elif kind == "salt-and-pepper":
        u = torch.rand_like(x)
        out = torch.where(u >= level, x, (u >= level / 2).to(x.dtype))
    elif kind == "patch":
        height, width, channels = input_shape
        images = x if x.dim() == 4 else x.reshape(-1, height, width, channels).permute(0, 3, 1, 2)
        side = min(min(height, width), int(math.floor(math.sqrt(level) * min(height, width) + 0.5)))
        keep = torch.ones_like(images)
        for i in range(images.shape[0]):
            top = int(torch.randint(height - side + 1, ()))
            left = int(torch.randint(width - side + 1, ()))
            keep[i, :, top:top + side, left:left + side] = 0
        out = images * keep
        if x.dim() == 2:
            out = channels_last(out)
    else:
        raise ValueError("unknown noise kind " + kind)
    return out.clamp(0, 1) if clip else out
