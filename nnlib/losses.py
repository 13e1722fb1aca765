"""Losses: how far the outputs are from the targets, and where backpropagation starts.

Squared error with sigmoid outputs is the loss of the chapter "Training by
backpropagation" (``book/07_backpropagation.ipynb``); softmax outputs with
cross-entropy, the usual pair for classes, is its exercise on cross-entropy
carried to several classes.

A loss is a small class, as in Nielsen's ``network2.py``: it turns the weighted
sums ``z`` of the output layer into the outputs ``y``, gives the mean loss over the
samples, and gives the output layer's delta ``∂E/∂z``, where backpropagation
starts. Arrays hold one sample per column.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit


class SquaredError:
    """E = ½‖t - y‖² for each sample, with sigmoid outputs y = sigmoid(z)."""

    name = "squared_error"
    target_range = "the range of the sigmoid outputs"
    targets_sum_to_one = False

    @staticmethod
    def output(z: np.ndarray) -> np.ndarray:
        """The sigmoid of the weighted sums, computed in place: ``z`` becomes ``y``."""
        return expit(z, out=z)

    @staticmethod
    def value(z: np.ndarray, y: np.ndarray, t: np.ndarray) -> float:
        """The mean over the samples of ½‖t - y‖²."""
        errors = y - t
        return 0.5 * float(np.vdot(errors, errors)) / y.shape[1]

    @staticmethod
    def output_delta(y: np.ndarray, t: np.ndarray) -> np.ndarray:
        """∂E/∂z = (y - t) ⊙ y ⊙ (1 - y): the error times the sigmoid's derivative."""
        return (y - t) * y * (1.0 - y)


def log_softmax(z: np.ndarray) -> np.ndarray:
    """log softmax(z) for each column, straight from the weighted sums.

    log softmax(z)_k = z_k - log Σ_j exp(z_j). Subtracting the column's largest z
    first changes nothing in exact arithmetic, and keeps every exp at most 1: no
    overflow, and no log of a softmax output that has rounded to 0.
    """
    shifted = z - z.max(axis=0)  # (k, m) minus (m,): each column minus its largest
    return shifted - np.log(np.sum(np.exp(shifted), axis=0))


def softmax(z: np.ndarray) -> np.ndarray:
    """exp(z_k) / Σ_j exp(z_j) for each column: positive outputs that sum to 1."""
    exps = np.exp(z - z.max(axis=0))
    return exps / exps.sum(axis=0)


class CrossEntropy:
    """E = -Σ_k t_k log y_k for each sample, with softmax outputs y = softmax(z).

    The targets are probabilities over the classes (one-hot, or each summing to 1).
    The loss is computed from ``z`` with :func:`log_softmax`, never as the log of
    the outputs, and the output delta is simply y - t.
    """

    name = "cross_entropy"
    target_range = "probabilities of the classes"
    targets_sum_to_one = True

    @staticmethod
    def output(z: np.ndarray) -> np.ndarray:
        return softmax(z)

    @staticmethod
    def value(z: np.ndarray, y: np.ndarray, t: np.ndarray) -> float:
        """The mean over the samples of -Σ_k t_k log softmax(z)_k."""
        return -float(np.vdot(t, log_softmax(z))) / z.shape[1]

    @staticmethod
    def output_delta(y: np.ndarray, t: np.ndarray) -> np.ndarray:
        """∂E/∂z = y - t: softmax and cross-entropy together have this simple delta."""
        return y - t


LOSSES = {"squared_error": SquaredError, "cross_entropy": CrossEntropy}
