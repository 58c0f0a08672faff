class Conv2d(nn.Module):
    """2-D convolution (cross-correlation), a = f(x * W + b), weight (out, in, k, k) as
    nn.Conv2d stores it. The zeros around the image are given per side, (left, right, top, bottom):
    the workbench follows TensorFlow's "same" rule, which puts an odd pixel after, so the padding
    is applied explicitly before a valid convolution."""

    def __init__(self, in_channels, out_channels, kernel, stride, pad, activation):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_channels, in_channels, kernel, kernel))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        self.stride = stride
        self.pad = pad
        self.activation = activation
        area = kernel * kernel
        uniform_init(self.weight, activation, area * in_channels, area * out_channels)

    def pre_activation(self, x):
        x = as_image(x)
        if any(self.pad):
            x = F.pad(x, self.pad)
        return F.conv2d(x, self.weight, self.bias, self.stride)

    def forward(self, x):
        return ACTIVATIONS[self.activation](self.pre_activation(x))
