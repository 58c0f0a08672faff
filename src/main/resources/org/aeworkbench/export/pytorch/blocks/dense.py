class Dense(nn.Module):
    """Fully connected layer, a = f(x W^T + b), with W stored (out, in) as nn.Linear stores it.
    An image input is read as a channels-last vector, the order the weights were learned in."""

    def __init__(self, in_features, out_features, activation):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_features, in_features))
        self.bias = nn.Parameter(torch.zeros(out_features))
        self.activation = activation
        uniform_init(self.weight, activation, in_features, out_features)

    def pre_activation(self, x):
        return F.linear(channels_last(x), self.weight, self.bias)

    def forward(self, x):
        return ACTIVATIONS[self.activation](self.pre_activation(x))


class TiedDense(nn.Module):
    """Decoder layer with tied weights (Vincent et al. 2008): a = f(h W_enc + c), where W_enc is
    the weight of the encoder layer it mirrors, passed in at each call; only the bias c is its own,
    so the shared weight gets the gradient of both uses."""

    def __init__(self, out_features, activation):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(out_features))
        self.activation = activation

    def pre_activation(self, x, encoder_weight):
        return F.linear(channels_last(x), encoder_weight.t(), self.bias)

    def forward(self, x, encoder_weight):
        return ACTIVATIONS[self.activation](self.pre_activation(x, encoder_weight))
