"""Tests of nnlib.weights: the truncated normal initialisation, Glorot and He."""

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from nnlib.weights import (
    as_generator,
    glorot_weights,
    he_weights,
    initial_weights,
    layer_weights,
    truncated_normal,
    weight_bound,
)


@given(n_out=st.integers(1, 30), n_in=st.integers(1, 30), seed=st.integers(0, 2**32))
def test_initial_weights_have_shape_out_by_in_and_stay_within_the_bound(n_out, n_in, seed):
    weights = initial_weights(n_out, n_in, seed=seed)
    assert weights.shape == (n_out, n_in)
    assert np.all(np.abs(weights) <= 1 / np.sqrt(n_in))


def test_the_same_seed_gives_the_same_weights_and_another_seed_other_weights():
    np.testing.assert_array_equal(initial_weights(4, 3, seed=7), initial_weights(4, 3, seed=7))
    assert not np.array_equal(initial_weights(4, 3, seed=7), initial_weights(4, 3, seed=8))


def test_a_generator_is_drawn_from_so_two_draws_differ_but_replay_from_the_same_seed():
    rng = np.random.default_rng(5)
    first, second = initial_weights(3, 3, rng), initial_weights(3, 3, rng)
    assert not np.array_equal(first, second)
    replay = np.random.default_rng(5)
    np.testing.assert_array_equal(first, initial_weights(3, 3, replay))
    np.testing.assert_array_equal(second, initial_weights(3, 3, replay))


def test_weights_without_a_seed_differ_between_calls():
    assert not np.array_equal(initial_weights(5, 5), initial_weights(5, 5))


def test_initial_weights_follow_the_truncated_standard_normal():
    # With one input the bound is 1, wide enough for the shape to be told apart
    # from a uniform or an untruncated normal by a Kolmogorov-Smirnov test.
    sample = initial_weights(20_000, 1, seed=0).ravel()
    assert stats.kstest(sample, stats.truncnorm(-1, 1).cdf).pvalue > 0.01
    assert stats.kstest(sample, stats.uniform(-1, 2).cdf).pvalue < 1e-6
    assert stats.kstest(sample, stats.norm().cdf).pvalue < 1e-6


def test_truncated_normal_takes_bounds_in_the_units_of_the_values():
    dist = truncated_normal(mean=2.0, sd=0.5, low=1.0, upp=4.0)
    draws = dist.rvs(size=10_000, random_state=np.random.default_rng(0))
    assert draws.min() >= 1.0 and draws.max() <= 4.0
    # The density at the mean is the normal density rescaled by the kept mass.
    kept = stats.norm(2.0, 0.5).cdf(4.0) - stats.norm(2.0, 0.5).cdf(1.0)
    assert dist.pdf(2.0) == pytest.approx(stats.norm(2.0, 0.5).pdf(2.0) / kept)
    assert dist.pdf(0.9) == 0.0


def test_weight_bound_is_one_over_the_square_root_of_the_inputs():
    assert weight_bound(4) == 0.5
    assert weight_bound(100) == pytest.approx(0.1)


def test_as_generator_returns_the_generator_it_is_given():
    rng = np.random.default_rng(1)
    assert as_generator(rng) is rng
    assert isinstance(as_generator(np.int64(3)), np.random.Generator)


@pytest.mark.parametrize(
    ("seed", "error", "message"),
    [
        ("42", TypeError, "seed: expected an int >= 0, a numpy.random.Generator or None, got '42'"),
        (1.5, TypeError, "got 1.5 (float)"),
        (True, TypeError, "got True (bool)"),
        (-1, ValueError, "seed: expected an int >= 0, got -1"),
    ],
)
def test_a_bad_seed_is_refused_by_name(seed, error, message):
    with pytest.raises(error, match=re.escape(message)):
        initial_weights(2, 2, seed=seed)


@pytest.mark.parametrize(
    ("n_out", "n_in", "error", "message"),
    [
        (0, 3, ValueError, "no_of_out_nodes: expected a positive integer, got 0"),
        (2, -1, ValueError, "no_of_in_nodes: expected a positive integer, got -1"),
        (2.0, 3, TypeError, "no_of_out_nodes: expected a positive integer, got 2.0"),
        (2, None, TypeError, "no_of_in_nodes: expected a positive integer, got None"),
    ],
)
def test_bad_layer_sizes_are_refused_by_name(n_out, n_in, error, message):
    with pytest.raises(error, match=message):
        initial_weights(n_out, n_in, seed=0)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"low": 1.0, "upp": 1.0}, ValueError, "expected low < upp, got low=1.0 and upp=1.0"),
        ({"sd": 0.0}, ValueError, "sd: expected a positive finite number, got 0.0"),
        ({"mean": "0"}, TypeError, "mean: expected a finite real number, got '0'"),
        ({"upp": float("inf")}, ValueError, "upp: expected a finite real number, got inf"),
    ],
)
def test_bad_truncated_normal_parameters_are_refused_by_name(kwargs, error, message):
    with pytest.raises(error, match=message):
        truncated_normal(**kwargs)


def test_glorot_weights_are_uniform_within_the_root_of_six_over_the_fan_in_plus_fan_out():
    weights = glorot_weights(100, 200, seed=0)
    bound = np.sqrt(6 / 300)
    assert weights.shape == (100, 200) and np.abs(weights).max() <= bound
    assert stats.kstest(weights.ravel(), stats.uniform(-bound, 2 * bound).cdf).pvalue > 0.01


def test_he_weights_are_normal_with_variance_two_over_the_fan_in():
    weights = he_weights(100, 50, seed=0)
    assert weights.shape == (100, 50)
    assert stats.kstest(weights.ravel(), stats.norm(0, np.sqrt(2 / 50)).cdf).pvalue > 0.01


@pytest.mark.parametrize("draw", [glorot_weights, he_weights])
def test_glorot_and_he_take_a_seed_and_refuse_bad_sizes(draw):
    np.testing.assert_array_equal(draw(3, 4, seed=1), draw(3, 4, seed=1))
    with pytest.raises(ValueError, match="no_of_in_nodes: expected a positive integer, got 0"):
        draw(3, 0)
    with pytest.raises(TypeError, match="no_of_out_nodes: expected a positive integer"):
        draw(None, 3)


def test_a_layer_counts_the_bias_node_as_an_input_only_for_the_truncated_normal():
    rng, replay = np.random.default_rng(0), np.random.default_rng(0)
    book = layer_weights("truncated_normal", 3, 4, True, rng)
    np.testing.assert_array_equal(book, initial_weights(3, 5, replay))
    glorot = layer_weights("glorot", 3, 4, True, rng)
    np.testing.assert_array_equal(glorot[:, :-1], glorot_weights(3, 4, replay))
    assert glorot.shape == (3, 5) and np.all(glorot[:, -1] == 0)
    np.testing.assert_array_equal(layer_weights("he", 3, 4, False, rng), he_weights(3, 4, replay))


def test_the_default_truncated_normal_is_the_standard_normal_cut_at_plus_minus_one():
    distribution = truncated_normal()
    assert distribution.support() == (-1.0, 1.0)
    assert distribution.mean() == pytest.approx(0.0, abs=1e-12)
    assert distribution.pdf(0.5) / distribution.pdf(0.0) == pytest.approx(np.exp(-0.125))


def test_a_bad_lower_bound_is_refused_by_its_name():
    with pytest.raises(TypeError, match=r"^low: expected a finite real number, got 'a'"):
        truncated_normal(low="a")
