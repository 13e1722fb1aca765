"""The one place where nnlib turns bad input into clear errors.

Every public function and method checks what it is given here, once, at its entry;
the forward pass, backpropagation and the optimisers trust their arrays. Each error
names the argument, what was expected and what came.
"""

from __future__ import annotations

import math
import numbers

import numpy as np


def describe(value: object) -> str:
    """A short description of ``value`` for error messages."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def as_float_array(value: object, name: str, dtype: type = np.float64) -> np.ndarray:
    """Numbers, nested lists or tuples, or an array, as a float array of ``dtype``.

    ``TypeError`` for ``None`` and anything not numeric, ``ValueError`` for ragged
    nesting. NaN and infinity pass; :func:`require_finite` refuses them.
    """
    if value is None:
        raise TypeError(f"{name}: expected a number, a list, tuple or array of numbers, got None")
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name}: expected numbers, got the text {describe(value)}")
    try:
        array = np.asarray(value)
    except ValueError as error:  # NumPy refuses nested sequences of unequal length
        raise ValueError(
            f"{name}: expected a rectangular array (every row of the same length), "
            f"got ragged input {describe(value)}"
        ) from error
    if array.dtype.kind not in "biuf":
        raise TypeError(
            f"{name}: expected real numbers, got {describe(value)} with elements of type "
            f"{_element_kind(array)}"
        )
    return array.astype(dtype, copy=False)


def _element_kind(array: np.ndarray) -> str:
    kinds = {"U": "str", "S": "bytes", "c": "complex", "M": "datetime", "m": "timedelta"}
    if array.dtype.kind in kinds:
        return kinds[array.dtype.kind]
    odd = {type(item).__name__ for item in array.ravel() if not isinstance(item, numbers.Real)}
    return ", ".join(sorted(odd)) or "object"


def _first_bad(array: np.ndarray, bad: np.ndarray) -> str:
    """The first entry of ``array`` where ``bad`` is true, and its position, as text."""
    position = tuple(int(i) for i in np.argwhere(bad)[0])
    where = position[0] if len(position) == 1 else position
    return f"{array[bad][0]} at position {where}"


def require_finite(array: np.ndarray, name: str) -> None:
    """Refuse NaN and infinities, naming the first one."""
    # One sum settles the usual case with no array of flags: a sum of finite numbers is
    # finite unless it overflows (huge but finite input), and only then are the entries
    # looked at one by one. That overflow is expected, so it stays quiet.
    with np.errstate(over="ignore", invalid="ignore"):
        if np.isfinite(np.add.reduce(array, axis=None)):
            return
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{name}: expected finite numbers, got {_first_bad(array, bad)}")


def require_in_unit_interval(array: np.ndarray, name: str, why: str) -> None:
    """Refuse NaN, infinities and values outside [0, 1], naming the first one."""
    if array.min() >= 0 and array.max() <= 1:  # false for NaN too
        return
    require_finite(array, name)
    outside = (array < 0) | (array > 1)
    raise ValueError(f"{name}: expected values in [0, 1], {why}, got {_first_bad(array, outside)}")


def require_whole_numbers(array: np.ndarray, name: str) -> None:
    """Refuse entries that are not whole numbers of at least 0, as class labels must be."""
    bad = (array != np.round(array)) | (array < 0)
    if bad.any():
        raise ValueError(
            f"{name}: expected whole numbers >= 0 as class labels, got {_first_bad(array, bad)}"
        )


def positive_int(value: object, name: str) -> int:
    """``value`` as an ``int`` if it is a whole number of at least 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}: expected a positive integer, got {describe(value)}")
    if value < 1:
        raise ValueError(f"{name}: expected a positive integer, got {value}")
    return int(value)


def real_number(value: object, name: str, expected: str, low: float, high: float) -> float:
    """``value`` as a ``float`` if it is a finite real number with ``low <= value < high``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: expected {expected}, got {describe(value)}")
    if not (math.isfinite(value) and low <= value < high):
        raise ValueError(f"{name}: expected {expected}, got {value}")
    return float(value)


def positive_finite_float(value: object, name: str) -> float:
    # math.ulp(0.0) is the smallest float above 0.
    return real_number(value, name, "a positive finite number", math.ulp(0.0), math.inf)


def true_or_false(value: object, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected True or False, got {describe(value)}")
    return bool(value)


def float_dtype(value: object) -> type:
    """``np.float64`` or ``np.float32``, given as a type, a dtype or its name."""
    try:
        dtype = np.dtype(value)
    except TypeError:
        dtype = None
    if dtype not in (np.float64, np.float32) or value is None:
        raise TypeError(f"dtype: expected np.float64 or np.float32, got {describe(value)}")
    return dtype.type


def one_of(value: object, options, name: str):
    """``options[value]`` for a name among the keys of ``options``."""
    if not isinstance(value, str) or value not in options:
        names = ", ".join(repr(option) for option in options)
        raise ValueError(f"{name}: expected one of {names}, got {describe(value)}")
    return options[value]


def seed(value: object) -> int | np.random.Generator | None:
    """What every random function of nnlib accepts: an int >= 0, a Generator or None."""
    if value is None or isinstance(value, np.random.Generator):
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"seed: expected an int >= 0, a numpy.random.Generator or None, got {describe(value)}"
        )
    if value < 0:
        raise ValueError(f"seed: expected an int >= 0, got {value}")
    return int(value)


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
                f"as the softmax outputs do), got {_first_bad(sums, off)}"
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


def labels_array(labels: object, name: str) -> np.ndarray:
    """Class labels (whole numbers >= 0 in a list or 1-D array) as an integer array."""
    values = as_float_array(labels, name)
    if values.ndim != 1 or values.size == 0:
        what = "empty input" if values.size == 0 else f"an array of shape {values.shape}"
        raise ValueError(f"{name}: expected a non-empty list or 1-D array of labels, got {what}")
    require_finite(values, name)
    require_whole_numbers(values, name)
    return values.astype(np.int64)


def label_pair(true_labels: object, predicted_labels: object) -> tuple:
    true = labels_array(true_labels, "true_labels")
    predicted = labels_array(predicted_labels, "predicted_labels")
    if true.shape != predicted.shape:
        raise ValueError(
            "predicted_labels: expected one prediction per true label, "
            f"{true.size} in all, got {predicted.size}"
        )
    return true, predicted


def class_count(n_classes: object, *label_arrays: np.ndarray) -> int:
    """``n_classes``, or the largest label + 1 if it is None; never fewer than that."""
    largest = max(int(labels.max()) for labels in label_arrays)
    if n_classes is None:
        return largest + 1
    n_classes = positive_int(n_classes, "n_classes")
    if largest >= n_classes:
        raise ValueError(
            f"n_classes: expected more classes than the largest label, {largest}, "
            f"got n_classes={n_classes}"
        )
    return n_classes
