"""Initial weights: the truncated normal distribution, and Glorot and He.

This module is the code of the chapter "Weights" (``book/01_weights.ipynb``).

A layer with ``n_in`` inputs and ``n_out`` nodes has a weight matrix of shape
``(n_out, n_in)``: row ``j`` holds the weights of the connections into node ``j``.
The book's initial entries are drawn from a standard normal distribution cut off at
``-1/sqrt(n_in)`` and ``+1/sqrt(n_in)``, so they are small, random and different
from each other, and the weighted sum of a node stays moderate however many inputs
it has. Deeper networks use two refinements of the same idea, each with the spread
chosen for an activation function: Glorot (for sigmoid and tanh) and He (for ReLU).
"""

from __future__ import annotations

import math

import numpy as np

from nnlib import _checks

SeedLike = int | np.random.Generator | None
"""What every random function in nnlib accepts as ``seed``."""


def as_generator(seed: SeedLike) -> np.random.Generator:
    """A NumPy random generator for ``seed``.

    An ``int`` of at least 0 gives a generator that draws the same numbers every
    time; a ``Generator`` is used as it is, so that draws continue its stream;
    ``None`` gives fresh, unpredictable draws.
    """
    return np.random.default_rng(_checks.seed(seed))


def truncated_normal(mean: float = 0.0, sd: float = 1.0, low: float = -1.0, upp: float = 1.0):
    """A normal distribution with ``mean`` and ``sd``, cut off outside ``[low, upp]``.

    The result is a frozen ``scipy.stats.truncnorm`` distribution: draw from it
    with ``.rvs(size, random_state=...)``, evaluate its density with ``.pdf(x)``.
    SciPy expects the bounds in units of ``sd`` around ``mean``; this function
    takes them in the units of the values, which is how we think of them.
    """
    sd = _checks.positive_finite_float(sd, "sd")
    mean, low, upp = (
        _checks.real_number(value, name, "a finite real number", -math.inf, math.inf)
        for name, value in (("mean", mean), ("low", low), ("upp", upp))
    )
    if not low < upp:
        raise ValueError(f"expected low < upp, got low={low} and upp={upp}")
    from scipy.stats import truncnorm  # here, not above: it takes a second to import

    return truncnorm((low - mean) / sd, (upp - mean) / sd, loc=mean, scale=sd)


def weight_bound(no_of_in_nodes: int) -> float:
    """``1 / sqrt(no_of_in_nodes)``, the bound of the book's initial weights."""
    return 1.0 / math.sqrt(_checks.positive_int(no_of_in_nodes, "no_of_in_nodes"))


def initial_weights(no_of_out_nodes: int, no_of_in_nodes: int, seed: SeedLike = None) -> np.ndarray:
    """A weight matrix of shape ``(no_of_out_nodes, no_of_in_nodes)``, the book's way.

    Entries follow a standard normal distribution truncated to
    ``[-1/sqrt(no_of_in_nodes), +1/sqrt(no_of_in_nodes)]``.

    >>> initial_weights(2, 3, seed=1).shape
    (2, 3)
    """
    no_of_out_nodes = _checks.positive_int(no_of_out_nodes, "no_of_out_nodes")
    bound = weight_bound(no_of_in_nodes)
    distribution = truncated_normal(mean=0.0, sd=1.0, low=-bound, upp=bound)
    return distribution.rvs(size=(no_of_out_nodes, no_of_in_nodes), random_state=as_generator(seed))


def glorot_weights(no_of_out_nodes: int, no_of_in_nodes: int, seed: SeedLike = None) -> np.ndarray:
    """Glorot (or Xavier) initialisation: uniform in ``±sqrt(6 / (n_in + n_out))``.

    The variance ``2 / (n_in + n_out)`` keeps the spread of the values about the
    same from layer to layer, forward and backward, for sigmoid-like activations
    (Glorot and Bengio, 2010).
    """
    n_out = _checks.positive_int(no_of_out_nodes, "no_of_out_nodes")
    n_in = _checks.positive_int(no_of_in_nodes, "no_of_in_nodes")
    bound = math.sqrt(6.0 / (n_in + n_out))
    return as_generator(seed).uniform(-bound, bound, size=(n_out, n_in))


def he_weights(no_of_out_nodes: int, no_of_in_nodes: int, seed: SeedLike = None) -> np.ndarray:
    """He initialisation: normal with mean 0 and variance ``2 / n_in``.

    ReLU sets about half of its inputs to 0; twice the variance makes up for it
    (He et al., 2015).
    """
    n_out = _checks.positive_int(no_of_out_nodes, "no_of_out_nodes")
    n_in = _checks.positive_int(no_of_in_nodes, "no_of_in_nodes")
    return as_generator(seed).normal(0.0, math.sqrt(2.0 / n_in), size=(n_out, n_in))


def layer_weights(initialisation: str, n_out: int, n_in: int, bias: bool, rng) -> np.ndarray:
    """The weights of one layer of a network, its bias column (if any) last.

    The book's truncated normal draws the bias column like the other weights, with
    the bias node counted as an input (the chapter "Bias nodes"); Glorot and He
    start every bias at 0, as their authors do.
    """
    if initialisation == "truncated_normal":
        return initial_weights(n_out, n_in + bias, rng)
    draw = glorot_weights if initialisation == "glorot" else he_weights
    return np.hstack([draw(n_out, n_in, rng), np.zeros((n_out, int(bias)))])


INITIALISATIONS = ("truncated_normal", "glorot", "he")
