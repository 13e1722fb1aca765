"""A neural network with one hidden layer, built step by step.

This module is the code of two chapters: "Designing the class"
(``book/03_class_design.ipynb``: ``__init__`` and ``create_weight_matrices``)
and "The run method" (``book/04_run_method.ipynb``: the forward pass).

The network has ``no_of_in_nodes`` inputs, one hidden layer of
``no_of_hidden_nodes`` nodes and ``no_of_out_nodes`` outputs, no bias nodes,
and the sigmoid as activation in both layers. With a column vector ``x`` of
inputs, the forward pass is

    hidden = sigmoid(weights_in_hidden @ x)        # (hidden, 1)
    output = sigmoid(weights_hidden_out @ hidden)  # (out, 1)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from nnlib._checks import (
    as_float_array,
    positive_finite_float,
    positive_int,
    require_finite,
)
from nnlib.activations import sigmoid
from nnlib.weights import SeedLike, as_generator, initial_weights


class NeuralNetwork:
    """A fully connected network: input layer, one hidden layer, output layer.

    Parameters
    ----------
    no_of_in_nodes, no_of_out_nodes, no_of_hidden_nodes
        How many nodes each layer has; positive integers.
    learning_rate
        How large a step training takes; a positive finite number. It is kept
        for training, which a later chapter adds; running the network does not use it.
    seed
        An ``int`` for reproducible weights, a ``numpy.random.Generator`` to
        draw from, or ``None`` for fresh random weights.

    Attributes
    ----------
    weights_in_hidden
        Array of shape ``(no_of_hidden_nodes, no_of_in_nodes)``.
    weights_hidden_out
        Array of shape ``(no_of_out_nodes, no_of_hidden_nodes)``.
    """

    def __init__(
        self,
        no_of_in_nodes: int,
        no_of_out_nodes: int,
        no_of_hidden_nodes: int,
        learning_rate: float,
        *,
        seed: SeedLike = None,
    ) -> None:
        self.no_of_in_nodes = positive_int(no_of_in_nodes, "no_of_in_nodes")
        self.no_of_out_nodes = positive_int(no_of_out_nodes, "no_of_out_nodes")
        self.no_of_hidden_nodes = positive_int(no_of_hidden_nodes, "no_of_hidden_nodes")
        self.learning_rate = positive_finite_float(learning_rate, "learning_rate")
        self._rng = as_generator(seed)
        self.create_weight_matrices()

    def create_weight_matrices(self) -> None:
        """Draw both weight matrices afresh from the network's random generator.

        Each layer's weights come from a standard normal truncated to
        ``±1/sqrt(number of inputs of that layer)``; see :mod:`nnlib.weights`.
        """
        self.weights_in_hidden = initial_weights(
            self.no_of_hidden_nodes, self.no_of_in_nodes, self._rng
        )
        self.weights_hidden_out = initial_weights(
            self.no_of_out_nodes, self.no_of_hidden_nodes, self._rng
        )

    # The weights are properties so that a matrix of the wrong shape is refused
    # when it is assigned, not later inside a matrix product.
    @property
    def weights_in_hidden(self) -> np.ndarray:
        """Weights from the input layer into the hidden layer, shape (hidden, in)."""
        return self._weights_in_hidden

    @weights_in_hidden.setter
    def weights_in_hidden(self, matrix: ArrayLike) -> None:
        self._weights_in_hidden = self._checked_weights(
            matrix, "weights_in_hidden", (self.no_of_hidden_nodes, self.no_of_in_nodes)
        )

    @property
    def weights_hidden_out(self) -> np.ndarray:
        """Weights from the hidden layer into the output layer, shape (out, hidden)."""
        return self._weights_hidden_out

    @weights_hidden_out.setter
    def weights_hidden_out(self, matrix: ArrayLike) -> None:
        self._weights_hidden_out = self._checked_weights(
            matrix, "weights_hidden_out", (self.no_of_out_nodes, self.no_of_hidden_nodes)
        )

    @staticmethod
    def _checked_weights(matrix: ArrayLike, name: str, shape: tuple[int, int]) -> np.ndarray:
        weights = as_float_array(matrix, name)
        if weights.shape != shape:
            raise ValueError(
                f"{name}: expected an array of shape {shape}, got shape {weights.shape}"
            )
        require_finite(weights, name)
        return weights.copy()

    def run(self, input_vector: ArrayLike) -> np.ndarray:
        """Run the network forward and return its output.

        ``input_vector`` is one sample (a list, tuple or 1-D array of
        ``no_of_in_nodes`` numbers) or several samples, one per row of a 2-D
        array of shape ``(n_samples, no_of_in_nodes)``. The result has shape
        ``(no_of_out_nodes, n_samples)``: one column per sample.
        """
        samples = self._as_input_columns(input_vector)
        hidden = sigmoid(self.weights_in_hidden @ samples)
        return sigmoid(self.weights_hidden_out @ hidden)

    def _as_input_columns(self, input_vector: ArrayLike) -> np.ndarray:
        """Check the input and return it with one sample per column."""
        name = "input_vector"
        samples = as_float_array(input_vector, name)
        if samples.ndim not in (1, 2):
            what = (
                "a single number"
                if samples.ndim == 0
                else f"a {samples.ndim}-D array of shape {samples.shape}"
            )
            raise ValueError(
                f"{name}: expected one sample (list, tuple or 1-D array) or several samples "
                f"as the rows of a 2-D array, got {what}"
            )
        if samples.size == 0:
            raise ValueError(f"{name}: expected at least one sample of values, got empty input")
        rows = np.atleast_2d(samples)
        if rows.shape[1] != self.no_of_in_nodes:
            raise ValueError(
                f"{name}: expected {self.no_of_in_nodes} values per sample "
                f"(one per input node), got {rows.shape[1]}"
                + (
                    "; several samples go in the rows, not the columns (transpose it?)"
                    if samples.ndim == 2 and samples.shape[0] == self.no_of_in_nodes
                    else ""
                )
            )
        require_finite(samples, name)
        return rows.T

    def __repr__(self) -> str:
        return (
            f"NeuralNetwork(no_of_in_nodes={self.no_of_in_nodes}, "
            f"no_of_out_nodes={self.no_of_out_nodes}, "
            f"no_of_hidden_nodes={self.no_of_hidden_nodes}, "
            f"learning_rate={self.learning_rate!r})"
        )
