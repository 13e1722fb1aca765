"""Checks of what a network is built and run with: its layer sizes, weight matrices,
inputs, targets, validation data and optimiser."""

from __future__ import annotations

import numpy as np

from nnlib._checks.values import (
    as_float_array,
    describe,
    first_bad,
    one_of,
    positive_finite_float,
    positive_int,
    real_number,
    require_finite,
    require_in_unit_interval,
)


def layer_sizes(no_of_in_nodes, no_of_out_nodes, no_of_hidden_nodes, network_structure) -> list:
    """The sizes of all layers, input first, from either way of giving them."""
    if network_structure is not None:
        if (no_of_in_nodes, no_of_out_nodes, no_of_hidden_nodes) != (None, None, None):
            raise TypeError("network_structure: give either it or the numbers of nodes, not both")
        if not isinstance(network_structure, (list, tuple)) or len(network_structure) < 3:
            raise ValueError(
                "network_structure: expected a list of at least 3 layer sizes (input, hidden "
                f"layers, output), got {describe(network_structure)}"
            )
        return [positive_int(n, "network_structure") for n in network_structure]
    hidden = no_of_hidden_nodes if isinstance(no_of_hidden_nodes, (list, tuple)) else [
        no_of_hidden_nodes]  # fmt: skip
    if not hidden:
        raise ValueError("no_of_hidden_nodes: expected at least one hidden layer, got []")
    return [positive_int(no_of_in_nodes, "no_of_in_nodes"),
            *(positive_int(n, "no_of_hidden_nodes") for n in hidden),
            positive_int(no_of_out_nodes, "no_of_out_nodes")]  # fmt: skip


def weight_matrix(matrix: object, name: str, shape: tuple, bias: bool, dtype) -> np.ndarray:
    """A copy of ``matrix`` if it has ``shape`` and finite entries."""
    weights = as_float_array(matrix, name, dtype)
    if weights.shape != shape:
        with_bias = " (one column more for the bias node)" if bias else ""
        raise ValueError(
            f"{name}: expected an array of shape {shape}{with_bias}, got shape {weights.shape}"
        )
    require_finite(weights, name)
    return weights.copy()


def input_rows(input_vector: object, no_of_in_nodes: int, dtype, name="input_vector"):
    """One sample, or several as rows, as a 2-D array with one finite sample per row."""
    samples = as_float_array(input_vector, name, dtype)
    if samples.ndim not in (1, 2):
        what = "a single number" if samples.ndim == 0 else (
            f"a {samples.ndim}-D array of shape {samples.shape}")  # fmt: skip
        raise ValueError(
            f"{name}: expected one sample (list, tuple or 1-D array) or several samples "
            f"as the rows of a 2-D array, got {what}"
        )
    if samples.size == 0:
        raise ValueError(f"{name}: expected at least one sample of values, got empty input")
    rows = samples.reshape(-1, samples.shape[-1])
    if rows.shape[1] != no_of_in_nodes:
        transposed = samples.ndim == 2 and samples.shape[0] == no_of_in_nodes
        raise ValueError(
            f"{name}: expected {no_of_in_nodes} values per sample (one per input node), "
            f"got {rows.shape[1]}"
            + ("; several samples go in the rows, not the columns (transpose it?)" * transposed)
        )
    require_finite(samples, name)
    return rows


def target_rows(target_vector, n_samples: int, no_of_out_nodes: int, loss, dtype, name: str):
    """One target per sample as rows, each with values that ``loss`` can reach."""
    targets = as_float_array(target_vector, name, dtype)
    if targets.ndim not in (1, 2) or targets.size == 0:
        what = "empty input" if targets.size == 0 else f"shape {targets.shape}"
        raise ValueError(
            f"{name}: expected {no_of_out_nodes} values for one sample, or one row "
            f"of them per sample in a 2-D array, got {what}"
        )
    rows = targets.reshape(-1, targets.shape[-1])
    if rows.shape[0] != n_samples:
        as_column = no_of_out_nodes == 1 and targets.ndim == 1 and targets.size == n_samples
        raise ValueError(
            f"{name}: expected one target per sample, {n_samples} in all, got {rows.shape[0]}"
            + (
                f"; for a network with one output, give them as a column, shape ({n_samples}, 1)"
                * as_column
            )
        )
    if rows.shape[1] != no_of_out_nodes:
        raise ValueError(
            f"{name}: expected {no_of_out_nodes} values per target "
            f"(one per output node), got {rows.shape[1]}"
        )
    require_in_unit_interval(targets, name, loss.target_range)
    if loss.targets_sum_to_one:
        sums = rows.sum(axis=1)
        off = np.abs(sums - 1) > 1e-6
        if off.any():
            raise ValueError(
                f"{name}: expected each target to sum to 1 (one probability per class, "
                f"as the softmax outputs do), got {first_bad(sums, off)}"
            )
    return rows


def validation_pair(pair: object) -> tuple:
    if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
        raise TypeError(f"validation_data: expected a pair (inputs, targets), got {describe(pair)}")
    return tuple(pair)


def optimizer(value: object, optimizers: dict):
    """A fresh optimiser (no remembered steps) from a name or from an optimiser whose
    settings are checked: each beta in [0, 1), epsilon above 0."""
    if isinstance(value, str):
        return one_of(value, optimizers, "optimizer")()
    if type(value) not in optimizers.values():
        names = ", ".join(repr(name) for name in optimizers)
        raise TypeError(
            f"optimizer: expected one of {names} or an optimiser of nnlib.optimizers, "
            f"got {describe(value)}"
        )
    for key, setting in value.settings().items():
        if key == "epsilon":
            positive_finite_float(setting, "epsilon")
        else:
            real_number(setting, key, "a number in [0, 1)", 0.0, 1.0)
    return type(value)(**value.settings())
