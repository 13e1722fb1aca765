"""Tests of nnlib._checks, the one place of nnlib's input errors: the exact messages
for kinds of input that the tests of the other modules do not reach."""

import numpy as np
import pytest

from nnlib import NeuralNetwork, sigmoid
from nnlib._checks import describe


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (np.array([b"1", b"2"]), "bytes"),
        (np.array([1 + 2j]), "complex"),
        (np.array(["2024-01-01"], dtype="datetime64[D]"), "datetime"),
        (np.array([5], dtype="timedelta64[s]"), "timedelta"),
        (np.array(["1", "2"]), "str"),
        (np.array([1, 2], dtype=object), "object"),
        ([1, None, "a"], "NoneType, str"),
    ],
)
def test_the_elements_that_are_not_real_numbers_are_named_by_their_type(value, kind):
    with pytest.raises(TypeError, match=f"with elements of type {kind}$"):
        sigmoid(value)


def test_a_long_value_is_cut_to_sixty_characters_in_a_message():
    assert describe("a" * 58) == f"'{'a' * 58}' (str)"  # 60 characters with the quotes
    assert describe("a" * 59) == f"'{'a' * 56}... (str)"
    assert len(describe(list(range(100)))) == len("... (list)") + 57


def test_validation_data_must_be_a_pair_and_the_message_shows_what_came():
    network = NeuralNetwork(2, 1, 3, 0.1, seed=0)
    inputs, targets = np.zeros((4, 2)), np.zeros((4, 1))
    for bad in ((inputs, targets, targets), [inputs], "data"):
        with pytest.raises(TypeError) as raised:
            network.fit(inputs, targets, epochs=1, validation_data=bad)
        expected = f"validation_data: expected a pair (inputs, targets), got {describe(bad)}"
        assert str(raised.value) == expected


def test_a_nan_or_infinity_among_the_inputs_is_named_without_any_warning():
    network = NeuralNetwork(2, 1, 3, 0.1, seed=0)
    with pytest.raises(ValueError, match=r"^input_vector: expected finite numbers, got inf at "
                       r"position 0$"):  # fmt: skip
        network.run([np.inf, -np.inf])  # of opposite signs: no warning either


@pytest.mark.parametrize("order", ["C", "F", "strided"])
@pytest.mark.parametrize("bad_value", [np.nan, np.inf])
def test_a_bad_input_is_found_in_any_memory_layout_and_huge_finite_ones_pass(order, bad_value):
    # 1e200 squared overflows, 1e200 summed does not: finite all the same.
    network = NeuralNetwork(3, 1, 2, 0.1, seed=0)
    storage = np.full((4, 6), 1e200)
    samples = {"C": storage[:, :3].copy(), "F": np.asfortranarray(storage[:, :3]),
               "strided": storage[:, ::2]}[order]  # fmt: skip
    assert network.run(samples).shape == (1, 4)
    samples[2, 1] = bad_value
    with pytest.raises(ValueError, match=rf"got {bad_value} at position \(2, 1\)$"):
        network.run(samples)


@pytest.mark.parametrize(
    ("target", "named"),
    [([0.0, 1.5], "1.5 at position 1"), ([1.0, -0.5], "-0.5 at position 1")],
)
def test_the_target_named_is_the_first_outside_the_unit_interval_not_one_at_its_edge(target, named):
    with pytest.raises(ValueError, match=f"got {named}$"):
        NeuralNetwork(2, 2, 3, 0.1).train([1.0, 2.0], target)


@pytest.mark.parametrize("targets", [[0.0, 1.0], [[0.5, 0.5]]])
def test_the_hint_to_give_targets_as_a_column_is_only_for_a_network_with_one_output(targets):
    with pytest.raises(ValueError, match=r"expected one target per sample, 2 in all, got 1$"):
        NeuralNetwork(2, 2, 3, 0.1).train([[1.0, 2.0], [3.0, 4.0]], targets)


def test_a_tiny_learning_rate_is_still_positive():
    assert NeuralNetwork(2, 1, 3, 1e-300).learning_rate == 1e-300


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"network_structure": [2, 3, 1], "no_of_in_nodes": 2},
         "network_structure: give either it or the numbers of nodes, not both"),
        ({"network_structure": "2-3-1"}, "network_structure: expected a list of at least 3 "
         "layer sizes (input, hidden layers, output), got '2-3-1' (str)"),
        ({"no_of_in_nodes": 2, "no_of_out_nodes": 1, "no_of_hidden_nodes": []},
         "no_of_hidden_nodes: expected at least one hidden layer, got []"),
        ({"no_of_in_nodes": 2, "no_of_out_nodes": 1, "no_of_hidden_nodes": 3,
          "dtype": "float16"}, "dtype: expected np.float64 or np.float32, got 'float16' (str)"),
        ({"no_of_in_nodes": 2, "no_of_out_nodes": 1, "no_of_hidden_nodes": 3, "optimizer": 3},
         "optimizer: expected one of 'sgd', 'momentum', 'adam' or an optimiser of "
         "nnlib.optimizers, got 3 (int)"),
    ],
)  # fmt: skip
def test_messages_about_the_layers_and_options_in_full(arguments, message):
    with pytest.raises((TypeError, ValueError)) as raised:
        NeuralNetwork(learning_rate=0.1, **arguments)
    assert str(raised.value) == message


def test_ragged_and_non_numeric_input_is_shown_in_the_message():
    with pytest.raises(ValueError) as raised:
        sigmoid([[1, 2], [3]])
    assert str(raised.value) == (
        "x: expected a rectangular array (every row of the same length), got ragged input "
        "[[1, 2], [3]] (list)"
    )
    with pytest.raises(TypeError) as raised:
        sigmoid(["a"])
    assert (
        str(raised.value) == "x: expected real numbers, got ['a'] (list) with elements of type str"
    )
