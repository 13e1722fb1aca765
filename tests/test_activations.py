"""Tests of nnlib.activations against scipy and numerical derivatives."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnlib.activations import (
    HIDDEN_ACTIVATIONS,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh_derivative,
)

finite_floats = st.floats(-1e6, 1e6, allow_nan=False)
float_arrays = hnp.arrays(
    np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=finite_floats
)


def numerical_derivative(f, x, h=1e-5):
    """Central difference quotient, an independent reference for the derivatives."""
    return (np.asarray(f(x + h)) - np.asarray(f(x - h))) / (2 * h)


@given(hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5),
                  elements=st.floats(-700, 700)))  # fmt: skip
def test_sigmoid_is_one_over_one_plus_e_to_the_minus_x_and_keeps_the_shape(x):
    # The formula itself, where exp(-x) does not overflow, is the reference.
    np.testing.assert_allclose(sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-14, atol=0)
    assert np.shape(sigmoid(x)) == x.shape


@given(st.floats(-30, 30))
def test_sigmoid_lies_strictly_between_zero_and_one_where_floats_can_show_it(x):
    assert 0 < sigmoid(x) < 1


@given(st.floats(-50, 50))
def test_sigmoid_is_symmetric_about_one_half(x):
    assert sigmoid(-x) == pytest.approx(1 - sigmoid(x), abs=1e-15)


@given(st.floats(-20, 20))
def test_sigmoid_derivative_is_the_difference_quotient_of_sigmoid(x):
    assert sigmoid_derivative(x) == pytest.approx(numerical_derivative(sigmoid, x), abs=1e-9)


@given(float_arrays)
def test_sigmoid_derivative_is_at_most_a_quarter_and_never_negative(x):
    d = sigmoid_derivative(x)
    assert np.all((d >= 0) & (d <= 0.25))


@given(st.floats(-1e6, 1e6).filter(lambda x: abs(x) > 1e-4))
def test_relu_derivative_is_the_difference_quotient_of_relu_away_from_zero(x):
    assert relu_derivative(x) == pytest.approx(
        numerical_derivative(relu, x, h=1e-6 * max(1, abs(x)) / 2)
    )


@given(float_arrays)
def test_relu_is_the_positive_part(x):
    np.testing.assert_array_equal(relu(x), np.where(x > 0, x, 0.0))


def test_relu_derivative_is_zero_at_zero_and_nan_stays_nan():
    np.testing.assert_array_equal(relu_derivative([-1.0, 0.0, 2.0, np.nan]), [0, 0, 1, np.nan])


@pytest.mark.parametrize(
    "function", [sigmoid, sigmoid_derivative, relu, relu_derivative, tanh_derivative]
)
def test_numbers_give_floats_and_lists_or_tuples_give_arrays(function):
    assert type(function(1)) is float
    assert type(function(np.float32(1))) is float
    for values in ([1, -2], (1, -2), np.array([1, -2]), [[1], [-2]]):
        result = function(values)
        assert isinstance(result, np.ndarray)
        assert result.shape == np.shape(values)
        np.testing.assert_array_equal(result.ravel(), [function(v) for v in np.ravel(values)])


@pytest.mark.parametrize("function", [sigmoid, sigmoid_derivative, relu, relu_derivative])
def test_huge_inputs_give_the_limits_without_any_warning(function):
    x = np.array([-1e6, -1e300, -np.inf, 1e6, 1e300, np.inf])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = function(x)
    limits = {
        sigmoid: [0, 0, 0, 1, 1, 1],
        sigmoid_derivative: [0, 0, 0, 0, 0, 0],
        relu: [0, 0, 0, 1e6, 1e300, np.inf],
        relu_derivative: [0, 0, 0, 1, 1, 1],
    }
    np.testing.assert_array_equal(result, limits[function])


@pytest.mark.parametrize(
    "function", [sigmoid, sigmoid_derivative, relu, relu_derivative, tanh_derivative]
)
@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        (None, TypeError, "^x: expected a number, a list, tuple or array of numbers, got None"),
        ("1.0", TypeError, "x: expected numbers, got the text '1.0'"),
        ([1, "a"], TypeError, "x: expected real numbers, got .* with elements of type str"),
        ([1, None], TypeError, "with elements of type NoneType"),
        ([1 + 2j], TypeError, "with elements of type complex"),
        ([[1, 2], [3]], ValueError, "x: expected a rectangular array"),
    ],
)
def test_bad_input_is_refused_with_what_was_expected_and_what_came(function, bad, error, message):
    with pytest.raises(error, match=message):
        function(bad)


@given(st.floats(-10, 10))
def test_tanh_derivative_is_the_difference_quotient_of_tanh(x):
    assert tanh_derivative(x) == pytest.approx(numerical_derivative(np.tanh, x), abs=1e-9)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_a_hidden_activation_works_in_place_and_its_derivative_is_written_with_its_value(name):
    activation = HIDDEN_ACTIVATIONS[name]
    z = np.array([[-2.0, -0.5, 0.3], [1.0, 2.5, -3.0]])  # away from ReLU's kink
    h = z.copy()
    assert activation.apply(h, out=h) is h
    np.testing.assert_allclose(h, {"sigmoid": sigmoid, "tanh": np.tanh, "relu": relu}[name](z))
    step = 1e-6
    slope = (activation.apply(z + step) - activation.apply(z - step)) / (2 * step)
    np.testing.assert_allclose(activation.derivative(h), slope, atol=1e-8)
    assert activation.name == name


def test_the_relu_derivative_is_zero_at_the_kink():
    np.testing.assert_array_equal(HIDDEN_ACTIVATIONS["relu"].derivative(np.array([0.0, 1.0])),
                                  [0.0, 1.0])  # fmt: skip
