"""Optimisers: how a training step turns gradients into changes of the weights.

Plain gradient descent is the update of the chapter "Training by backpropagation"
(``book/07_backpropagation.ipynb``), W ← W - η ∂E/∂W. Momentum and Adam are two
refinements that every larger library offers; each is a small class whose
``step`` changes the weight matrices in place and keeps what it needs to remember
(velocities, moment estimates) from one step to the next.
"""

from __future__ import annotations

import numpy as np


class SGD:
    """Plain (stochastic) gradient descent: W ← W - η g."""

    name = "sgd"

    def settings(self) -> dict:
        return {}

    def step(self, weights: list, gradients: list, learning_rate: float) -> None:
        for w, g in zip(weights, gradients, strict=True):
            g *= learning_rate  # in place: the gradients are fresh arrays of this step
            w -= g


class Momentum:
    """Gradient descent with momentum (Polyak's heavy ball, as in Sutskever et al., 2013).

    v ← β v - η g, then W ← W + v: the step keeps a share β of the previous one, so
    it gathers speed along directions where the gradients agree.
    """

    name = "momentum"

    def __init__(self, beta: float = 0.9) -> None:
        self.beta = beta
        self.velocities: list[np.ndarray] = []

    def settings(self) -> dict:
        return {"beta": self.beta}

    def step(self, weights: list, gradients: list, learning_rate: float) -> None:
        if not self.velocities:
            self.velocities = [np.zeros_like(w) for w in weights]
        for w, g, v in zip(weights, gradients, self.velocities, strict=True):
            v *= self.beta
            v -= learning_rate * g
            w += v


class Adam:
    """Adam (Kingma and Ba, 2015, Algorithm 1), with step counter t:

    m ← β₁ m + (1 - β₁) g,  v ← β₂ v + (1 - β₂) g²,
    m̂ = m / (1 - β₁ᵗ),  v̂ = v / (1 - β₂ᵗ),  W ← W - η m̂ / (√v̂ + ε).
    """

    name = "adam"

    def __init__(self, beta1: float = 0.9, beta2: float = 0.999, epsilon: float = 1e-8) -> None:
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.t = 0
        self.moments: list[np.ndarray] = []
        self.squares: list[np.ndarray] = []

    def settings(self) -> dict:
        return {"beta1": self.beta1, "beta2": self.beta2, "epsilon": self.epsilon}

    def step(self, weights: list, gradients: list, learning_rate: float) -> None:
        if not self.moments:
            self.moments = [np.zeros_like(w) for w in weights]
            self.squares = [np.zeros_like(w) for w in weights]
        self.t += 1
        m_correction = 1.0 - self.beta1**self.t
        v_correction = 1.0 - self.beta2**self.t
        for w, g, m, v in zip(weights, gradients, self.moments, self.squares, strict=True):
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * g * g
            w -= learning_rate * (m / m_correction) / (np.sqrt(v / v_correction) + self.epsilon)


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam}
