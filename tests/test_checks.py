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
