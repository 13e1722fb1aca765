"""Checks of numbers, settings and arrays of numbers, which every part of nnlib takes."""

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


def first_bad(array: np.ndarray, bad: np.ndarray) -> str:
    """The first entry of ``array`` where ``bad`` is true, and its position, as text."""
    position = tuple(int(i) for i in np.argwhere(bad)[0])
    where = position[0] if len(position) == 1 else position
    return f"{array[bad][0]} at position {where}"


def require_finite(array: np.ndarray, name: str) -> None:
    """Refuse NaN and infinities, naming the first one."""
    # One sum of squares (a BLAS dot product, faster than a plain sum) settles the
    # usual case, with no array of flags: it is finite unless an entry is not, or the
    # squares overflow (entries beyond about 1e154 in float64), and only then are the
    # entries looked at one by one. That overflow is expected, so it stays quiet; the
    # squares of NaN and infinities raise no other warning.
    flat = array.ravel(order="K")  # no copy of a contiguous array, in either order
    with np.errstate(over="ignore"):
        if math.isfinite(np.dot(flat, flat)):
            return
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{name}: expected finite numbers, got {first_bad(array, bad)}")


def require_in_unit_interval(array: np.ndarray, name: str, why: str) -> None:
    """Refuse NaN, infinities and values outside [0, 1], naming the first one."""
    if array.min() >= 0 and array.max() <= 1:  # false for NaN too
        return
    require_finite(array, name)
    outside = (array < 0) | (array > 1)
    raise ValueError(f"{name}: expected values in [0, 1], {why}, got {first_bad(array, outside)}")


def require_whole_numbers(array: np.ndarray, name: str) -> None:
    """Refuse entries that are not whole numbers of at least 0, as class labels must be."""
    bad = (array != np.round(array)) | (array < 0)
    if bad.any():
        raise ValueError(
            f"{name}: expected whole numbers >= 0 as class labels, got {first_bad(array, bad)}"
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
