"""Activation functions and their derivatives.

This module is the code of the chapter "Activation functions"
(``book/02_activations.ipynb``): the sigmoid, tanh and ReLU, and, at the end, the
same three as a network's hidden layers use them (:data:`HIDDEN_ACTIVATIONS`).

Every function takes a number, a (nested) list or tuple of numbers, or a NumPy
array, and works on all elements at once: a number gives a ``float``, anything
else an array of the same shape. NaN gives NaN, as in NumPy; infinities give
the limits. No function here gives an overflow warning, even for ``|x|`` of ``1e6``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import expit

from nnlib._checks import as_float_array


def _as_result(values: np.ndarray) -> float | np.ndarray:
    """A 0-dimensional result becomes a plain ``float``; arrays stay arrays."""
    return float(values) if values.ndim == 0 else values


def sigmoid(x: ArrayLike) -> float | np.ndarray:
    r"""The logistic function :math:`\sigma(x) = 1 / (1 + e^{-x})`.

    It maps every real number into the open interval (0, 1). We evaluate it with
    ``scipy.special.expit``, a compiled ufunc that returns the limits 0 and 1 for
    large ``|x|`` without an overflow warning.

    >>> sigmoid(0)
    0.5
    """
    return _as_result(expit(as_float_array(x, "x")))


def sigmoid_derivative(x: ArrayLike) -> float | np.ndarray:
    r"""The derivative of the sigmoid at ``x``: :math:`\sigma(x)\,(1 - \sigma(x))`.

    ``x`` is the input of the sigmoid, not its output. The largest value is
    0.25, at ``x = 0``.

    >>> sigmoid_derivative(0)
    0.25
    """
    s = expit(as_float_array(x, "x"))
    return _as_result(s * (1.0 - s))


def relu(x: ArrayLike) -> float | np.ndarray:
    r"""The rectified linear unit :math:`\max(0, x)`.

    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    return _as_result(np.maximum(0.0, as_float_array(x, "x")))


def relu_derivative(x: ArrayLike) -> float | np.ndarray:
    """The derivative of ReLU: 1 where ``x > 0``, else 0.

    At ``x = 0`` ReLU has no derivative; like most libraries we use 0 there.
    The step is computed by ``np.heaviside`` for the whole array at once, with
    no per-element ``if``; unlike ``(x > 0).astype(float)`` it keeps NaN as NaN.

    >>> relu_derivative([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    return _as_result(np.heaviside(as_float_array(x, "x"), 0.0))


def tanh_derivative(x: ArrayLike) -> float | np.ndarray:
    r"""The derivative of :math:`\tanh` at ``x``: :math:`1 - \tanh^2(x)`.

    >>> tanh_derivative(0)
    1.0
    """
    t = np.tanh(as_float_array(x, "x"))
    return _as_result(1.0 - t * t)


@dataclass(frozen=True)
class Activation:
    r"""The activation of a network's hidden layers, for the forward pass and for
    backpropagation.

    ``apply(z, out=z)`` is the function, a NumPy ufunc that overwrites the weighted
    sums ``z`` with the values ``h``. ``derivative(h)`` is the derivative *at the same
    point, written with the value* ``h``: :math:`\sigma' = h(1 - h)`,
    :math:`\tanh' = 1 - h^2`, ReLU' :math:`= [h > 0]`. Backpropagation then needs only
    the values that the forward pass kept, as in the chapter "Training by
    backpropagation".
    """

    name: str
    apply: Callable[..., np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray]


def _relu(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.maximum(z, 0.0, out=out)


HIDDEN_ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", expit, lambda h: h * (1.0 - h)),
    "tanh": Activation("tanh", np.tanh, lambda h: 1.0 - h * h),
    "relu": Activation("relu", _relu, lambda h: (h > 0).astype(h.dtype)),
}
