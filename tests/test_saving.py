"""Tests of nnlib.saving: the round trip is exact, files of nnlib 0.2 load, bad files
are refused with a reason."""

import io
import json
import zipfile

import numpy as np
import pytest

from nnlib import Adam, NeuralNetwork


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


def test_a_file_of_nnlib_0_2_loads_as_the_network_it_held(tmp_path):
    path = tmp_path / "good.npz"
    path.write_bytes(saved_arrays())  # the arrays that nnlib 0.2's save wrote
    network = NeuralNetwork.load(path)
    original = NeuralNetwork(2, 1, 3, 0.5, seed=0, bias=True)
    assert repr(network) == repr(original)
    for loaded, saved in zip(network.weights, original.weights, strict=True):
        np.testing.assert_array_equal(loaded, saved)


def test_a_deep_network_with_every_option_survives_the_round_trip(tmp_path):
    network = NeuralNetwork(network_structure=[4, 6, 5, 3], learning_rate=0.01, seed=2,
                            bias=True, activation="tanh", loss="cross_entropy",
                            weight_init="glorot", optimizer=Adam(beta1=0.8), l2=0.001,
                            dropout=0.25, dtype=np.float32)  # fmt: skip
    network.train(np.ones((2, 4)), np.eye(3)[:2])
    loaded = NeuralNetwork.load(network.save(tmp_path / "deep"))
    assert repr(loaded) == repr(network)
    assert loaded.optimizer.settings() == {"beta1": 0.8, "beta2": 0.999, "epsilon": 1e-8}
    for first, second in zip(loaded.weights, network.weights, strict=True):
        assert first.dtype == np.float32
        np.testing.assert_array_equal(first, second)


def test_a_file_with_the_settings_of_another_format_is_refused(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(path, settings=np.array(json.dumps({"format": "nnlib 2.0"})))
    with pytest.raises(ValueError, match=r"its settings are not those of nnlib 1\.0"):
        NeuralNetwork.load(path)
    np.savez(path, settings=np.array("[1, 2]"))
    with pytest.raises(ValueError, match=r"not a network saved by NeuralNetwork\.save"):
        NeuralNetwork.load(path)


def test_a_file_of_nnlib_1_0_without_all_its_layers_is_refused(tmp_path):
    network = NeuralNetwork(2, 1, [3, 3], 0.5, seed=0)
    path = network.save(tmp_path / "complete")
    with np.load(path) as archive:
        arrays = {name: archive[name] for name in archive.files if name != "weights_2"}
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match=r"it lacks the array\(s\) weights_2"):
        NeuralNetwork.load(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"no network here", "not a network saved by NeuralNetwork.save"),
        (saved_arrays()[:300], "not a network saved by NeuralNetwork.save"),
        (saved_arrays()[:-40], "not a network saved by NeuralNetwork.save"),
        (saved_arrays(weights_hidden_out=None), "neither the arrays of nnlib 1.0 .* nor those "
         "of nnlib 0.2 .* but: no_of_in_nodes, no_of_out_nodes, no_of_hidden_nodes"),
        (saved_arrays(bias=None, learning_rate=None), "nor those of nnlib 0.2"),
        (saved_arrays(weights_in_hidden=np.zeros((3, 2))),
         r"of nnlib 0.2 or 1.0: weights\[0\]: expected an array of shape "
         r"\(3, 3\) \(one column more for the bias node\), got shape \(3, 2\)"),
        (saved_arrays(no_of_hidden_nodes=4), r"weights\[0\]: expected an array of shape \(4, 3\)"),
        (saved_arrays(weights_hidden_out=np.full((1, 4), np.nan)),
         r"weights\[1\]: expected finite numbers, got nan"),
        (saved_arrays(no_of_in_nodes=np.array([2, 2])), "no_of_in_nodes: expected a positive "
         "integer, got array"),
        (saved_arrays(no_of_in_nodes=2.0), r"no_of_in_nodes: expected a positive integer, got "
         r"2.0 \(float\)"),
        (saved_arrays(no_of_out_nodes=0), "no_of_out_nodes: expected a positive integer, got 0"),
        (saved_arrays(bias=1), r"bias: expected True or False, got 1 \(int\)"),
        (saved_arrays(learning_rate=-1.0), "learning_rate: expected a positive finite number"),
        (saved_arrays(weights_in_hidden=np.array(["a"])), r"weights\[0\]: expected real"),
    ],
)  # fmt: skip
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


def test_save_keeps_a_path_that_ends_in_npz_as_it_is(tmp_path):
    network = NeuralNetwork(2, 1, 2, 0.1, seed=0)
    assert network.save(tmp_path / "network.npz") == tmp_path / "network.npz"
    assert network.save(tmp_path / "network.NPZ") == tmp_path / "network.NPZ.npz"


def test_an_archive_of_other_arrays_is_refused_with_what_it_holds(tmp_path):
    path = tmp_path / "empty.npz"
    np.savez(path)
    with pytest.raises(ValueError) as raised:
        NeuralNetwork.load(path)
    assert str(raised.value) == (
        f"{path}: not a network saved by NeuralNetwork.save of nnlib 0.2 or 1.0: it holds "
        "neither the arrays of nnlib 1.0 (settings, weights_0, ...) nor those of nnlib 0.2 "
        "(no_of_in_nodes, no_of_out_nodes, no_of_hidden_nodes, learning_rate, bias, "
        "weights_in_hidden, weights_hidden_out), but: nothing"
    )


def test_a_single_array_and_a_pickle_are_named_in_the_reason(tmp_path):
    path = tmp_path / "weights.npy"
    np.save(path, np.zeros(3))
    with pytest.raises(ValueError, match=r"weights\): ValueError: it holds a single array, "
                       r"not an \.npz archive$"):  # fmt: skip
        NeuralNetwork.load(path)
    path = tmp_path / "pickled.npz"
    np.savez(path, weights_0=np.array([object()], dtype=object))
    with pytest.raises(ValueError, match="allow_pickle=False"):
        NeuralNetwork.load(path)


def test_settings_without_a_format_are_refused_by_that_reason(tmp_path):
    path = tmp_path / "no_format.npz"
    np.savez(path, settings=np.array(json.dumps({"learning_rate": 0.1})))
    with pytest.raises(ValueError, match=r"its settings are not those of nnlib 1\.0$"):
        NeuralNetwork.load(path)


def test_every_missing_layer_is_named(tmp_path):
    path = NeuralNetwork(2, 1, [3, 3], 0.5, seed=0).save(tmp_path / "complete")
    with np.load(path) as archive:
        np.savez(path, settings=archive["settings"], weights_0=archive["weights_0"])
    with pytest.raises(ValueError, match=r"it lacks the array\(s\) weights_1, weights_2$"):
        NeuralNetwork.load(path)


@pytest.mark.parametrize("version", ["0.2", "1.0"])
def test_a_loaded_network_draws_from_seed_0_so_training_it_is_reproducible(tmp_path, version):
    path = tmp_path / "network.npz"
    if version == "0.2":
        path.write_bytes(saved_arrays())
    else:
        NeuralNetwork(2, 1, 3, 0.5, seed=4, bias=True, dropout=0.5).save(path)
    first, second = NeuralNetwork.load(path), NeuralNetwork.load(path)
    first.create_weight_matrices()
    reference = NeuralNetwork(2, 1, 3, 0.5, seed=0, bias=True)
    reference.create_weight_matrices()  # the second draw from seed 0, as for `first`
    np.testing.assert_array_equal(first.weights_in_hidden, reference.weights_in_hidden)
    if version == "1.0":
        second.create_weight_matrices()
        for network in (first, second):
            network.train([[1.0, 2.0], [0.5, -1.0]], [[1.0], [0.0]])
        np.testing.assert_array_equal(first.weights_in_hidden, second.weights_in_hidden)
