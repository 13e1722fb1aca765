"""nnlib: the small neural-network library that the chapters of the book build.

One module per concept, in the order of the book:

- :mod:`nnlib.weights`: initial weights from a truncated normal distribution;
- :mod:`nnlib.activations`: sigmoid and ReLU with their derivatives;
- :mod:`nnlib.network`: the :class:`NeuralNetwork` class and its ``run`` method.
"""

from nnlib.activations import relu, relu_derivative, sigmoid, sigmoid_derivative
from nnlib.network import NeuralNetwork
from nnlib.weights import initial_weights, truncated_normal

__all__ = [
    "NeuralNetwork",
    "initial_weights",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "truncated_normal",
]
__version__ = "0.1.0"
