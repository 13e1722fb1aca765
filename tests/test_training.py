"""Tests of training: backpropagation against finite differences, fit, and what it learns."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnlib import NeuralNetwork, TrainingHistory, one_hot


def mean_error(network, inputs, targets):
    """E = ½‖target - output‖², averaged over the samples, from run alone."""
    output = network.run(inputs)
    return 0.5 * np.sum((np.atleast_2d(targets).T - output) ** 2) / output.shape[1]


def finite_difference_gradient(network, name, inputs, targets, step=1e-5):
    """Central difference quotients of the mean error, one weight at a time."""
    weights = getattr(network, name)
    gradient = np.zeros_like(weights)
    for index in np.ndindex(weights.shape):
        changed = weights.copy()
        changed[index] += step
        setattr(network, name, changed)
        above = mean_error(network, inputs, targets)
        changed[index] -= 2 * step
        setattr(network, name, changed)
        below = mean_error(network, inputs, targets)
        gradient[index] = (above - below) / (2 * step)
    setattr(network, name, weights)
    return gradient


def relative_difference(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b), 1e-300)


@settings(max_examples=40, deadline=None)
@given(
    sizes=st.tuples(st.integers(1, 5), st.integers(1, 4), st.integers(1, 5)),
    n_samples=st.one_of(st.none(), st.integers(1, 6)),
    bias=st.booleans(),
    learning_rate=st.floats(0.01, 5.0),
    seed=st.integers(0, 2**32 - 1),
    data=st.data(),
)
def test_a_training_step_moves_each_weight_by_minus_the_rate_times_the_numerical_gradient(
    sizes, n_samples, bias, learning_rate, seed, data
):
    n_in, n_out, n_hidden = sizes
    network = NeuralNetwork(n_in, n_out, n_hidden, learning_rate, seed=seed, bias=bias)
    shape = (n_in,) if n_samples is None else (n_samples, n_in)  # None: one 1-D sample
    inputs = data.draw(hnp.arrays(np.float64, shape, elements=st.floats(-3, 3)))
    target_shape = (n_out,) if n_samples is None else (n_samples, n_out)
    targets = data.draw(hnp.arrays(np.float64, target_shape, elements=st.floats(0, 1)))
    numerical = {
        name: finite_difference_gradient(network, name, inputs, targets)
        for name in ("weights_in_hidden", "weights_hidden_out")
    }
    before = {name: getattr(network, name).copy() for name in numerical}
    network.train(inputs, targets)
    for name, gradient in numerical.items():
        update = getattr(network, name) - before[name]
        expected = -learning_rate * gradient
        # Difference quotients carry a rounding error near 1e-11: below a gradient of
        # 1e-4 a relative comparison would measure that noise, not backpropagation.
        if np.linalg.norm(gradient) > 1e-4:
            assert relative_difference(update, expected) < 1e-6, name
        else:
            np.testing.assert_allclose(update, expected, atol=1e-9 * learning_rate)


def test_gradients_are_what_train_subtracts_and_train_returns_the_error_before_the_step():
    network = NeuralNetwork(3, 2, 4, 0.5, seed=3, bias=True)
    inputs, targets = np.array([[0.1, -0.4, 2.0], [1.0, 0.0, -1.0]]), [[1, 0], [0.2, 0.7]]
    gradient_in_hidden, gradient_hidden_out = network.gradients(inputs, targets)
    before_in, before_out = network.weights_in_hidden.copy(), network.weights_hidden_out.copy()
    error_before = mean_error(network, inputs, targets)
    assert network.train(inputs, targets) == pytest.approx(error_before, rel=1e-12)
    np.testing.assert_allclose(network.weights_in_hidden, before_in - 0.5 * gradient_in_hidden)
    np.testing.assert_allclose(network.weights_hidden_out, before_out - 0.5 * gradient_hidden_out)
    assert mean_error(network, inputs, targets) < error_before


def test_a_mini_batch_step_follows_the_mean_of_the_single_sample_gradients():
    inputs = np.array([[0.5, -1.0], [2.0, 0.3], [-0.7, 0.9]])
    targets = np.array([[0.9], [0.1], [0.4]])
    network = NeuralNetwork(2, 1, 3, 1.0, seed=5, bias=True)
    singles = [
        network.gradients(sample, target) for sample, target in zip(inputs, targets, strict=True)
    ]
    batch = network.gradients(inputs, targets)
    for layer in range(2):
        np.testing.assert_allclose(batch[layer], np.mean([g[layer] for g in singles], axis=0))


def test_one_sample_as_a_list_a_tuple_or_a_row_takes_the_same_step():
    results = []
    for sample, target in [([1, 2], [0, 1]), ((1, 2), (0, 1)), ([[1, 2]], [[0, 1]])]:
        network = NeuralNetwork(2, 2, 3, 0.3, seed=1)
        network.train(sample, target)
        results.append(network.weights_in_hidden)
    np.testing.assert_array_equal(results[0], results[1])
    np.testing.assert_array_equal(results[0], results[2])


XOR_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
XOR_TARGETS = np.array([[0], [1], [1], [0]])


@pytest.mark.parametrize("seed", range(10))
def test_xor_is_learnt_from_each_of_ten_seeds(seed):
    # The backpropagation chapter's setting: 4 hidden nodes with bias, rate 5, 2,000 steps.
    network = NeuralNetwork(2, 1, 4, 5.0, seed=seed, bias=True)
    history = network.fit(XOR_INPUTS, XOR_TARGETS, epochs=2000, batch_size=4, seed=seed)
    output = network.run(XOR_INPUTS).ravel()
    assert np.array_equal(output > 0.5, XOR_TARGETS.ravel() == 1), output
    assert history.error[-1] < 0.01 < history.error[0]


def test_a_disk_around_the_origin_is_learnt_with_bias_and_cannot_be_without():
    # Without bias, hidden values at -x are 1 minus those at x, so the output sums at
    # x and -x add up to the same constant: x and -x cannot both be inside the disk
    # and both outside. With bias, nothing ties them.
    rng = np.random.default_rng(0)
    points = rng.uniform(-2, 2, size=(400, 2))
    inside = np.hypot(points[:, 0], points[:, 1]) < 1.5
    accuracies = {}
    for bias in (False, True):
        network = NeuralNetwork(2, 1, 8, 2.0, seed=0, bias=bias)
        network.fit(points, inside[:, None], epochs=300, batch_size=16, seed=0)
        accuracies[bias] = np.mean((network.run(points).ravel() > 0.5) == inside)
        output_sums = -np.log(1 / network.run(np.vstack([points, -points])) - 1).ravel()
        pair_sums = output_sums[:400] + output_sums[400:]
        if bias:
            assert np.ptp(pair_sums) > 1
        else:
            np.testing.assert_allclose(pair_sums, pair_sums[0], atol=1e-8)
    assert accuracies[True] > 0.98 and accuracies[False] < 0.7, accuracies


@pytest.fixture(scope="module")
def digits_split():
    """Training and validation data of the digits chapter's split; its test data, a fifth
    of the samples, stays unused here as it does in the chapter until the very end."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    rest_inputs, _, rest_labels, _ = train_test_split(
        digits.data / 16, digits.target, test_size=0.2, stratify=digits.target, random_state=0
    )
    return train_test_split(
        rest_inputs, rest_labels, test_size=0.25, stratify=rest_labels, random_state=0
    )


@pytest.mark.parametrize("seed", range(3))
def test_digits_reach_96_percent_validation_accuracy_with_the_chapters_setting(digits_split, seed):
    train_inputs, validation_inputs, train_labels, validation_labels = digits_split
    network = NeuralNetwork(64, 10, 100, 2.0, seed=seed, bias=True)
    history = network.fit(
        train_inputs, one_hot(train_labels), epochs=36, batch_size=16, seed=seed,
        validation_data=(validation_inputs, one_hot(validation_labels, 10)),
    )  # fmt: skip
    validation_accuracy = np.mean(network.predict(validation_inputs) == validation_labels)
    assert validation_accuracy >= 0.96
    assert history.validation_accuracy[-1] == pytest.approx(validation_accuracy)
    assert history.epochs == 36 and len(history.accuracy) == 36


def test_fit_with_the_same_seed_gives_the_same_network_and_history():
    def trained():
        network = NeuralNetwork(2, 1, 3, 1.0, seed=2, bias=True)
        return network, network.fit(XOR_INPUTS, XOR_TARGETS, epochs=20, batch_size=3, seed=9)

    (first, first_history), (second, second_history) = trained(), trained()
    np.testing.assert_array_equal(first.weights_in_hidden, second.weights_in_hidden)
    assert first_history == second_history


def test_fit_walks_every_sample_once_per_epoch_in_batches_of_the_given_size(monkeypatch):
    network = NeuralNetwork(2, 1, 3, 1.0, seed=2)
    batches = []
    original = network._step

    def recording_step(inputs, targets):
        batches.append(inputs.T.copy())
        return original(inputs, targets)

    monkeypatch.setattr(network, "_step", recording_step)
    samples = np.arange(14.0).reshape(7, 2)
    network.fit(samples, np.zeros((7, 1)), epochs=2, batch_size=3, seed=0)
    assert [len(batch) for batch in batches] == [3, 3, 1, 3, 3, 1]
    for epoch in (batches[:3], batches[3:]):
        seen = np.vstack(epoch)
        assert sorted(map(tuple, seen)) == sorted(map(tuple, samples))
    assert not np.array_equal(np.vstack(batches[:3]), samples), "the samples are shuffled"


def test_the_history_has_accuracy_only_for_one_hot_targets():
    network = NeuralNetwork(2, 2, 3, 1.0, seed=0, bias=True)
    one_hot_targets = one_hot([0, 1, 1, 0])
    history = network.fit(
        XOR_INPUTS, one_hot_targets, epochs=3, validation_data=(XOR_INPUTS, one_hot_targets)
    )
    assert isinstance(history, TrainingHistory)
    assert len(history.accuracy) == len(history.validation_accuracy) == 3
    assert history.accuracy == history.validation_accuracy
    soft = network.fit(XOR_INPUTS, one_hot_targets * 0.8 + 0.1, epochs=3)
    assert soft.accuracy == [] and len(soft.error) == 3 and soft.validation_error == []


def test_the_progress_bar_shows_the_epochs_on_stderr(capsys):
    network = NeuralNetwork(2, 1, 3, 1.0, seed=0)
    network.fit(XOR_INPUTS, XOR_TARGETS, epochs=5, progress=True)
    assert "5/5" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("inputs", "targets", "message"),
    [
        ([1, 2], [0.5, 0.5], r"target_vector: expected 1 values per target .*got 2"),
        ([[1, 2], [3, 4]], [[1]], "expected one target per sample, 2 in all, got 1"),
        (
            [[1, 2], [3, 4]],
            [0, 1],
            r"got 1; for a network with one output, give them as a column, shape \(2, 1\)",
        ),
        ([1, 2], [1.5], r"expected values in \[0, 1\].*got 1.5 at position 0"),
        ([[1, 2], [3, 4]], [[0.5], [-0.1]], r"got -0.1 at position \(1, 0\)"),
        ([1, 2], [np.nan], "target_vector: expected finite numbers, got nan"),
        ([1, 2], [np.inf], "target_vector: expected finite numbers, got inf"),
        ([1, 2], [], "target_vector: expected 1 values for one sample.*got empty input"),
        ([1, 2], np.zeros((1, 1, 1)), r"got shape \(1, 1, 1\)"),
        ([1, 2, 3], [0.5], "input_vector: expected 2 values per sample"),
        ([1, np.nan], [0.5], "input_vector: expected finite numbers"),
    ],
)
def test_bad_input_or_targets_to_train_say_what_was_expected_and_what_came(
    inputs, targets, message
):
    network = NeuralNetwork(2, 1, 3, 0.1, seed=0)
    weights = network.weights_in_hidden.copy()
    with pytest.raises(ValueError, match=message):
        network.train(inputs, targets)
    np.testing.assert_array_equal(network.weights_in_hidden, weights)


def test_text_as_targets_is_refused_by_name():
    with pytest.raises(TypeError, match="target_vector: expected numbers, got the text"):
        NeuralNetwork(2, 1, 3, 0.1).train([1, 2], "1")


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"epochs": 0}, ValueError, "epochs: expected a positive integer, got 0"),
        ({"epochs": 2.5}, TypeError, "epochs: expected a positive integer, got 2.5"),
        ({"epochs": 1, "batch_size": 0}, ValueError, "batch_size: expected a positive integer"),
        ({"epochs": 1, "seed": -1}, ValueError, "seed: expected an int >= 0, got -1"),
        (
            {"epochs": 1, "validation_data": XOR_INPUTS},
            TypeError,
            r"validation_data: expected a pair \(inputs, targets\)",
        ),
        (
            {"epochs": 1, "validation_data": (XOR_INPUTS, XOR_TARGETS[:3])},
            ValueError,
            "validation targets: expected one target per sample, 4 in all, got 3",
        ),
        (
            {"epochs": 1, "validation_data": (XOR_INPUTS[:, :1], XOR_TARGETS)},
            ValueError,
            "validation inputs: expected 2 values per sample",
        ),
    ],
)
def test_bad_arguments_to_fit_are_refused_by_name(arguments, error, message):
    with pytest.raises(error, match=message):
        NeuralNetwork(2, 1, 3, 0.1, seed=0).fit(XOR_INPUTS, XOR_TARGETS, **arguments)


def test_fit_refuses_targets_that_do_not_match_the_inputs():
    with pytest.raises(ValueError, match="targets: expected one target per sample, 4 in all"):
        NeuralNetwork(2, 1, 3, 0.1).fit(XOR_INPUTS, XOR_TARGETS[:2], epochs=1)
