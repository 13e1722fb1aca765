"""How the exercise checks show a learner's values in their hints (see nnlib.checking,
which is where the chapters import these from): short, and the same on every machine."""

from __future__ import annotations

import numbers

import numpy as np


def show(value: object, digits: int | None = None) -> str:
    """A short, machine-independent text for ``value`` in a hint.

    NumPy scalars print as plain numbers (``0.5``, not ``np.float64(0.5)``),
    with six significant digits, arrays with four decimals, and long texts are cut;
    ``digits`` asks for more digits (see :func:`shown_apart`).
    """
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        text = f"{float(value):.{digits or 6}g}"
        return text if any(mark in text for mark in ".en") else f"{text}.0"
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=digits or 4, separator=", ", threshold=12)
        return " ".join(text.split())
    if isinstance(value, tuple):
        inner = ", ".join(show(item, digits) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        more = ", ...]" if len(value) > 12 else "]"
        return "[" + ", ".join(show(item, digits) for item in value[:12]) + more
    text = repr(value)
    if " at 0x" in text:  # a memory address differs from run to run
        return kind_of(value)
    return text if len(text) <= 60 else text[:57] + "..."


def shown_apart(value: object, expected: object) -> tuple[str, str]:
    """The texts of ``value`` and ``expected`` for a hint, with as many digits as it
    takes to tell them apart (up to 17), so that a hint never reads "should be 0.9,
    got 0.9" when the two differ beyond the sixth digit."""
    value_text, expected_text = show(value), show(expected)
    for digits in (8, 10, 12, 14, 17):
        if value_text != expected_text:
            break
        value_text, expected_text = show(value, digits), show(expected, digits)
    return value_text, expected_text


def kind_of(value: object) -> str:
    """``value``'s type as a learner would name it: "a list", "an int", "None"."""
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {show(value.shape)}"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"
