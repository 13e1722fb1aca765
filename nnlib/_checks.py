"""Input checks shared by the modules of nnlib.

Each check turns bad input into a ``TypeError`` or ``ValueError`` whose message
names the argument, what was expected and what came, so that a learner never
has to decode a NumPy broadcasting or matmul error.
"""

from __future__ import annotations

import math
import numbers

import numpy as np


def describe(value: object) -> str:
    """Return a short description of ``value`` for error messages."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def as_float_array(value: object, name: str) -> np.ndarray:
    """Convert numbers, nested lists or tuples, or an array to a float array.

    Raises ``TypeError`` for ``None`` and for anything that is not numeric,
    ``ValueError`` for ragged nesting. NaN and infinity pass; callers that
    need finite values check for them with :func:`require_finite`.
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
    return array.astype(float, copy=False)


def _element_kind(array: np.ndarray) -> str:
    kinds = {"U": "str", "S": "bytes", "c": "complex", "M": "datetime", "m": "timedelta"}
    if array.dtype.kind in kinds:
        return kinds[array.dtype.kind]
    if array.dtype.kind == "O":
        odd = sorted(
            {type(item).__name__ for item in array.ravel() if not isinstance(item, numbers.Real)}
        )
        return ", ".join(odd) if odd else "object"
    return str(array.dtype)


def _first_bad(array: np.ndarray, bad: np.ndarray) -> str:
    """The first entry of ``array`` where ``bad`` is true, and its position, as text."""
    position = tuple(int(i) for i in np.argwhere(bad)[0])
    where = position[0] if len(position) == 1 else position
    return f"{array[bad][0]} at position {where}"


def require_finite(array: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` naming the first NaN or infinite entry of ``array``."""
    # One sum, with no array of flags, settles the usual case: the sum of finite
    # numbers is finite unless it overflows, and only then are the entries looked at.
    if np.isfinite(np.add.reduce(array, axis=None)):
        return
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{name}: expected finite numbers, got {_first_bad(array, bad)}")


def require_in_unit_interval(array: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` naming the first entry of ``array`` that is NaN, infinite
    or outside [0, 1]."""
    inside = (array >= 0) & (array <= 1)  # false for NaN too
    if inside.all():
        return
    require_finite(array, name)
    bad = ~inside
    if bad.any():
        raise ValueError(
            f"{name}: expected values in [0, 1], the range of the sigmoid outputs, "
            f"got {_first_bad(array, bad)}"
        )


def require_whole_numbers(array: np.ndarray, name: str) -> None:
    """Raise ``ValueError`` naming the first entry of ``array`` that is not a whole
    number of at least 0, as class labels must be."""
    bad = (array != np.round(array)) | (array < 0)
    if bad.any():
        raise ValueError(
            f"{name}: expected whole numbers >= 0 as class labels, got {_first_bad(array, bad)}"
        )


def positive_int(value: object, name: str) -> int:
    """Return ``value`` as an ``int`` if it is a whole number of at least 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}: expected a positive integer, got {describe(value)}")
    if value < 1:
        raise ValueError(f"{name}: expected a positive integer, got {value}")
    return int(value)


def positive_finite_float(value: object, name: str) -> float:
    """Return ``value`` as a ``float`` if it is a real number, finite and above 0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: expected a positive finite number, got {describe(value)}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name}: expected a positive finite number, got {value}")
    return float(value)
