"""The network: its structure, its weights and its forward pass.

This module is the code of the chapters "Designing the class"
(``book/03_class_design.ipynb``: ``__init__`` and ``create_weight_matrices``), "The
run method" (``book/04_run_method.ipynb``: the forward pass) and "Bias nodes"
(``book/05_bias.ipynb``: ``bias=True``). Training lives in :mod:`nnlib.training`,
saving in :mod:`nnlib.saving`; their functions are methods of the class.

Each layer has a weight matrix of shape ``(nodes, inputs + bias)``. With ``bias``,
a 1 is appended to the input of every layer, the bias node, so the last column of
each matrix holds the biases of the layer it leads into. For samples as columns:

    x̂ = [x; 1]             the input with its row of ones
    h = f(W₁ x̂), ĥ = [h; 1]  each hidden layer, f its activation
    y = output(W_L ĥ)       sigmoid (squared error) or softmax (cross-entropy)
"""

from __future__ import annotations

import itertools

import numpy as np
from numpy.typing import ArrayLike

from nnlib import _checks, saving, training
from nnlib.activations import HIDDEN_ACTIVATIONS
from nnlib.losses import LOSSES
from nnlib.optimizers import OPTIMIZERS
from nnlib.weights import INITIALISATIONS, SeedLike, as_generator, layer_weights


def with_ones_row(rows: np.ndarray, bias: bool) -> np.ndarray:
    """Samples given as rows, as columns, with a row of ones below them if ``bias``."""
    if not bias:
        return rows.T
    x_hat = np.empty((rows.shape[0], rows.shape[1] + 1), rows.dtype)
    x_hat[:, :-1] = rows
    x_hat[:, -1] = 1.0
    return x_hat.T


def room_with_ones_row(n_nodes: int, n_samples: int, bias: bool, dtype) -> np.ndarray:
    """An array for the values of a layer, one column per sample, with the row of
    ones already below them if ``bias``: the matrix product fills the rows above."""
    values = np.empty((n_nodes + bias, n_samples), dtype)
    values[n_nodes:] = 1.0
    return values


class NeuralNetwork:
    """A fully connected network: an input layer, hidden layers, an output layer.

    Give the layers as in the chapters, ``NeuralNetwork(no_of_in_nodes,
    no_of_out_nodes, no_of_hidden_nodes, learning_rate)``, where
    ``no_of_hidden_nodes`` is one number or a list (one per hidden layer), or all
    at once, ``NeuralNetwork(network_structure=[784, 80, 80, 10], learning_rate=0.1)``.

    Keyword options (the defaults are the network of the chapters):

    - ``bias``: a bias node with the constant value 1 in the input and each hidden layer;
    - ``seed``: an ``int``, a ``numpy.random.Generator`` or ``None``, for the weights
      and the dropout masks;
    - ``activation`` of the hidden layers: ``"sigmoid"``, ``"tanh"`` or ``"relu"``;
    - ``loss``: ``"squared_error"`` (sigmoid outputs) or ``"cross_entropy"`` (softmax);
    - ``weight_init``: ``"truncated_normal"`` (chapter "Weights"), ``"glorot"``, ``"he"``;
    - ``optimizer``: ``"sgd"``, ``"momentum"``, ``"adam"``, or one of the classes of
      :mod:`nnlib.optimizers` with its settings, e.g. ``Adam(beta1=0.8)``;
    - ``l2``: weight decay, λ of the penalty ½λ‖W‖² (bias weights excluded);
    - ``dropout``: the share of hidden nodes switched off in each training step;
    - ``dtype``: ``np.float64`` or ``np.float32``, for the weights and all arithmetic.
    """

    def __init__(
        self,
        no_of_in_nodes: int | None = None,
        no_of_out_nodes: int | None = None,
        no_of_hidden_nodes: int | list[int] | None = None,
        learning_rate: float | None = None,
        *,
        network_structure: list[int] | None = None,
        bias: bool = False,
        seed: SeedLike = None,
        activation: str = "sigmoid",
        loss: str = "squared_error",
        weight_init: str = "truncated_normal",
        optimizer: str | object = "sgd",
        l2: float = 0.0,
        dropout: float = 0.0,
        dtype: type = np.float64,
    ) -> None:
        sizes = _checks.layer_sizes(
            no_of_in_nodes, no_of_out_nodes, no_of_hidden_nodes, network_structure
        )
        self.network_structure = sizes
        self.no_of_in_nodes, self.no_of_out_nodes = sizes[0], sizes[-1]
        hidden = sizes[1:-1]
        self.no_of_hidden_nodes = hidden[0] if len(hidden) == 1 else hidden
        self.learning_rate = _checks.positive_finite_float(learning_rate, "learning_rate")
        self.bias = _checks.true_or_false(bias, "bias")
        self._activation = _checks.one_of(activation, HIDDEN_ACTIVATIONS, "activation")
        self._loss = _checks.one_of(loss, LOSSES, "loss")
        names = {name: name for name in INITIALISATIONS}
        self.weight_init = _checks.one_of(weight_init, names, "weight_init")
        self.optimizer = _checks.optimizer(optimizer, OPTIMIZERS)
        self.l2 = _checks.real_number(l2, "l2", "a finite number >= 0", 0.0, np.inf)
        self.dropout = _checks.real_number(dropout, "dropout", "a share in [0, 1)", 0.0, 1.0)
        self.dtype = _checks.float_dtype(dtype)
        self._rng = as_generator(seed)
        self.create_weight_matrices()

    @property
    def activation(self) -> str:
        return self._activation.name

    @property
    def loss(self) -> str:
        return self._loss.name

    def create_weight_matrices(self) -> None:
        """Draw every weight matrix afresh from the network's random generator, layer
        by layer from the input; see :mod:`nnlib.weights`."""
        sizes = self.network_structure
        self._weights = [
            layer_weights(self.weight_init, n_out, n_in, self.bias, self._rng).astype(self.dtype)
            for n_in, n_out in itertools.pairwise(sizes)
        ]

    def _shape(self, layer: int) -> tuple[int, int]:
        return (self.network_structure[layer + 1], self.network_structure[layer] + self.bias)

    # The weights are properties so that a matrix of the wrong shape is refused when
    # it is assigned, not later inside a matrix product.
    @property
    def weights(self) -> tuple[np.ndarray, ...]:
        """The weight matrices, from the input layer on; training changes them in place."""
        return tuple(self._weights)

    @weights.setter
    def weights(self, matrices: list[ArrayLike]) -> None:
        if not isinstance(matrices, (list, tuple)) or len(matrices) != len(self._weights):
            raise ValueError(
                f"weights: expected a list of {len(self._weights)} matrices, one per layer, "
                f"got {_checks.describe(matrices)}"
            )
        self._weights = [
            _checks.weight_matrix(
                matrix, f"weights[{layer}]", self._shape(layer), self.bias, self.dtype
            )
            for layer, matrix in enumerate(matrices)
        ]

    @property
    def weights_in_hidden(self) -> np.ndarray:
        """The weights from the input layer into the (first) hidden layer."""
        return self._weights[0]

    @weights_in_hidden.setter
    def weights_in_hidden(self, matrix: ArrayLike) -> None:
        self._weights[0] = _checks.weight_matrix(
            matrix, "weights_in_hidden", self._shape(0), self.bias, self.dtype
        )

    @property
    def weights_hidden_out(self) -> np.ndarray:
        """The weights from the (last) hidden layer into the output layer."""
        return self._weights[-1]

    @weights_hidden_out.setter
    def weights_hidden_out(self, matrix: ArrayLike) -> None:
        last = len(self._weights) - 1
        self._weights[-1] = _checks.weight_matrix(
            matrix, "weights_hidden_out", self._shape(last), self.bias, self.dtype
        )

    # The forward pass ----------------------------------------------------------------

    def run(self, input_vector: ArrayLike) -> np.ndarray:
        """The network's output for one sample (a list, tuple or 1-D array of
        ``no_of_in_nodes`` numbers) or for several, one per row of a 2-D array.

        The result has one row per output node and one column per sample.
        """
        rows = _checks.input_rows(input_vector, self.no_of_in_nodes, self.dtype)
        # Huge finite inputs can make weighted sums overflow to ±inf; the sigmoid and
        # the softmax give their limits there, so that overflow is no error.
        with np.errstate(over="ignore"):
            return self._loss.output(self._forward(self._input_columns(rows))[1])

    def predict(self, input_vector: ArrayLike) -> np.ndarray:
        """The predicted class of each sample: the index of its largest output."""
        return np.argmax(self.run(input_vector), axis=0)

    def _input_columns(self, rows: np.ndarray) -> np.ndarray:
        """x̂: checked samples (rows) as columns, with the bias node's row of ones."""
        return with_ones_row(rows, self.bias)

    def _forward(self, x_hat: np.ndarray, dropout_masks=None):
        """The input of every layer (with its row of ones if ``bias``) and the weighted
        sums of the output layer. In training, ``dropout_masks`` multiply the values
        of the hidden layers, one mask per layer."""
        layer_inputs = [x_hat]
        for layer, weights in enumerate(self._weights[:-1]):
            h_hat = room_with_ones_row(len(weights), x_hat.shape[1], self.bias, self.dtype)
            h = h_hat[: len(weights)]
            self._activation.apply(np.matmul(weights, layer_inputs[-1], out=h), out=h)
            if dropout_masks is not None:
                h *= dropout_masks[layer]
            layer_inputs.append(h_hat)
        return layer_inputs, self._weights[-1] @ layer_inputs[-1]

    # Training (the chapter "Training by backpropagation") and saving (the chapter
    # "Recognising handwritten digits"), each in its own module.
    gradients = training.gradients
    train = training.train
    fit = training.fit
    save = saving.save
    load = classmethod(saving.load)

    def __repr__(self) -> str:
        if isinstance(self.no_of_hidden_nodes, int):
            sizes = (f"no_of_in_nodes={self.no_of_in_nodes}, "
                     f"no_of_out_nodes={self.no_of_out_nodes}, "
                     f"no_of_hidden_nodes={self.no_of_hidden_nodes}")  # fmt: skip
        else:
            sizes = f"network_structure={self.network_structure}"
        arguments = [sizes, f"learning_rate={self.learning_rate!r}"]
        arguments += [f"{name}={value!r}" for name, value in self.options().items()]
        return f"NeuralNetwork({', '.join(arguments)})"

    def options(self) -> dict:
        """The keyword options that differ from their defaults, as ``repr`` shows them."""
        chosen = {
            "bias": self.bias, "activation": self.activation, "loss": self.loss,
            "weight_init": self.weight_init, "optimizer": self.optimizer.name,
            "l2": self.l2, "dropout": self.dropout, "dtype": np.dtype(self.dtype).name,
        }  # fmt: skip
        defaults = {"bias": False, "activation": "sigmoid", "loss": "squared_error",
                    "weight_init": "truncated_normal", "optimizer": "sgd", "l2": 0.0,
                    "dropout": 0.0, "dtype": "float64"}  # fmt: skip
        return {name: value for name, value in chosen.items() if value != defaults[name]}
