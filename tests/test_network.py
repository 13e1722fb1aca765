"""Tests of nnlib.network: construction, layers, weights, the forward pass and bad input."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnlib import NeuralNetwork
from nnlib.weights import initial_weights


def plain_forward_pass(weights_in_hidden, weights_hidden_out, sample, bias=False):
    """The forward pass for one sample written out with numpy only, as a reference;
    with ``bias``, a constant 1 is appended to the input of each layer."""

    def logistic(z):
        return 1.0 / (1.0 + np.exp(-z))

    def layer_input(values):
        values = np.asarray(values, dtype=float)
        return np.append(values, 1.0) if bias else values

    hidden = logistic(weights_in_hidden @ layer_input(sample))
    return logistic(weights_hidden_out @ layer_input(hidden))


def plain_deep_forward(weights, sample, activation, loss, bias):
    """The forward pass of any depth, for one sample, with numpy only."""
    functions = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh,
                 "relu": lambda z: np.maximum(z, 0)}  # fmt: skip
    values = np.asarray(sample, dtype=float)
    for layer, w in enumerate(weights):
        z = w @ (np.append(values, 1.0) if bias else values)
        values = functions[activation](z) if layer < len(weights) - 1 else z
    if loss == "squared_error":
        return functions["sigmoid"](values)
    return np.exp(values) / np.sum(np.exp(values))


@pytest.fixture
def network():
    return NeuralNetwork(
        no_of_in_nodes=2, no_of_out_nodes=3, no_of_hidden_nodes=4, learning_rate=0.6, seed=1
    )


def test_weight_matrices_have_shapes_hidden_by_in_and_out_by_hidden(network):
    assert network.weights_in_hidden.shape == (4, 2)
    assert network.weights_hidden_out.shape == (3, 4)


def test_each_layer_is_bounded_by_one_over_the_root_of_its_inputs():
    network = NeuralNetwork(9, 2, 16, 0.1, seed=0)
    assert np.abs(network.weights_in_hidden).max() <= 1 / 3
    assert np.abs(network.weights_hidden_out).max() <= 1 / 4


def test_the_network_draws_its_weights_from_one_generator_in_layer_order():
    network = NeuralNetwork(2, 3, 4, 0.6, seed=1)
    rng = np.random.default_rng(1)
    np.testing.assert_array_equal(network.weights_in_hidden, initial_weights(4, 2, rng))
    np.testing.assert_array_equal(network.weights_hidden_out, initial_weights(3, 4, rng))


def test_same_seed_same_network_and_create_weight_matrices_draws_new_weights():
    first, second = NeuralNetwork(2, 3, 4, 0.6, seed=1), NeuralNetwork(2, 3, 4, 0.6, seed=1)
    np.testing.assert_array_equal(first.weights_in_hidden, second.weights_in_hidden)
    before = first.weights_in_hidden.copy()
    first.create_weight_matrices()
    assert not np.array_equal(before, first.weights_in_hidden)


def test_a_generator_passed_as_seed_is_drawn_from():
    rng = np.random.default_rng(3)
    a, b = NeuralNetwork(2, 2, 2, 0.1, seed=rng), NeuralNetwork(2, 2, 2, 0.1, seed=rng)
    assert not np.array_equal(a.weights_in_hidden, b.weights_in_hidden)


def test_repr_shows_the_constructor_arguments(network):
    assert repr(network) == (
        "NeuralNetwork(no_of_in_nodes=2, no_of_out_nodes=3, no_of_hidden_nodes=4, "
        "learning_rate=0.6)"
    )


def test_the_node_counts_and_learning_rate_are_kept(network):
    assert (network.no_of_in_nodes, network.no_of_out_nodes, network.no_of_hidden_nodes) == (
        2,
        3,
        4,
    )
    assert network.learning_rate == 0.6


@pytest.mark.parametrize(
    "sample", [[3, 4], (3, 4), np.array([3, 4]), np.array([3.0, 4.0], dtype=np.float32)]
)
def test_one_sample_as_list_tuple_or_array_gives_one_column(network, sample):
    output = network.run(sample)
    assert output.shape == (3, 1)
    expected = plain_forward_pass(network.weights_in_hidden, network.weights_hidden_out, [3, 4])
    np.testing.assert_allclose(output[:, 0], expected, rtol=1e-6)


def test_a_list_holding_one_tuple_is_one_sample_as_in_the_source_chapter(network):
    np.testing.assert_array_equal(network.run([(3, 4)]), network.run([3, 4]))


@given(
    sizes=st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6)),
    n_samples=st.integers(1, 8),
    data=st.data(),
)
def test_several_samples_give_one_output_column_each_equal_to_the_single_runs(
    sizes, n_samples, data
):
    n_in, n_out, n_hidden = sizes
    network = NeuralNetwork(n_in, n_out, n_hidden, 0.1, seed=0)
    samples = data.draw(hnp.arrays(np.float64, (n_samples, n_in), elements=st.floats(-100, 100)))
    output = network.run(samples)
    assert output.shape == (n_out, n_samples)
    for column, sample in enumerate(samples):
        reference = plain_forward_pass(
            network.weights_in_hidden, network.weights_hidden_out, sample
        )
        np.testing.assert_allclose(output[:, column], reference, rtol=1e-12, atol=1e-300)


@given(hnp.arrays(np.float64, 2, elements=st.floats(-1e6, 1e6)))
def test_outputs_lie_in_the_closed_unit_interval(sample):
    output = NeuralNetwork(2, 3, 4, 0.6, seed=1).run(sample)
    assert np.all((output >= 0) & (output <= 1))


def test_weights_set_by_hand_are_used_by_run():
    network = NeuralNetwork(2, 1, 2, 0.1, seed=0)
    network.weights_in_hidden = [[1.0, 0.0], [0.0, 1.0]]
    network.weights_hidden_out = [[0.0, 0.0]]
    np.testing.assert_array_equal(network.run([5, -5]), [[0.5]])


def test_run_does_not_change_the_input_or_the_weights(network):
    sample = np.array([[1.0, 2.0], [3.0, 4.0]])
    weights = network.weights_in_hidden.copy()
    network.run(sample)
    np.testing.assert_array_equal(sample, [[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(network.weights_in_hidden, weights)


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        (
            [1, 2, 3],
            ValueError,
            r"input_vector: expected 2 values per sample \(one per input node\), got 3",
        ),
        ([[1], [2]], ValueError, "got 1; several samples go in the rows, not the columns"),
        (np.ones((3, 5)), ValueError, "expected 2 values per sample .*got 5$"),
        (
            5,
            ValueError,
            "expected one sample .* or several samples as the rows of a 2-D array, "
            "got a single number$",
        ),
        (np.ones((1, 1, 2)), ValueError, r"got a 3-D array of shape \(1, 1, 2\)"),
        ([], ValueError, "input_vector: expected at least one sample of values, got empty input"),
        (np.zeros((0, 2)), ValueError, "got empty input"),
        ([1, np.nan], ValueError, "input_vector: expected finite numbers, got nan at position 1"),
        ([[1, 2], [np.inf, 0]], ValueError, r"got inf at position \(1, 0\)"),
        (
            ["1", "2"],
            TypeError,
            "input_vector: expected real numbers, got .* with elements of type str",
        ),
        ("12", TypeError, "input_vector: expected numbers, got the text '12'"),
        (
            [[1, 2], [3]],
            ValueError,
            "input_vector: expected a rectangular array .* got ragged input",
        ),
        ([1, None], TypeError, "with elements of type NoneType"),
        (
            None,
            TypeError,
            "input_vector: expected a number, a list, tuple or array of numbers, got None",
        ),
        ({1: 2}, TypeError, "with elements of type dict"),
    ],
)
def test_bad_input_to_run_says_what_was_expected_and_what_came(network, bad, error, message):
    with pytest.raises(error, match=message):
        network.run(bad)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((0, 2, 2, 0.1), ValueError, "no_of_in_nodes: expected a positive integer, got 0"),
        ((2, -1, 2, 0.1), ValueError, "no_of_out_nodes: expected a positive integer, got -1"),
        (
            (2, 2, 2.5, 0.1),
            TypeError,
            r"no_of_hidden_nodes: expected a positive integer, got 2.5 \(float\)",
        ),
        ((2, 2, "4", 0.1), TypeError, "no_of_hidden_nodes: expected a positive integer, got '4'"),
        (
            (True, 2, 2, 0.1),
            TypeError,
            r"no_of_in_nodes: expected a positive integer, got True \(bool\)",
        ),
        ((2, None, 2, 0.1), TypeError, "no_of_out_nodes: expected a positive integer, got None"),
        ((2, 2, 2, 0), ValueError, "learning_rate: expected a positive finite number, got 0"),
        ((2, 2, 2, -0.5), ValueError, "learning_rate: expected a positive finite number, got -0.5"),
        (
            (2, 2, 2, float("inf")),
            ValueError,
            "learning_rate: expected a positive finite number, got inf",
        ),
        (
            (2, 2, 2, float("nan")),
            ValueError,
            "learning_rate: expected a positive finite number, got nan",
        ),
        (
            (2, 2, 2, "0.1"),
            TypeError,
            "learning_rate: expected a positive finite number, got '0.1'",
        ),
        ((2, 2, 2, None), TypeError, "learning_rate: expected a positive finite number, got None"),
    ],
)
def test_bad_sizes_and_learning_rates_are_refused_by_name(args, error, message):
    with pytest.raises(error, match=message):
        NeuralNetwork(*args)


def test_numpy_integers_and_floats_are_accepted_as_sizes_and_rate():
    network = NeuralNetwork(np.int64(2), np.int32(1), np.uint8(3), np.float32(0.5))
    assert network.weights_in_hidden.shape == (3, 2)
    assert type(network.no_of_in_nodes) is int and type(network.learning_rate) is float


def test_a_bad_seed_is_refused_by_name():
    with pytest.raises(
        TypeError, match=r"seed: expected an int >= 0, a numpy\.random\.Generator or None"
    ):
        NeuralNetwork(2, 2, 2, 0.1, seed="7")


def test_the_seed_is_keyword_only():
    with pytest.raises(TypeError):
        NeuralNetwork(2, 2, 2, 0.1, 7)


@pytest.mark.parametrize(
    ("attribute", "value", "error", "message"),
    [
        (
            "weights_in_hidden",
            np.ones((2, 3)),
            ValueError,
            r"weights_in_hidden: expected an array of shape \(3, 2\), got shape \(2, 3\)",
        ),
        (
            "weights_hidden_out",
            np.ones(3),
            ValueError,
            r"weights_hidden_out: expected an array of shape \(1, 3\), got shape \(3,\)",
        ),
        (
            "weights_in_hidden",
            [[np.nan, 0]] * 3,
            ValueError,
            "weights_in_hidden: expected finite numbers, got nan",
        ),
        (
            "weights_hidden_out",
            None,
            TypeError,
            "weights_hidden_out: expected a number, a list, tuple or array of numbers, got None",
        ),
    ],
)
def test_weights_of_the_wrong_shape_or_kind_are_refused_when_assigned(
    attribute, value, error, message
):
    network = NeuralNetwork(2, 1, 3, 0.1, seed=0)
    with pytest.raises(error, match=message):
        setattr(network, attribute, value)


def test_with_bias_each_matrix_has_one_more_column_bounded_by_its_inputs_bias_included():
    network = NeuralNetwork(8, 2, 15, 0.1, seed=0, bias=True)
    assert network.weights_in_hidden.shape == (15, 9)
    assert network.weights_hidden_out.shape == (2, 16)
    assert np.abs(network.weights_in_hidden).max() <= 1 / 3
    assert np.abs(network.weights_hidden_out).max() <= 1 / 4
    rng = np.random.default_rng(0)
    np.testing.assert_array_equal(network.weights_in_hidden, initial_weights(15, 9, rng))
    np.testing.assert_array_equal(network.weights_hidden_out, initial_weights(2, 16, rng))


@given(
    sizes=st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5)),
    n_samples=st.integers(1, 6),
    data=st.data(),
)
def test_with_bias_run_is_the_forward_pass_with_a_constant_one_appended_to_each_layer_input(
    sizes, n_samples, data
):
    n_in, n_out, n_hidden = sizes
    network = NeuralNetwork(n_in, n_out, n_hidden, 0.1, seed=1, bias=True)
    samples = data.draw(hnp.arrays(np.float64, (n_samples, n_in), elements=st.floats(-50, 50)))
    output = network.run(samples)
    for column, sample in enumerate(samples):
        expected = plain_forward_pass(
            network.weights_in_hidden, network.weights_hidden_out, sample, bias=True
        )
        np.testing.assert_allclose(output[:, column], expected, rtol=1e-12, atol=1e-300)


def test_the_bias_column_shifts_the_weighted_sums():
    network = NeuralNetwork(1, 1, 1, 0.1, bias=True)
    network.weights_in_hidden = [[0.0, 2.0]]  # hidden sum: 0 * x + 2 * 1
    network.weights_hidden_out = [[0.0, -1.0]]  # output sum: 0 * h - 1 * 1
    np.testing.assert_allclose(network.run([[5.0], [-5.0]]), [[1 / (1 + np.e), 1 / (1 + np.e)]])


def test_repr_shows_the_bias_only_when_there_is_one():
    assert repr(NeuralNetwork(2, 1, 3, 0.5, bias=True)).endswith("learning_rate=0.5, bias=True)")
    assert "bias" not in repr(NeuralNetwork(2, 1, 3, 0.5, bias=False))


@pytest.mark.parametrize("bias", [1, "yes", None])
def test_bias_must_be_true_or_false(bias):
    with pytest.raises(TypeError, match="bias: expected True or False, got"):
        NeuralNetwork(2, 1, 3, 0.5, bias=bias)


def test_weights_without_the_bias_column_are_refused_with_a_hint():
    network = NeuralNetwork(2, 1, 3, 0.5, seed=0, bias=True)
    with pytest.raises(
        ValueError,
        match=r"expected an array of shape \(3, 3\) \(one column more for the bias node\), "
        r"got shape \(3, 2\)",
    ):
        network.weights_in_hidden = np.zeros((3, 2))


@given(
    n_samples=st.integers(1, 6),
    bias=st.booleans(),
    bad_value=st.sampled_from([np.nan, np.inf, -np.inf]),
    data=st.data(),
)
def test_a_nan_or_infinity_anywhere_in_the_input_is_named_by_run_train_and_gradients(
    n_samples, bias, bad_value, data
):
    # Every method that takes input names the bad value where the caller put it.
    network = NeuralNetwork(3, 2, 4, 0.5, seed=0, bias=bias)
    network.weights_in_hidden = np.zeros_like(network.weights_in_hidden)  # 0 * inf too
    samples = np.ones((n_samples, 3))
    row, column = data.draw(st.integers(0, n_samples - 1)), data.draw(st.integers(0, 2))
    samples[row, column] = bad_value
    message = (
        rf"input_vector: expected finite numbers, got {bad_value} at position \({row}, {column}\)"
    )
    weights = network.weights_hidden_out.copy()
    for call in (
        lambda: network.run(samples),
        lambda: network.train(samples, np.full((n_samples, 2), 0.5)),
        lambda: network.gradients(samples, np.full((n_samples, 2), 0.5)),
    ):
        with pytest.raises(ValueError, match=message):
            call()
    np.testing.assert_array_equal(network.weights_hidden_out, weights)


def test_huge_finite_inputs_whose_weighted_sums_overflow_are_not_mistaken_for_bad_input():
    network = NeuralNetwork(2, 1, 3, 0.5, seed=0)
    output = network.run([[1e308, 1e308], [1.0, 2.0]])  # and with no overflow warning
    assert output.shape == (1, 2) and np.all((output >= 0) & (output <= 1))


@pytest.mark.parametrize("hidden", [[3], [4, 3], [2, 5, 3]])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("loss", ["squared_error", "cross_entropy"])
@pytest.mark.parametrize("bias", [False, True])
def test_run_is_the_forward_pass_of_any_depth_activation_and_output(hidden, activation, loss, bias):
    network = NeuralNetwork(3, 2, hidden, 0.1, seed=3, bias=bias, activation=activation,
                            loss=loss)  # fmt: skip
    samples = np.random.default_rng(1).normal(size=(4, 3))
    output = network.run(samples)
    assert output.shape == (2, 4)
    for column, sample in enumerate(samples):
        expected = plain_deep_forward(network.weights, sample, activation, loss, bias)
        np.testing.assert_allclose(output[:, column], expected, rtol=1e-12)
    if loss == "cross_entropy":
        np.testing.assert_allclose(output.sum(axis=0), 1.0)


def test_the_layers_can_be_given_as_a_list_of_hidden_sizes_or_as_the_whole_structure():
    by_hidden = NeuralNetwork(784, 10, [80, 80], 0.1, seed=0, bias=True)
    by_structure = NeuralNetwork(network_structure=[784, 80, 80, 10], learning_rate=0.1, seed=0,
                                 bias=True)  # fmt: skip
    for network in (by_hidden, by_structure):
        assert network.network_structure == [784, 80, 80, 10]
        assert network.no_of_hidden_nodes == [80, 80]
        assert [w.shape for w in network.weights] == [(80, 785), (80, 81), (10, 81)]
        assert network.weights_in_hidden is network.weights[0]
        assert network.weights_hidden_out is network.weights[-1]
    for first, second in zip(by_hidden.weights, by_structure.weights, strict=True):
        np.testing.assert_array_equal(first, second)
    assert repr(by_structure) == (
        "NeuralNetwork(network_structure=[784, 80, 80, 10], learning_rate=0.1, bias=True)"
    )
    assert NeuralNetwork(2, 1, [3], 0.1).no_of_hidden_nodes == 3


def test_every_layer_is_drawn_from_one_generator_in_order_with_its_own_bound():
    network = NeuralNetwork(network_structure=[4, 9, 16, 2], learning_rate=0.1, seed=5)
    rng = np.random.default_rng(5)
    for weights, (n_out, n_in) in zip(network.weights, [(9, 4), (16, 9), (2, 16)], strict=True):
        np.testing.assert_array_equal(weights, initial_weights(n_out, n_in, rng))
        assert np.abs(weights).max() <= 1 / np.sqrt(n_in)


@pytest.mark.parametrize("weight_init", ["glorot", "he"])
def test_glorot_and_he_start_the_biases_at_zero(weight_init):
    network = NeuralNetwork(3, 2, [4, 5], 0.1, seed=0, bias=True, weight_init=weight_init)
    for weights in network.weights:
        assert np.all(weights[:, -1] == 0) and np.all(weights[:, :-1] != 0)


def test_repr_shows_the_options_that_differ_from_the_defaults():
    network = NeuralNetwork(2, 3, 4, 0.01, activation="relu", loss="cross_entropy",
                            weight_init="he", optimizer="adam", l2=0.001, dropout=0.2,
                            dtype=np.float32)  # fmt: skip
    assert repr(network) == (
        "NeuralNetwork(no_of_in_nodes=2, no_of_out_nodes=3, no_of_hidden_nodes=4, "
        "learning_rate=0.01, activation='relu', loss='cross_entropy', weight_init='he', "
        "optimizer='adam', l2=0.001, dropout=0.2, dtype='float32')"
    )
    assert (network.activation, network.loss, network.dtype) == ("relu", "cross_entropy",
                                                                 np.float32)  # fmt: skip


def test_float32_networks_keep_float32_weights_and_outputs():
    network = NeuralNetwork(3, 2, [4, 4], 0.1, seed=0, bias=True, dtype="float32")
    assert all(w.dtype == np.float32 for w in network.weights)
    output = network.run(np.ones((5, 3)))
    assert output.dtype == np.float32
    reference = NeuralNetwork(3, 2, [4, 4], 0.1, seed=0, bias=True)
    np.testing.assert_allclose(output, reference.run(np.ones((5, 3))), rtol=1e-6)
    network.weights_in_hidden = np.zeros((4, 4))
    assert network.weights_in_hidden.dtype == np.float32


def test_all_weights_can_be_set_at_once_and_are_copied():
    network = NeuralNetwork(2, 1, [2, 2], 0.1, seed=0)
    matrices = [np.eye(2), np.eye(2), np.ones((1, 2))]
    network.weights = matrices
    matrices[0][0, 0] = 5.0
    np.testing.assert_array_equal(network.weights[0], np.eye(2))
    assert isinstance(network.weights, tuple)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ([np.eye(2)], ValueError, "weights: expected a list of 3 matrices, one per layer"),
        (np.eye(2), ValueError, "weights: expected a list of 3 matrices"),
        ([np.eye(2), np.eye(3), np.ones((1, 2))], ValueError,
         r"weights\[1\]: expected an array of shape \(2, 2\), got shape \(3, 3\)"),
        ([np.eye(2), np.eye(2), [[np.inf, 0]]], ValueError,
         r"weights\[2\]: expected finite numbers, got inf"),
    ],
)  # fmt: skip
def test_a_bad_list_of_weights_is_refused_by_name(value, error, message):
    network = NeuralNetwork(2, 1, [2, 2], 0.1, seed=0)
    with pytest.raises(error, match=message):
        network.weights = value


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"no_of_hidden_nodes": []}, ValueError,
         r"no_of_hidden_nodes: expected at least one hidden layer, got \[\]"),
        ({"no_of_hidden_nodes": [3, 0]}, ValueError,
         "no_of_hidden_nodes: expected a positive integer, got 0"),
        ({"network_structure": [2, 3]}, ValueError,
         "network_structure: expected a list of at least 3 layer sizes"),
        ({"network_structure": "2-3-1"}, ValueError, "network_structure: expected a list"),
        ({"network_structure": [2, 3.5, 1]}, TypeError,
         "network_structure: expected a positive integer, got 3.5"),
        ({"network_structure": [2, 3, 1], "no_of_in_nodes": 2}, TypeError,
         "network_structure: give either it or the numbers of nodes, not both"),
        ({"activation": "softmax"}, ValueError,
         "activation: expected one of 'sigmoid', 'tanh', 'relu', got 'softmax'"),
        ({"activation": None}, ValueError, "activation: expected one of"),
        ({"loss": "mse"}, ValueError,
         "loss: expected one of 'squared_error', 'cross_entropy', got 'mse'"),
        ({"weight_init": "xavier"}, ValueError,
         "weight_init: expected one of 'truncated_normal', 'glorot', 'he', got 'xavier'"),
        ({"l2": -0.1}, ValueError, "l2: expected a finite number >= 0, got -0.1"),
        ({"l2": np.inf}, ValueError, "l2: expected a finite number >= 0, got inf"),
        ({"l2": "0"}, TypeError, "l2: expected a finite number >= 0, got '0'"),
        ({"dropout": 1.0}, ValueError, r"dropout: expected a share in \[0, 1\), got 1.0"),
        ({"dropout": -0.2}, ValueError, r"dropout: expected a share in \[0, 1\), got -0.2"),
        ({"dtype": np.int32}, TypeError, "dtype: expected np.float64 or np.float32, got"),
        ({"dtype": "float16"}, TypeError, "dtype: expected np.float64 or np.float32"),
        ({"dtype": "double precision"}, TypeError, "dtype: expected np.float64 or np.float32"),
        ({"dtype": None}, TypeError, "dtype: expected np.float64 or np.float32, got None"),
    ],
)  # fmt: skip
def test_bad_layers_and_options_are_refused_by_name(arguments, error, message):
    sizes = {"no_of_in_nodes": 2, "no_of_out_nodes": 1, "no_of_hidden_nodes": 3}
    if "network_structure" in arguments:
        sizes = {}
    with pytest.raises(error, match=message):
        NeuralNetwork(**{**sizes, "learning_rate": 0.1, **arguments})


def test_the_forward_pass_appends_a_row_of_ones_to_each_layer_input():
    network = NeuralNetwork(2, 1, [3, 2], 0.1, seed=0, bias=True)
    layer_inputs, _ = network._forward(network._input_columns(np.array([[5.0, 6.0]])))
    assert [x_hat.shape for x_hat in layer_inputs] == [(3, 1), (4, 1), (3, 1)]
    for x_hat in layer_inputs:
        assert x_hat[-1, 0] == 1.0
    np.testing.assert_array_equal(layer_inputs[0][:, 0], [5.0, 6.0, 1.0])
