"""Tests of nnlib.optimizers against their published update rules, step by step.

The references below are written from the papers, for one scalar weight at a time,
with no arrays and no in-place tricks: momentum as v ← βv - ηg, w ← w + v
(Sutskever et al., 2013, eq. 1-2), Adam as Algorithm 1 of Kingma and Ba (2015).
"""

import math

import numpy as np
import pytest

from nnlib import SGD, Adam, Momentum, NeuralNetwork

RATE = 0.05


def gradient_sequence(steps=6, shape=(2, 3), seed=0):
    rng = np.random.default_rng(seed)
    return [rng.normal(size=shape) for _ in range(steps)]


def run_optimizer(optimizer, start, gradients):
    """The weights after each step of ``optimizer``, which updates in place."""
    weights, history = [start.copy()], []
    for gradient in gradients:
        optimizer.step(weights, [gradient.copy()], RATE)
        history.append(weights[0].copy())
    return history


def test_sgd_subtracts_the_rate_times_the_gradient():
    start = np.ones((2, 3))
    gradients = gradient_sequence(3)
    expected = start.copy()
    for gradient, after in zip(gradients, run_optimizer(SGD(), start, gradients), strict=True):
        expected = expected - RATE * gradient
        np.testing.assert_allclose(after, expected, rtol=1e-15)


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9])
def test_momentum_follows_v_gets_beta_v_minus_rate_g_then_w_gets_w_plus_v(beta):
    start = np.zeros((2, 3))
    gradients = gradient_sequence()
    after = run_optimizer(Momentum(beta=beta), start, gradients)
    for index in np.ndindex(start.shape):
        w, v = start[index], 0.0
        for step, gradient in enumerate(gradients):
            v = beta * v - RATE * gradient[index]
            w = w + v
            assert after[step][index] == pytest.approx(w, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(("beta1", "beta2"), [(0.9, 0.999), (0.5, 0.9)])
def test_adam_follows_algorithm_1_of_kingma_and_ba(beta1, beta2):
    epsilon = 1e-8
    start = np.full((2, 3), 0.3)
    gradients = gradient_sequence(8)
    after = run_optimizer(Adam(beta1=beta1, beta2=beta2, epsilon=epsilon), start, gradients)
    for index in np.ndindex(start.shape):
        w, m, v = start[index], 0.0, 0.0
        for t, gradient in enumerate(gradients, start=1):
            g = gradient[index]
            m = beta1 * m + (1 - beta1) * g
            v = beta2 * v + (1 - beta2) * g**2
            m_hat = m / (1 - beta1**t)
            v_hat = v / (1 - beta2**t)
            w = w - RATE * m_hat / (math.sqrt(v_hat) + epsilon)
            assert after[t - 1][index] == pytest.approx(w, rel=1e-12)


def test_adams_first_step_moves_every_weight_by_about_the_learning_rate():
    after = run_optimizer(Adam(), np.zeros((2, 3)), gradient_sequence(1))[0]
    np.testing.assert_allclose(np.abs(after), RATE, rtol=1e-6)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_network_trains_with_each_optimizer_and_its_first_step_matches_the_rule(optimizer):
    network = NeuralNetwork(2, 1, 3, RATE, seed=0, bias=True, optimizer=optimizer)
    inputs, targets = np.array([[0.5, -1.0], [1.0, 2.0]]), np.array([[1.0], [0.0]])
    before = [w.copy() for w in network.weights]
    gradients = network.gradients(inputs, targets)
    network.train(inputs, targets)
    for w_before, gradient, w_after in zip(before, gradients, network.weights, strict=True):
        if optimizer == "adam":  # m̂ = g and v̂ = g² at t = 1
            expected = w_before - RATE * gradient / (np.abs(gradient) + 1e-8)
        else:  # plain step, and momentum's first velocity is -ηg
            expected = w_before - RATE * gradient
        np.testing.assert_allclose(w_after, expected, rtol=1e-10, atol=1e-15)


def test_each_network_gets_an_optimizer_of_its_own_with_the_settings_given():
    shared = Adam(beta1=0.8)
    first = NeuralNetwork(2, 1, 3, 0.1, seed=0, optimizer=shared)
    second = NeuralNetwork(2, 1, 3, 0.1, seed=0, optimizer=shared)
    assert first.optimizer is not second.optimizer and first.optimizer is not shared
    assert first.optimizer.settings() == {"beta1": 0.8, "beta2": 0.999, "epsilon": 1e-8}
    first.train([1.0, 2.0], [1.0])
    assert second.optimizer.t == 0 and first.optimizer.t == 1


@pytest.mark.parametrize(
    ("optimizer", "error", "message"),
    [
        ("rmsprop", ValueError, "optimizer: expected one of 'sgd', 'momentum', 'adam', got"),
        (3, TypeError, "optimizer: expected one of .* or an optimiser"),
        (object(), TypeError, "or an optimiser of nnlib.optimizers, got"),
        (Momentum(beta=1.0), ValueError, r"beta: expected a number in \[0, 1\), got 1.0"),
        (Adam(beta2=-0.1), ValueError, r"beta2: expected a number in \[0, 1\), got -0.1"),
        (Adam(epsilon=0.0), ValueError, "epsilon: expected a positive finite number, got 0.0"),
        (Adam(beta1="0.9"), TypeError, "beta1: expected a number in"),
    ],
)
def test_a_bad_optimizer_is_refused_by_name(optimizer, error, message):
    with pytest.raises(error, match=message):
        NeuralNetwork(2, 1, 3, 0.1, optimizer=optimizer)


def test_the_default_settings_are_those_of_the_papers():
    assert Momentum().settings() == {"beta": 0.9}
    assert Adam().settings() == {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
    assert SGD().settings() == {}
    assert NeuralNetwork(2, 1, 3, 0.1, optimizer="momentum").optimizer.beta == 0.9
