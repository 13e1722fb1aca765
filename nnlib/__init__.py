"""nnlib: the small neural-network library that the chapters of the book build.

One module per concept, in the order of the book:

- :mod:`nnlib.weights`: initial weights (the book's truncated normal, Glorot, He);
- :mod:`nnlib.activations`: sigmoid, tanh and ReLU with their derivatives;
- :mod:`nnlib.network`: the :class:`NeuralNetwork` class, its layers, weights, bias
  nodes and forward pass (``run``, ``predict``);
- :mod:`nnlib.losses`: squared error with sigmoid outputs, cross-entropy with softmax;
- :mod:`nnlib.training`: backpropagation, ``train``, ``fit`` and its
  :class:`TrainingHistory`, with L2 weight decay, dropout and early stopping;
- :mod:`nnlib.optimizers`: plain gradient descent, momentum and Adam;
- :mod:`nnlib.saving`: ``save`` and ``load``;
- :mod:`nnlib.metrics`: one-hot targets, accuracy, confusion matrix, precision
  and recall.

Input errors are raised in one place, the private module ``nnlib._checks``.
"""

from nnlib.activations import (
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh_derivative,
)
from nnlib.metrics import accuracy, confusion_matrix, one_hot, precision_recall
from nnlib.network import NeuralNetwork
from nnlib.optimizers import SGD, Adam, Momentum
from nnlib.training import TrainingHistory
from nnlib.weights import glorot_weights, he_weights, initial_weights, truncated_normal

__all__ = [
    "SGD",
    "Adam",
    "Momentum",
    "NeuralNetwork",
    "TrainingHistory",
    "accuracy",
    "confusion_matrix",
    "glorot_weights",
    "he_weights",
    "initial_weights",
    "one_hot",
    "precision_recall",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "tanh_derivative",
    "truncated_normal",
]
__version__ = "1.0.0"
