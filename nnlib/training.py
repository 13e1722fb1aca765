"""Training: backpropagation, one step of an optimiser, and epochs of mini-batches.

This module is the code of the chapter "Training by backpropagation"
(``book/07_backpropagation.ipynb``): :func:`backpropagate` computes the gradients,
:func:`train` takes one step, :func:`fit` trains for epochs with a
:class:`TrainingHistory`, as the chapter "Recognising handwritten digits"
(``book/08_digits.ipynb``) uses it. ``gradients``, ``train`` and ``fit`` are methods
of :class:`nnlib.NeuralNetwork`: the ``network`` argument is the network itself.

With samples as columns, ``x̂`` the input of a layer (its row of ones included if
the network has bias) and ``δ`` = ∂E/∂z the delta of a layer's weighted sums:

    δ_L = the loss's output delta, e.g. (y - t) ⊙ y ⊙ (1 - y)
    ∂E/∂W_l = δ_l x̂_lᵀ / m                       (m samples in the batch)
    δ_{l-1} = (W̃_lᵀ δ_l) ⊙ f'(h_{l-1})           (W̃: W without its bias column)

Each δ below the output is linear in δ_L, so the code divides δ_L by m once, and
every gradient comes out divided by m.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from nnlib import _checks, metrics
from nnlib.weights import SeedLike, as_generator


@dataclass
class TrainingHistory:
    """What :func:`fit` measured after each epoch, one entry per epoch.

    ``error`` is the mean loss over the training samples: for squared error the mean
    of E = ½‖t - y‖², for cross-entropy the mean of -Σ t log y (the L2 penalty is not
    included). ``accuracy``, the share of samples whose largest output is where their
    target has its 1, is measured only for one-hot targets, else it stays empty. The
    ``validation_`` lists are the same on the validation data. With early stopping,
    ``best_epoch`` (counted from 1) is the epoch whose weights the network keeps.
    """

    error: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    validation_error: list[float] = field(default_factory=list)
    validation_accuracy: list[float] = field(default_factory=list)
    best_epoch: int | None = None

    @property
    def epochs(self) -> int:
        return len(self.error)


def backpropagate(network, x_hat: np.ndarray, targets: np.ndarray, dropout_masks=None):
    """The gradient of the mean loss for every weight matrix, and that loss.

    ``x_hat`` holds the input columns (with the row of ones if the network has bias),
    ``targets`` the target columns; ``dropout_masks`` (one per hidden layer, or
    ``None``) hold 0 for a node switched off and 1/(1 - dropout) for one kept.
    """
    layer_inputs, z = network._forward(x_hat, dropout_masks)
    y = network._loss.output(z)
    loss = network._loss.value(z, y, targets)
    weights = network._weights
    delta = network._loss.output_delta(y, targets)
    delta /= x_hat.shape[1]  # the 1/m of the mean loss, once for every layer
    gradients = [np.empty(0)] * len(weights)
    for layer in reversed(range(len(weights))):
        gradients[layer] = delta @ layer_inputs[layer].T
        if layer == 0:
            break
        n_below = len(weights[layer - 1])  # nodes of the layer below, bias node not counted
        h = layer_inputs[layer][:n_below]
        delta = weights[layer][:, :n_below].T @ delta
        if dropout_masks is None:
            delta *= network._activation.derivative(h)
        else:  # h is the values times the mask: undo the scaling, keep the zeros
            keep = 1.0 - network.dropout
            delta *= network._activation.derivative(h * keep) * dropout_masks[layer - 1]
    if network.l2:  # ½λ‖W‖² adds λW, the bias column excepted
        for gradient, w in zip(gradients, weights, strict=True):
            n_in = w.shape[1] - network.bias
            gradient[:, :n_in] += network.l2 * w[:, :n_in]
    return gradients, loss


def dropout_masks(network, n_samples: int) -> list[np.ndarray] | None:
    """Inverted dropout: each hidden node is kept with probability 1 - dropout and
    then scaled by 1/(1 - dropout), so that its expected value stays the same."""
    if not network.dropout:
        return None
    keep = 1.0 - network.dropout
    return [
        (network._rng.random((n, n_samples)) < keep).astype(network.dtype) / network.dtype(keep)
        for n in network.network_structure[1:-1]
    ]


def _step(network, x_hat: np.ndarray, targets: np.ndarray) -> float:
    masks = dropout_masks(network, x_hat.shape[1])
    gradients, loss = backpropagate(network, x_hat, targets, masks)
    network.optimizer.step(network._weights, gradients, network.learning_rate)
    return loss


def _columns(network, inputs: ArrayLike, targets: ArrayLike, names: tuple[str, str]):
    """Checked samples and targets, as input columns x̂ and target columns."""
    rows = _checks.input_rows(inputs, network.no_of_in_nodes, network.dtype, names[0])
    target_rows = _checks.target_rows(
        targets, len(rows), network.no_of_out_nodes, network._loss, network.dtype, names[1]
    )
    return network._input_columns(rows), target_rows.T


ARGUMENT_NAMES = ("input_vector", "target_vector")


def gradients(network, input_vector: ArrayLike, target_vector: ArrayLike) -> tuple:
    """The gradients of the mean loss for each weight matrix, by backpropagation, for
    one sample or several as rows; what :func:`train` gives its optimiser."""
    x_hat, targets = _columns(network, input_vector, target_vector, ARGUMENT_NAMES)
    with np.errstate(over="ignore"):  # as in run: huge inputs saturate the outputs
        masks = dropout_masks(network, x_hat.shape[1])
        return tuple(backpropagate(network, x_hat, targets, masks)[0])


def train(network, input_vector: ArrayLike, target_vector: ArrayLike) -> float:
    """One step of training on one sample, or on a mini-batch of samples as rows with
    their targets as rows; returns the mean loss over the samples before the step."""
    x_hat, targets = _columns(network, input_vector, target_vector, ARGUMENT_NAMES)
    with np.errstate(over="ignore"):
        return _step(network, x_hat, targets)


def _measure(network, x_hat: np.ndarray, targets: np.ndarray) -> tuple[float, float | None]:
    """The mean loss over the columns, and the accuracy if the targets are one-hot."""
    z = network._forward(x_hat)[1]
    y = network._loss.output(z)
    loss = network._loss.value(z, y, targets)
    if not is_one_hot(targets):
        return loss, None
    return loss, metrics.accuracy(np.argmax(targets, axis=0), np.argmax(y, axis=0))


def is_one_hot(targets: np.ndarray) -> bool:
    """Whether each column holds a single 1 and zeros elsewhere, in at least two rows."""
    return (
        targets.shape[0] > 1
        and bool(np.all((targets == 0) | (targets == 1)))
        and bool(np.all(targets.sum(axis=0) == 1))
    )


def fit(
    network,
    inputs: ArrayLike,
    targets: ArrayLike,
    *,
    epochs: int,
    batch_size: int = 32,
    seed: SeedLike = None,
    validation_data: tuple[ArrayLike, ArrayLike] | None = None,
    early_stopping: int | None = None,
    progress: bool = False,
) -> TrainingHistory:
    """Train for ``epochs`` passes over the samples, in shuffled mini-batches.

    ``inputs`` holds one sample per row, ``targets`` one target per row; both are
    checked once, before the first epoch. Each epoch shuffles the samples
    (reproducibly for an ``int`` ``seed``), then takes one step of :func:`train` on
    each mini-batch of ``batch_size`` samples in turn (the last may be smaller).
    After each epoch the loss, and for one-hot targets the accuracy, are measured on
    all training samples and on ``validation_data`` (a pair of inputs and targets).

    ``early_stopping=patience`` stops when the validation loss has not improved for
    ``patience`` epochs, and gives the network back the weights of its best epoch.
    ``progress=True`` shows a progress bar (tqdm) over the epochs.
    """
    epochs = _checks.positive_int(epochs, "epochs")
    batch_size = _checks.positive_int(batch_size, "batch_size")
    x_hat, target_columns = _columns(network, inputs, targets, ("inputs", "targets"))
    validation = None
    if validation_data is not None:
        pair = _checks.validation_pair(validation_data)
        validation = _columns(network, *pair, ("validation inputs", "validation targets"))
    if early_stopping is not None:
        early_stopping = _checks.positive_int(early_stopping, "early_stopping")
        if validation is None:
            raise ValueError("early_stopping: needs validation_data, on which it measures")
    rng = as_generator(seed)
    history, best_weights, best_loss = TrainingHistory(), None, np.inf
    epoch_numbers = range(1, epochs + 1)
    if progress:
        from tqdm import tqdm  # a text bar: needs no widgets in Jupyter; imported only here

        epoch_numbers = tqdm(epoch_numbers, desc="epochs", unit="epoch")
    n_samples = x_hat.shape[1]
    with np.errstate(over="ignore"):
        for epoch in epoch_numbers:
            order = rng.permutation(n_samples)
            for start in range(0, n_samples, batch_size):
                batch = order[start : start + batch_size]
                _step(network, x_hat[:, batch], target_columns[:, batch])
            _record(history, "", _measure(network, x_hat, target_columns))
            if validation is not None:
                _record(history, "validation_", _measure(network, *validation))
            if progress:
                epoch_numbers.set_postfix(error=f"{history.error[-1]:.4f}")
            if early_stopping is not None:
                if history.validation_error[-1] < best_loss:
                    best_loss, history.best_epoch = history.validation_error[-1], epoch
                    best_weights = [w.copy() for w in network._weights]
                elif epoch - history.best_epoch >= early_stopping:
                    break
    if best_weights is not None:
        network._weights = best_weights
    return history


def _record(history: TrainingHistory, prefix: str, measured: tuple[float, float | None]) -> None:
    loss, accuracy = measured
    getattr(history, f"{prefix}error").append(loss)
    if accuracy is not None:
        getattr(history, f"{prefix}accuracy").append(accuracy)
