class Flatten(nn.Module):
    """An image as one vector, channels last (the workbench's order)."""

    def forward(self, x):
        return channels_last(x)


class Reshape(nn.Module):
    """The same values, read channels last, as images of height x width x channels."""

    def __init__(self, height, width, channels):
        super().__init__()
        self.height, self.width, self.channels = height, width, channels

    def forward(self, x):
        return as_image(channels_last(x), self.height, self.width)
