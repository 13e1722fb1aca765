"""Tests of nnlib.losses against scipy, scikit-learn and difference quotients."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy import special

from nnlib.losses import CrossEntropy, SquaredError, log_softmax, softmax

weighted_sums = hnp.arrays(
    np.float64, st.tuples(st.integers(2, 6), st.integers(1, 5)), elements=st.floats(-50, 50)
)


@settings(deadline=None)
@given(weighted_sums)
def test_softmax_and_log_softmax_agree_with_scipy_column_by_column(z):
    np.testing.assert_allclose(softmax(z), special.softmax(z, axis=0), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(log_softmax(z), special.log_softmax(z, axis=0), rtol=1e-9, atol=1e-9)


def test_softmax_outputs_are_positive_and_sum_to_one_even_for_huge_sums():
    z = np.array([[1000.0, -1000.0], [0.0, -1001.0], [-1000.0, -999.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y, log_y = softmax(z), log_softmax(z)
    np.testing.assert_allclose(y.sum(axis=0), 1.0)
    assert np.all(y >= 0) and np.all(np.isfinite(log_y))
    assert log_y[2, 0] == pytest.approx(-2000.0)  # log of a probability that rounds to 0


@settings(deadline=None)
@given(weighted_sums, st.integers(0, 2**32 - 1))
def test_cross_entropy_is_scikit_learns_log_loss_of_the_softmax(z, seed):
    from sklearn.metrics import log_loss  # here: scikit-learn takes 2 s to import

    n_classes, n_samples = z.shape
    labels = np.random.default_rng(seed).integers(0, n_classes, size=n_samples)
    targets = np.eye(n_classes)[:, labels]
    y = CrossEntropy.output(z)
    expected = log_loss(labels, y.T, labels=range(n_classes))
    # log_loss clips probabilities to [eps, 1 - eps]; compare where that does not bite.
    if y[labels, range(n_samples)].min() > 1e-12:
        assert CrossEntropy.value(z, y, targets) == pytest.approx(expected, rel=1e-9)


def test_cross_entropy_is_computed_from_the_weighted_sums_not_the_rounded_outputs():
    z = np.array([[0.0], [800.0]])  # the softmax output of class 0 rounds to 0
    targets = np.array([[1.0], [0.0]])
    assert CrossEntropy.value(z, CrossEntropy.output(z), targets) == pytest.approx(800.0)


def test_squared_error_is_half_the_squared_distance_averaged_over_samples():
    y = np.array([[0.2, 1.0], [0.6, 0.0]])
    t = np.array([[0.0, 1.0], [1.0, 1.0]])
    # samples (columns): ½(0.04 + 0.16) = 0.1 and ½(0 + 1) = 0.5; mean 0.3
    assert SquaredError.value(None, y, t) == pytest.approx(0.3)


def test_squared_error_output_is_the_sigmoid_in_place():
    z = np.array([[0.0, np.log(3.0)]])
    y = SquaredError.output(z)
    assert y is z
    np.testing.assert_allclose(y, [[0.5, 0.75]])


@pytest.mark.parametrize("loss", [SquaredError, CrossEntropy])
def test_the_output_delta_is_the_derivative_of_the_loss_by_the_weighted_sums(loss):
    rng = np.random.default_rng(0)
    z = rng.normal(size=(3, 1))
    t = np.array([[0.0], [1.0], [0.0]])
    delta = loss.output_delta(loss.output(z.copy()), t)
    step = 1e-6
    for k in range(3):
        above, below = z.copy(), z.copy()
        above[k] += step
        below[k] -= step
        value_above = loss.value(above, loss.output(above.copy()), t)
        value_below = loss.value(below, loss.output(below.copy()), t)
        assert delta[k, 0] == pytest.approx((value_above - value_below) / (2 * step), abs=1e-8)
