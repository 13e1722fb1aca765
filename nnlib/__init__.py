"""nnlib: the small neural-network library that the chapters of the book build.

One module per concept, in the order of the book:

- :mod:`nnlib.weights`: initial weights from a truncated normal distribution;
- :mod:`nnlib.activations`: sigmoid and ReLU with their derivatives;
- :mod:`nnlib.network`: the :class:`NeuralNetwork` class: its ``run`` method, bias
  nodes, training by backpropagation (``train``, ``fit``), ``save`` and ``load``;
- :mod:`nnlib.metrics`: one-hot targets, accuracy, confusion matrix, precision
  and recall.
"""

from nnlib.activations import relu, relu_derivative, sigmoid, sigmoid_derivative
from nnlib.metrics import accuracy, confusion_matrix, one_hot, precision_recall
from nnlib.network import NeuralNetwork, TrainingHistory
from nnlib.weights import initial_weights, truncated_normal

__all__ = [
    "NeuralNetwork",
    "TrainingHistory",
    "accuracy",
    "confusion_matrix",
    "initial_weights",
    "one_hot",
    "precision_recall",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "truncated_normal",
]
__version__ = "0.2.0"
