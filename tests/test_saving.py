"""Saving a network to an .npz file and loading it again: exact, and safe with bad files."""

import io
import zipfile

import numpy as np
import pytest

from nnlib import NeuralNetwork


@pytest.mark.parametrize("bias", [False, True])
def test_the_round_trip_is_exact(tmp_path, bias):
    network = NeuralNetwork(5, 3, 4, 0.37, seed=11, bias=bias)
    network.train(np.ones((2, 5)), np.full((2, 3), 0.5))  # weights no initial draw can give
    path = network.save(tmp_path / "network.npz")
    loaded = NeuralNetwork.load(path)
    assert repr(loaded) == repr(network)
    assert loaded.bias is bias and loaded.learning_rate == 0.37
    np.testing.assert_array_equal(loaded.weights_in_hidden, network.weights_in_hidden)
    np.testing.assert_array_equal(loaded.weights_hidden_out, network.weights_hidden_out)
    samples = np.random.default_rng(0).normal(size=(6, 5))
    np.testing.assert_array_equal(loaded.run(samples), network.run(samples))


def test_save_adds_the_npz_suffix_and_returns_the_path_it_wrote(tmp_path):
    path = NeuralNetwork(2, 1, 2, 0.1, seed=0).save(tmp_path / "digits")
    assert path == tmp_path / "digits.npz" and path.is_file()


def saved_arrays(**changes):
    """The arrays of a saved 2-3-1 network with bias, with some changed or removed."""
    network = NeuralNetwork(2, 1, 3, 0.5, seed=0, bias=True)
    buffer = io.BytesIO()
    arrays = {
        "no_of_in_nodes": 2,
        "no_of_out_nodes": 1,
        "no_of_hidden_nodes": 3,
        "learning_rate": 0.5,
        "bias": True,
        "weights_in_hidden": network.weights_in_hidden,
        "weights_hidden_out": network.weights_hidden_out,
    }
    for name, value in changes.items():
        if value is None:
            del arrays[name]
        else:
            arrays[name] = value
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_the_reference_arrays_load(tmp_path):
    path = tmp_path / "good.npz"
    path.write_bytes(saved_arrays())
    assert NeuralNetwork.load(path).no_of_hidden_nodes == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"no network here", "not a network saved by NeuralNetwork.save"),
        (saved_arrays()[:300], "not a network saved by NeuralNetwork.save"),
        (saved_arrays()[:-40], "not a network saved by NeuralNetwork.save"),
        (saved_arrays(weights_hidden_out=None), "lacks the array.s. weights_hidden_out; it holds"),
        (saved_arrays(bias=None, learning_rate=None), "lacks the array.s. learning_rate, bias"),
        (
            saved_arrays(weights_in_hidden=np.zeros((3, 2))),
            r"sizes and the weights disagree: weights_in_hidden: expected an array of shape "
            r"\(3, 3\) \(one column more for the bias node\), got shape \(3, 2\)",
        ),
        (
            saved_arrays(no_of_hidden_nodes=4),
            r"weights_in_hidden: expected an array of shape \(4, 3\)",
        ),
        (
            saved_arrays(weights_hidden_out=np.full((1, 4), np.nan)),
            "weights_hidden_out: expected finite numbers, got nan",
        ),
        (saved_arrays(no_of_in_nodes=np.array([2, 2])), r"no_of_in_nodes should be a single"),
        (saved_arrays(no_of_in_nodes=2.0), "no_of_in_nodes should be a single value, a whole"),
        (saved_arrays(no_of_out_nodes=0), "no_of_out_nodes should be a positive integer, got 0"),
        (saved_arrays(bias=1), "bias should be a single value, True or False"),
        (saved_arrays(learning_rate=-1.0), "learning_rate: expected a positive finite number"),
        (saved_arrays(weights_in_hidden=np.array(["a"])), "weights_in_hidden: expected real"),
    ],
)
def test_a_bad_file_gets_a_value_error_that_says_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as raised:
        NeuralNetwork.load(path)
    assert str(path) in str(raised.value)


def test_a_single_npy_array_is_not_a_network(tmp_path):
    path = tmp_path / "weights.npy"
    np.save(path, np.zeros((3, 3)))
    with pytest.raises(ValueError, match=r"it holds a single array, not an \.npz archive"):
        NeuralNetwork.load(path)


def test_a_pickled_object_is_refused_without_being_unpickled(tmp_path):
    path = tmp_path / "pickled.npz"
    np.savez(path, no_of_in_nodes=np.array([object()], dtype=object))
    with pytest.raises(ValueError, match=r"not a network saved by NeuralNetwork\.save"):
        NeuralNetwork.load(path)


def test_an_archive_with_a_damaged_member_is_refused(tmp_path):
    path = tmp_path / "damaged.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("weights_in_hidden.npy", b"\x93NUMPY garbage")
    with pytest.raises(ValueError, match=r"not a network saved by NeuralNetwork\.save"):
        NeuralNetwork.load(path)


def test_a_missing_file_is_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        NeuralNetwork.load(tmp_path / "nothing.npz")
