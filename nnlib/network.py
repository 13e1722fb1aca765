"""A neural network with one hidden layer, built step by step.

This module is the code of several chapters:

- "Designing the class" (``book/03_class_design.ipynb``): ``__init__`` and
  ``create_weight_matrices``;
- "The run method" (``book/04_run_method.ipynb``): the forward pass;
- "Bias nodes" (``book/05_bias.ipynb``): the option ``bias=True``;
- "Training by backpropagation" (``book/07_backpropagation.ipynb``): ``train`` and ``fit``;
- "Recognising handwritten digits" (``book/08_digits.ipynb``): ``predict``, ``save``
  and ``load``.

The network has ``no_of_in_nodes`` inputs, one hidden layer of
``no_of_hidden_nodes`` nodes and ``no_of_out_nodes`` outputs, and the sigmoid as
activation in both layers. With a column vector ``x`` of inputs, the forward pass is

    hidden = sigmoid(weights_in_hidden @ x)        # (hidden, 1)
    output = sigmoid(weights_hidden_out @ hidden)  # (out, 1)

With ``bias=True``, ``x`` and ``hidden`` each get one more entry, the constant 1,
before they are multiplied, so each weight matrix has one more column: its last
column holds the biases of the layer it leads into.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import expit

from nnlib._checks import (
    as_float_array,
    describe,
    positive_finite_float,
    positive_int,
    require_finite,
    require_in_unit_interval,
)
from nnlib.weights import SeedLike, as_generator, initial_weights


@dataclass
class TrainingHistory:
    """What :meth:`NeuralNetwork.fit` measured after each epoch, one entry per epoch.

    ``error`` is the mean of E = ½‖target - output‖² over the training samples.
    ``accuracy`` (the share of samples whose largest output is at the position of
    the 1 in their target) is measured only for one-hot targets, else it is empty;
    the ``validation_`` lists are the same measured on the validation data.
    """

    error: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    validation_error: list[float] = field(default_factory=list)
    validation_accuracy: list[float] = field(default_factory=list)

    @property
    def epochs(self) -> int:
        return len(self.error)


class NeuralNetwork:
    """A fully connected network: input layer, one hidden layer, output layer.

    Parameters
    ----------
    no_of_in_nodes, no_of_out_nodes, no_of_hidden_nodes
        How many nodes each layer has; positive integers.
    learning_rate
        The step size of :meth:`train`; a positive finite number.
    seed
        An ``int`` for reproducible weights, a ``numpy.random.Generator`` to
        draw from, or ``None`` for fresh random weights.
    bias
        If true, the input layer and the hidden layer each get a bias node with
        the constant value 1, and each weight matrix one more column for it.

    Attributes
    ----------
    weights_in_hidden
        Array of shape ``(no_of_hidden_nodes, no_of_in_nodes + bias)``.
    weights_hidden_out
        Array of shape ``(no_of_out_nodes, no_of_hidden_nodes + bias)``.
    """

    def __init__(
        self,
        no_of_in_nodes: int,
        no_of_out_nodes: int,
        no_of_hidden_nodes: int,
        learning_rate: float,
        *,
        seed: SeedLike = None,
        bias: bool = False,
    ) -> None:
        self.no_of_in_nodes = positive_int(no_of_in_nodes, "no_of_in_nodes")
        self.no_of_out_nodes = positive_int(no_of_out_nodes, "no_of_out_nodes")
        self.no_of_hidden_nodes = positive_int(no_of_hidden_nodes, "no_of_hidden_nodes")
        self.learning_rate = positive_finite_float(learning_rate, "learning_rate")
        if not isinstance(bias, (bool, np.bool_)):
            raise TypeError(f"bias: expected True or False, got {describe(bias)}")
        self.bias = bool(bias)
        self._rng = as_generator(seed)
        self.create_weight_matrices()

    def create_weight_matrices(self) -> None:
        """Draw both weight matrices afresh from the network's random generator.

        Each layer's weights come from a standard normal truncated to
        ``±1/sqrt(number of inputs of that layer)``, its bias node included;
        see :mod:`nnlib.weights`.
        """
        self.weights_in_hidden = initial_weights(*self._shape_in_hidden, self._rng)
        self.weights_hidden_out = initial_weights(*self._shape_hidden_out, self._rng)

    @property
    def _shape_in_hidden(self) -> tuple[int, int]:
        return (self.no_of_hidden_nodes, self.no_of_in_nodes + self.bias)

    @property
    def _shape_hidden_out(self) -> tuple[int, int]:
        return (self.no_of_out_nodes, self.no_of_hidden_nodes + self.bias)

    # The weights are properties so that a matrix of the wrong shape is refused
    # when it is assigned, not later inside a matrix product.
    @property
    def weights_in_hidden(self) -> np.ndarray:
        """Weights from the input layer into the hidden layer, shape (hidden, in + bias).
        Training changes this array in place; assigning a new one checks its shape."""
        return self._weights_in_hidden

    @weights_in_hidden.setter
    def weights_in_hidden(self, matrix: ArrayLike) -> None:
        self._weights_in_hidden = self._checked_weights(
            matrix, "weights_in_hidden", self._shape_in_hidden
        )

    @property
    def weights_hidden_out(self) -> np.ndarray:
        """Weights from the hidden layer into the output layer, shape (out, hidden + bias)."""
        return self._weights_hidden_out

    @weights_hidden_out.setter
    def weights_hidden_out(self, matrix: ArrayLike) -> None:
        self._weights_hidden_out = self._checked_weights(
            matrix, "weights_hidden_out", self._shape_hidden_out
        )

    def _checked_weights(self, matrix: ArrayLike, name: str, shape: tuple[int, int]) -> np.ndarray:
        weights = as_float_array(matrix, name)
        if weights.shape != shape:
            with_bias = " (one column more for the bias node)" if self.bias else ""
            raise ValueError(
                f"{name}: expected an array of shape {shape}{with_bias}, got shape {weights.shape}"
            )
        require_finite(weights, name)
        return weights.copy()

    # The forward pass --------------------------------------------------------------

    def run(self, input_vector: ArrayLike) -> np.ndarray:
        """Run the network forward and return its output.

        ``input_vector`` is one sample (a list, tuple or 1-D array of
        ``no_of_in_nodes`` numbers) or several samples, one per row of a 2-D
        array of shape ``(n_samples, no_of_in_nodes)``. The result has shape
        ``(no_of_out_nodes, n_samples)``: one column per sample.
        """
        return self._forward(self._as_input_columns(input_vector), input_vector)[1]

    def predict(self, input_vector: ArrayLike) -> np.ndarray:
        """The predicted class of each sample: the index of its largest output.

        Takes input as :meth:`run` does and returns a 1-D integer array with one
        class index (0 to ``no_of_out_nodes - 1``) per sample.
        """
        return np.argmax(self.run(input_vector), axis=0)

    def _weighted_sums(self, weights: np.ndarray, values: np.ndarray) -> np.ndarray:
        """``weights @ values``, with the bias node's constant 1 below ``values`` if the
        network has bias nodes. That product is the first columns of ``weights`` times
        ``values`` plus the last column, so the row of ones is never built."""
        if not self.bias:
            return weights @ values
        sums = weights[:, :-1] @ values
        sums += weights[:, -1:]
        return sums

    def _forward(
        self, inputs: np.ndarray, unchecked_input: ArrayLike | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The hidden values and the outputs for input columns; backpropagation needs
        both. The sigmoid is ``expit``, as in :func:`nnlib.activations.sigmoid`, here
        applied in place to the fresh array of weighted sums.

        Given the ``unchecked_input`` that the columns came from, whose values are not
        yet known to be finite, they are checked on the way: a NaN or an infinity in a
        sample makes every weighted sum of that sample NaN or infinite (the weights
        are finite), so the first hidden node's sums reveal it with one short pass,
        and only then is the input searched, to name the culprit as the caller gave it.
        """
        with np.errstate(invalid="ignore", over="ignore"):  # bad input gets its own error
            hidden = self._weighted_sums(self.weights_in_hidden, inputs)
        if unchecked_input is not None and not np.isfinite(np.add.reduce(hidden[0])):
            require_finite(as_float_array(unchecked_input, "input_vector"), "input_vector")
        expit(hidden, out=hidden)
        output = self._weighted_sums(self.weights_hidden_out, hidden)
        expit(output, out=output)
        return hidden, output

    # Training --------------------------------------------------------------------

    def train(self, input_vector: ArrayLike, target_vector: ArrayLike) -> float:
        """Take one step of gradient descent on E = ½‖target - output‖².

        ``input_vector`` is one sample or several samples as the rows of a 2-D
        array, as for :meth:`run`; ``target_vector`` holds ``no_of_out_nodes``
        values in [0, 1] for one sample, or one such row per sample. For several
        samples, the step follows the mean of their gradients. Both weight
        matrices change by ``-learning_rate`` times the gradient, which
        backpropagation computes. Returns the mean error E of the samples before
        the step.
        """
        inputs = self._as_input_columns(input_vector)
        targets = self._as_target_columns(target_vector, inputs.shape[1])
        return self._step(inputs, targets, input_vector)

    def gradients(
        self, input_vector: ArrayLike, target_vector: ArrayLike
    ) -> tuple[np.ndarray, np.ndarray]:
        """The gradients of the mean error E with respect to ``weights_in_hidden`` and
        ``weights_hidden_out``, by backpropagation; inputs and targets as for
        :meth:`train`, which subtracts ``learning_rate`` times these."""
        inputs = self._as_input_columns(input_vector)
        targets = self._as_target_columns(target_vector, inputs.shape[1])
        return self._backpropagate(inputs, targets, input_vector)[:2]

    def _backpropagate(
        self, inputs: np.ndarray, targets: np.ndarray, unchecked_input: ArrayLike | None = None
    ) -> tuple[np.ndarray, np.ndarray, float]:
        """Gradients of the mean error for input and target columns, and that error;
        ``unchecked_input`` as for :meth:`_forward`."""
        hidden, output = self._forward(inputs, unchecked_input)
        n_samples = inputs.shape[1]
        output_errors = output - targets
        error = 0.5 * float(np.vdot(output_errors, output_errors)) / n_samples
        # δ of a layer: ∂E/∂(weighted sums of that layer), one column per sample.
        output_deltas = output_errors * output * (1.0 - output)
        weights_to_hidden_nodes = self.weights_hidden_out[:, : self.no_of_hidden_nodes]
        hidden_deltas = weights_to_hidden_nodes.T @ output_deltas
        hidden_deltas *= hidden * (1.0 - hidden)
        gradient_in_hidden = self._gradient(hidden_deltas, inputs, n_samples)
        gradient_hidden_out = self._gradient(output_deltas, hidden, n_samples)
        return gradient_in_hidden, gradient_hidden_out, error

    def _gradient(self, deltas: np.ndarray, layer_inputs: np.ndarray, n_samples: int):
        """``deltas @ layer_inputs.T / n_samples``, the layer inputs with the bias node's
        row of ones if the network has bias nodes: that row's product is the row sums
        of the deltas."""
        if not self.bias:
            return deltas @ layer_inputs.T / n_samples
        gradient = np.empty((deltas.shape[0], layer_inputs.shape[0] + 1))
        np.matmul(deltas, layer_inputs.T, out=gradient[:, :-1])
        np.sum(deltas, axis=1, out=gradient[:, -1])
        gradient /= n_samples
        return gradient

    def _step(
        self, inputs: np.ndarray, targets: np.ndarray, unchecked_input: ArrayLike | None = None
    ) -> float:
        gradient_in_hidden, gradient_hidden_out, error = self._backpropagate(
            inputs, targets, unchecked_input
        )
        # In place: the matrices were checked when set, and a step keeps their shapes.
        gradient_in_hidden *= self.learning_rate
        gradient_hidden_out *= self.learning_rate
        self._weights_in_hidden -= gradient_in_hidden
        self._weights_hidden_out -= gradient_hidden_out
        return error

    def fit(
        self,
        inputs: ArrayLike,
        targets: ArrayLike,
        *,
        epochs: int,
        batch_size: int = 32,
        seed: SeedLike = None,
        validation_data: tuple[ArrayLike, ArrayLike] | None = None,
        progress: bool = False,
    ) -> TrainingHistory:
        """Train for ``epochs`` passes over the samples, in shuffled mini-batches.

        ``inputs`` holds one sample per row, ``targets`` one target per row. Each
        epoch shuffles the samples (reproducibly for an ``int`` ``seed``), then
        takes one step of :meth:`train` on each mini-batch of ``batch_size``
        samples in turn (the last one may be smaller); the samples are checked
        once, before the first epoch. After each epoch the error, and for
        one-hot targets the accuracy, are measured on all training samples and on
        ``validation_data`` (a pair of inputs and targets) if given. With
        ``progress=True`` a progress bar (tqdm) shows the epochs.
        """
        epochs = positive_int(epochs, "epochs")
        batch_size = positive_int(batch_size, "batch_size")
        train_inputs, train_targets = self._as_samples_and_targets(inputs, targets, "")
        validation = None
        if validation_data is not None:
            if not (isinstance(validation_data, (tuple, list)) and len(validation_data) == 2):
                raise TypeError(
                    "validation_data: expected a pair (inputs, targets), "
                    f"got {describe(validation_data)}"
                )
            validation = self._as_samples_and_targets(*validation_data, "validation ")
        rng = as_generator(seed)
        history = TrainingHistory()
        epoch_numbers = range(epochs)
        if progress:
            from tqdm import tqdm  # text bar: needs no widgets in Jupyter; imported only here

            epoch_numbers = tqdm(epoch_numbers, desc="epochs", unit="epoch")
        n_samples = train_inputs.shape[1]
        for _ in epoch_numbers:
            order = rng.permutation(n_samples)
            for start in range(0, n_samples, batch_size):
                batch = order[start : start + batch_size]
                self._step(train_inputs[:, batch], train_targets[:, batch])
            error, accuracy = self._measure(train_inputs, train_targets)
            history.error.append(error)
            if accuracy is not None:
                history.accuracy.append(accuracy)
            if validation is not None:
                error, accuracy = self._measure(*validation)
                history.validation_error.append(error)
                if accuracy is not None:
                    history.validation_accuracy.append(accuracy)
            if progress:
                epoch_numbers.set_postfix(error=f"{history.error[-1]:.4f}")
        return history

    def _measure(self, inputs: np.ndarray, targets: np.ndarray) -> tuple[float, float | None]:
        """Mean error E over the columns, and the accuracy if the targets are one-hot."""
        output = self._forward(inputs)[1]
        error = _mean_error(output, targets)
        if not _is_one_hot(targets):
            return error, None
        hits = np.argmax(output, axis=0) == np.argmax(targets, axis=0)
        return error, float(np.mean(hits))

    # Checking the input ------------------------------------------------------------

    def _as_input_columns(self, input_vector: ArrayLike, name: str = "input_vector") -> np.ndarray:
        """Check the input's type and shape; return it with one sample per column.
        Whether its values are finite is checked by the caller, see :meth:`_forward`."""
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
        return rows.T

    def _as_target_columns(
        self, target_vector: ArrayLike, n_samples: int, name: str = "target_vector"
    ) -> np.ndarray:
        """Check the targets of ``n_samples`` samples; return them one per column."""
        targets = as_float_array(target_vector, name)
        if targets.ndim not in (1, 2) or targets.size == 0:
            what = "empty input" if targets.size == 0 else f"shape {targets.shape}"
            raise ValueError(
                f"{name}: expected {self.no_of_out_nodes} values for one sample, or one row "
                f"of them per sample in a 2-D array, got {what}"
            )
        rows = np.atleast_2d(targets)
        if rows.shape[0] != n_samples:
            hint = (
                f"; for a network with one output, give them as a column, shape ({n_samples}, 1)"
                if self.no_of_out_nodes == 1 and targets.ndim == 1 and targets.size == n_samples
                else ""
            )
            raise ValueError(
                f"{name}: expected one target per sample, {n_samples} in all, "
                f"got {rows.shape[0]}{hint}"
            )
        if rows.shape[1] != self.no_of_out_nodes:
            raise ValueError(
                f"{name}: expected {self.no_of_out_nodes} values per target "
                f"(one per output node), got {rows.shape[1]}"
            )
        require_in_unit_interval(targets, name)
        return rows.T

    def _as_samples_and_targets(
        self, inputs: ArrayLike, targets: ArrayLike, prefix: str
    ) -> tuple[np.ndarray, np.ndarray]:
        columns = self._as_input_columns(inputs, f"{prefix}inputs")
        require_finite(columns, f"{prefix}inputs")
        return columns, self._as_target_columns(targets, columns.shape[1], f"{prefix}targets")

    # Saving and loading ------------------------------------------------------------

    def save(self, path: str | PathLike) -> Path:
        """Write the network (sizes, bias, learning rate, weights) to one ``.npz`` file.

        NumPy adds the suffix ``.npz`` to ``path`` if it has none; the path of
        the file written is returned. :meth:`load` reads it back.
        """
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_name(path.name + ".npz")
        np.savez(
            path,
            no_of_in_nodes=self.no_of_in_nodes,
            no_of_out_nodes=self.no_of_out_nodes,
            no_of_hidden_nodes=self.no_of_hidden_nodes,
            learning_rate=self.learning_rate,
            bias=self.bias,
            weights_in_hidden=self.weights_in_hidden,
            weights_hidden_out=self.weights_hidden_out,
        )
        return path

    @classmethod
    def load(cls, path: str | PathLike) -> NeuralNetwork:
        """Read a network written by :meth:`save`.

        The file is read without unpickling anything (``allow_pickle=False``).
        A file that is not such a network raises ``ValueError`` saying why.
        """
        path = Path(path)
        arrays = _read_npz(path)
        sizes = {name: _stored_int(arrays, name, path) for name in _SIZE_NAMES}
        learning_rate = _stored_scalar(arrays, "learning_rate", "iuf", path)
        bias = _stored_scalar(arrays, "bias", "b", path)
        try:
            network = cls(**sizes, learning_rate=learning_rate, bias=bool(bias), seed=0)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{path}: {error}") from None
        for name in ("weights_in_hidden", "weights_hidden_out"):
            try:
                setattr(network, name, arrays[name])
            except (TypeError, ValueError) as error:
                raise ValueError(f"{path}: the sizes and the weights disagree: {error}") from None
        return network

    def __repr__(self) -> str:
        return (
            f"NeuralNetwork(no_of_in_nodes={self.no_of_in_nodes}, "
            f"no_of_out_nodes={self.no_of_out_nodes}, "
            f"no_of_hidden_nodes={self.no_of_hidden_nodes}, "
            f"learning_rate={self.learning_rate!r}" + (", bias=True)" if self.bias else ")")
        )


_SIZE_NAMES = ("no_of_in_nodes", "no_of_out_nodes", "no_of_hidden_nodes")
_SAVED_NAMES = (*_SIZE_NAMES, "learning_rate", "bias", "weights_in_hidden", "weights_hidden_out")


def _mean_error(output: np.ndarray, targets: np.ndarray) -> float:
    """E = ½‖target - output‖² averaged over the samples, which are the columns."""
    errors = output - targets
    return 0.5 * float(np.vdot(errors, errors)) / output.shape[1]


def _is_one_hot(targets: np.ndarray) -> bool:
    """Whether each column holds a single 1 and zeros elsewhere, with at least two rows."""
    return (
        targets.shape[0] > 1
        and bool(np.all((targets == 0) | (targets == 1)))
        and bool(np.all(targets.sum(axis=0) == 1))
    )


def _read_npz(path: Path) -> dict[str, np.ndarray]:
    """Every array a network file must hold, read in full, or a ValueError saying why not."""
    try:
        # The file is opened here, not by np.load, so that it is closed however reading fails.
        with open(path, "rb") as file:
            archive = np.load(file, allow_pickle=False)
            if not isinstance(archive, np.lib.npyio.NpzFile):
                raise ValueError("it holds a single array, not an .npz archive")
            missing = [name for name in _SAVED_NAMES if name not in archive.files]
            if missing:
                raise ValueError(
                    f"it lacks the array(s) {', '.join(missing)}; "
                    f"it holds {', '.join(archive.files) or 'no arrays'}"
                )
            return {name: archive[name] for name in _SAVED_NAMES}
    except FileNotFoundError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        detail = str(error) or type(error).__name__
        raise ValueError(
            f"{path}: not a network saved by NeuralNetwork.save "
            f"(expected an .npz archive of its sizes and weights): {detail}"
        ) from None
    except Exception as error:  # a damaged archive can fail in many ways (zlib, struct, ...)
        raise ValueError(
            f"{path}: not a network saved by NeuralNetwork.save, the file is damaged: "
            f"{type(error).__name__}: {error}"
        ) from None


# The kinds of NumPy dtype that each stored single value may have, and their names.
_SCALAR_KINDS = {"iu": "a whole number", "iuf": "a number", "b": "True or False"}


def _stored_scalar(arrays: dict[str, np.ndarray], name: str, kinds: str, path: Path):
    value = arrays[name]
    if value.shape != () or value.dtype.kind not in kinds:
        raise ValueError(
            f"{path}: {name} should be a single value, {_SCALAR_KINDS[kinds]}, "
            f"got an array of shape {value.shape} and dtype {value.dtype}"
        )
    return value.item()


def _stored_int(arrays: dict[str, np.ndarray], name: str, path: Path) -> int:
    value = _stored_scalar(arrays, name, "iu", path)
    if value < 1:
        raise ValueError(f"{path}: {name} should be a positive integer, got {value}")
    return int(value)
