class ConvTranspose2d(nn.Module):
    """Transposed convolution, weight (in, out, k, k) as nn.ConvTranspose2d stores it: the adjoint
    of the convolution from this layer's output shape back to its input. The full transposed
    output ((h - 1) stride + k rows) is cropped to the window that convolution's padding implies,
    crop = (top, left, height, width); output_padding adds the rows a kernel smaller than its
    stride never reaches, which hold the bias alone."""

    def __init__(self, in_channels, out_channels, kernel, stride, crop, output_padding, activation):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(in_channels, out_channels, kernel, kernel))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        self.stride = stride
        self.crop = crop
        self.output_padding = output_padding
        self.activation = activation
        area = kernel * kernel
        # Each output sums about (k / stride)^2 * in_channels inputs: the fan-in He's scaling needs.
        fan_in = max(1.0, area * in_channels / (stride * stride))
        uniform_init(self.weight, activation, fan_in, area * out_channels)

    def pre_activation(self, x):
        full = F.conv_transpose2d(as_image(x), self.weight, self.bias, self.stride,
                                  output_padding=self.output_padding)
        top, left, height, width = self.crop
        return full[:, :, top:top + height, left:left + width]

    def forward(self, x):
        return ACTIVATIONS[self.activation](self.pre_activation(x))
