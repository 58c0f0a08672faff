class MaxPool2d(nn.Module):
    """Max pooling in which padded positions never win: pad = (left, right, top, bottom) of -inf."""

    def __init__(self, size, stride, pad):
        super().__init__()
        self.size, self.stride, self.pad = size, stride, pad

    def forward(self, x):
        x = as_image(x)
        if any(self.pad):
            x = F.pad(x, self.pad, value=-math.inf)
        return F.max_pool2d(x, self.size, self.stride)


class AvgPool2d(nn.Module):
    """Average pooling over the image pixels in each window: padded positions are not counted, so
    a window at the border averages fewer pixels (TensorFlow's rule, the workbench's)."""

    def __init__(self, size, stride, pad):
        super().__init__()
        self.size, self.stride, self.pad = size, stride, pad

    def forward(self, x):
        x = as_image(x)
        ones = torch.ones_like(x[:1, :1])
        if any(self.pad):
            x = F.pad(x, self.pad)
            ones = F.pad(ones, self.pad)
        sums = F.avg_pool2d(x, self.size, self.stride) * (self.size * self.size)
        counts = F.avg_pool2d(ones, self.size, self.stride) * (self.size * self.size)
        return sums / counts
