"""Initial weights drawn from a truncated normal distribution.

This module is the code of the chapter "Weights" (``book/01_weights.ipynb``).

A layer with ``n_in`` inputs and ``n_out`` nodes has a weight matrix of shape
``(n_out, n_in)``: row ``j`` holds the weights of the connections into node ``j``.
Its initial entries are drawn from a standard normal distribution cut off at
``-1/sqrt(n_in)`` and ``+1/sqrt(n_in)``, so they are small, random and
different from each other, and the weighted sum of a node stays moderate however
many inputs it has.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
from scipy.stats import truncnorm

from nnlib._checks import describe, positive_finite_float, positive_int

SeedLike = int | np.random.Generator | None
"""What every random function in nnlib accepts as ``seed``."""


def as_generator(seed: SeedLike) -> np.random.Generator:
    """Return a NumPy random generator for ``seed``.

    An ``int`` of at least 0 gives a generator that draws the same numbers every
    time; a ``Generator`` is used as it is, so that draws continue its stream;
    ``None`` gives fresh, unpredictable draws.
    """
    if seed is None or isinstance(seed, np.random.Generator):
        return np.random.default_rng(seed)
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(
            f"seed: expected an int >= 0, a numpy.random.Generator or None, got {describe(seed)}"
        )
    if seed < 0:
        raise ValueError(f"seed: expected an int >= 0, got {seed}")
    return np.random.default_rng(int(seed))


def truncated_normal(mean: float = 0.0, sd: float = 1.0, low: float = -1.0, upp: float = 1.0):
    """Return a normal distribution with ``mean`` and ``sd``, cut off outside ``[low, upp]``.

    The result is a frozen ``scipy.stats.truncnorm`` distribution: draw from it
    with ``.rvs(size, random_state=...)``, evaluate its density with ``.pdf(x)``.
    SciPy expects the bounds in units of ``sd`` around ``mean``; this function
    takes them in the units of the values, which is how we think of them.
    """
    sd = positive_finite_float(sd, "sd")
    for name, value in (("mean", mean), ("low", low), ("upp", upp)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{name}: expected a real number, got {describe(value)}")
        if not math.isfinite(value):
            raise ValueError(f"{name}: expected a finite number, got {value}")
    if not low < upp:
        raise ValueError(f"expected low < upp, got low={low} and upp={upp}")
    return truncnorm((low - mean) / sd, (upp - mean) / sd, loc=mean, scale=sd)


def weight_bound(no_of_in_nodes: int) -> float:
    """Return ``1 / sqrt(no_of_in_nodes)``, the bound of the initial weights."""
    return 1.0 / math.sqrt(positive_int(no_of_in_nodes, "no_of_in_nodes"))


def initial_weights(no_of_out_nodes: int, no_of_in_nodes: int, seed: SeedLike = None) -> np.ndarray:
    """Draw a weight matrix of shape ``(no_of_out_nodes, no_of_in_nodes)``.

    Entries follow a standard normal distribution truncated to
    ``[-1/sqrt(no_of_in_nodes), +1/sqrt(no_of_in_nodes)]``.

    >>> initial_weights(2, 3, seed=1).shape
    (2, 3)
    """
    no_of_out_nodes = positive_int(no_of_out_nodes, "no_of_out_nodes")
    bound = weight_bound(no_of_in_nodes)
    distribution = truncated_normal(mean=0.0, sd=1.0, low=-bound, upp=bound)
    return distribution.rvs(size=(no_of_out_nodes, no_of_in_nodes), random_state=as_generator(seed))
