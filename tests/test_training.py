"""Tests of nnlib.training: every gradient against central differences and autograd,
then train, fit, its history, dropout and early stopping."""

import itertools
import re

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad
from autograd.scipy.special import logsumexp

from nnlib import NeuralNetwork, TrainingHistory, one_hot
from nnlib.training import backpropagate, dropout_masks, is_one_hot

# ---------------------------------------------------------------------------------
# The reference: the loss written out with autograd's NumPy, from the chapters'
# equations, sharing no code with nnlib. autograd differentiates it.

ACTIVATIONS = {
    "sigmoid": lambda z: 1 / (1 + anp.exp(-z)),
    "tanh": anp.tanh,
    "relu": lambda z: anp.maximum(z, 0.0),
}


def reference_loss(weights, x_rows, t_rows, network, masks=None):
    values = x_rows.T
    for layer, w in enumerate(weights):
        if network.bias:
            values = anp.concatenate([values, anp.ones((1, values.shape[1]))], axis=0)
        z = anp.dot(w, values)
        if layer < len(weights) - 1:
            values = ACTIVATIONS[network.activation](z)
            if masks is not None:
                values = values * masks[layer]
    t, m = t_rows.T, x_rows.shape[0]
    if network.loss == "squared_error":
        loss = 0.5 * anp.sum((ACTIVATIONS["sigmoid"](z) - t) ** 2) / m
    else:
        loss = -anp.sum(t * (z - logsumexp(z, axis=0, keepdims=True))) / m
    penalty = sum(anp.sum(w[:, : w.shape[1] - network.bias] ** 2) for w in weights)
    return loss + 0.5 * network.l2 * penalty


def nnlib_loss(network, x_rows, t_rows, masks=None):
    """The loss as nnlib computes it, forward pass and all, plus the L2 penalty."""
    z = network._forward(network._input_columns(x_rows), masks)[1]
    y = network._loss.output(z)
    penalty = sum(np.sum(w[:, : w.shape[1] - network.bias] ** 2) for w in network.weights)
    return network._loss.value(z, y, t_rows.T) + 0.5 * network.l2 * penalty


def central_differences(network, x_rows, t_rows, masks=None, step=1e-6):
    gradients = []
    for weights in network.weights:
        gradient = np.zeros_like(weights)
        for index in np.ndindex(weights.shape):
            kept = weights[index]
            weights[index] = kept + step
            above = nnlib_loss(network, x_rows, t_rows, masks)
            weights[index] = kept - step
            below = nnlib_loss(network, x_rows, t_rows, masks)
            weights[index] = kept
            gradient[index] = (above - below) / (2 * step)
        gradients.append(gradient)
    return gradients


def problem(hidden, loss, seed=0, n_samples=5, n_in=3, n_out=3):
    rng = np.random.default_rng(seed)
    x_rows = rng.normal(size=(n_samples, n_in))
    if loss == "cross_entropy":
        t_rows = rng.dirichlet(np.ones(n_out), size=n_samples)
    else:
        t_rows = rng.uniform(size=(n_samples, n_out))
    return x_rows, t_rows


CASES = list(itertools.product([[4], [4, 3], [4, 3, 5]], ["sigmoid", "tanh", "relu"],
                               ["squared_error", "cross_entropy"], [False, True]))  # fmt: skip


@pytest.mark.parametrize(("hidden", "activation", "loss", "bias"), CASES)
def test_backpropagation_agrees_with_central_differences_and_with_autograd(
    hidden, activation, loss, bias
):
    # The book's initialisation: random biases keep ReLU's sums off its kink at 0, where
    # the derivative is a convention (0 here, ½ for autograd's maximum).
    network = NeuralNetwork(3, 3, hidden, 0.1, seed=1, bias=bias, activation=activation,
                            loss=loss)  # fmt: skip
    x_rows, t_rows = problem(hidden, loss)
    backpropagated = network.gradients(x_rows, t_rows)
    automatic = grad(reference_loss)([w.copy() for w in network.weights], x_rows, t_rows, network)
    numerical = central_differences(network, x_rows, t_rows)
    assert len(backpropagated) == len(hidden) + 1
    for ours, auto, difference in zip(backpropagated, automatic, numerical, strict=True):
        np.testing.assert_allclose(ours, auto, rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(ours, difference, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize(("hidden", "loss"), [([4], "squared_error"), ([4, 3], "cross_entropy")])
def test_the_l2_penalty_adds_lambda_times_the_weights_but_not_the_biases(hidden, loss):
    network = NeuralNetwork(3, 3, hidden, 0.1, seed=2, bias=True, loss=loss, l2=0.3)
    x_rows, t_rows = problem(hidden, loss, seed=3)
    backpropagated = network.gradients(x_rows, t_rows)
    automatic = grad(reference_loss)([w.copy() for w in network.weights], x_rows, t_rows, network)
    numerical = central_differences(network, x_rows, t_rows)
    plain = NeuralNetwork(3, 3, hidden, 0.1, seed=2, bias=True, loss=loss)
    for ours, auto, difference, without, w in zip(
        backpropagated, automatic, numerical, plain.gradients(x_rows, t_rows), network.weights,
        strict=True,
    ):  # fmt: skip
        np.testing.assert_allclose(ours, auto, rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(ours, difference, rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(ours[:, :-1] - without[:, :-1], 0.3 * w[:, :-1], atol=1e-12)
        np.testing.assert_allclose(ours[:, -1], without[:, -1], atol=1e-15)


@pytest.mark.parametrize(("activation", "bias"), [("sigmoid", True), ("tanh", False),
                                                  ("relu", True)])  # fmt: skip
def test_dropout_with_a_fixed_mask_has_the_gradient_of_the_masked_network(activation, bias):
    network = NeuralNetwork(3, 2, [5, 4], 0.1, seed=4, bias=bias, activation=activation,
                            dropout=0.5, loss="cross_entropy")  # fmt: skip
    x_rows, t_rows = problem([5, 4], "cross_entropy", seed=5, n_out=2)
    masks = dropout_masks(network, len(x_rows))
    assert {0.0, 2.0} == set(np.unique(np.concatenate([m.ravel() for m in masks])))
    x_hat = network._input_columns(x_rows)
    backpropagated, loss = backpropagate(network, x_hat, t_rows.T, masks)
    weights = [w.copy() for w in network.weights]
    automatic = grad(reference_loss)(weights, x_rows, t_rows, network, masks)
    assert loss == pytest.approx(reference_loss(weights, x_rows, t_rows, network, masks))
    numerical = central_differences(network, x_rows, t_rows, masks)
    for ours, auto, difference in zip(backpropagated, automatic, numerical, strict=True):
        np.testing.assert_allclose(ours, auto, rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(ours, difference, rtol=1e-5, atol=1e-8)


def test_dropout_keeps_the_expected_value_of_each_hidden_node():
    network = NeuralNetwork(2, 1, 50, 0.1, seed=6, dropout=0.3)
    masks = dropout_masks(network, 20_000)[0]
    kept = np.mean(masks > 0)
    assert abs(kept - 0.7) < 0.01
    assert set(np.unique(masks)) == {0.0, 1 / 0.7}
    assert abs(masks.mean() - 1.0) < 0.01  # so E[mask ⊙ h] = h
    x_hat = network._input_columns(np.ones((20_000, 2)))
    plain = network._forward(x_hat)[0][1]
    dropped = network._forward(x_hat, [masks])[0][1]
    np.testing.assert_allclose(dropped.mean(axis=1), plain.mean(axis=1), rtol=0.03)


def test_dropout_is_only_for_training_and_reproducible_from_the_seed():
    first = NeuralNetwork(2, 1, 6, 0.5, seed=7, dropout=0.5)
    second = NeuralNetwork(2, 1, 6, 0.5, seed=7, dropout=0.5)
    samples = np.array([[0.2, 0.9], [1.0, -1.0]])
    np.testing.assert_array_equal(first.run(samples), first.run(samples))  # no dropout in run
    for network in (first, second):
        network.train(samples, [[1.0], [0.0]])
    np.testing.assert_array_equal(first.weights_in_hidden, second.weights_in_hidden)
    assert dropout_masks(NeuralNetwork(2, 1, 6, 0.5, seed=7), 3) is None


# ---------------------------------------------------------------------------------
# train and gradients


def test_train_takes_the_step_of_its_gradients_and_returns_the_error_before_it():
    network = NeuralNetwork(3, 2, 4, 0.5, seed=3, bias=True)
    inputs, targets = np.array([[0.1, -0.4, 2.0], [1.0, 0.0, -1.0]]), [[1, 0], [0.2, 0.7]]
    gradient_in_hidden, gradient_hidden_out = network.gradients(inputs, targets)
    before_in, before_out = network.weights_in_hidden.copy(), network.weights_hidden_out.copy()
    error_before = nnlib_loss(network, inputs, np.array(targets, dtype=float))
    output = network.run(inputs)
    half_squared = 0.5 * np.sum((output - np.array(targets).T) ** 2) / 2
    assert network.train(inputs, targets) == pytest.approx(half_squared, rel=1e-12)
    assert error_before == pytest.approx(half_squared, rel=1e-12)
    np.testing.assert_allclose(network.weights_in_hidden, before_in - 0.5 * gradient_in_hidden)
    np.testing.assert_allclose(network.weights_hidden_out, before_out - 0.5 * gradient_hidden_out)


def test_a_mini_batch_gradient_is_the_mean_of_the_single_sample_gradients():
    inputs = np.array([[0.5, -1.0], [2.0, 0.3], [-0.7, 0.9]])
    targets = np.array([[0.9], [0.1], [0.4]])
    network = NeuralNetwork(2, 1, [3, 2], 1.0, seed=5, bias=True, activation="tanh")
    singles = [network.gradients(x, t) for x, t in zip(inputs, targets, strict=True)]
    batch = network.gradients(inputs, targets)
    for layer in range(3):
        np.testing.assert_allclose(batch[layer], np.mean([g[layer] for g in singles], axis=0))


def test_one_sample_as_a_list_a_tuple_or_a_row_takes_the_same_step():
    results = []
    for sample, target in [([1, 2], [0, 1]), ((1, 2), (0, 1)), ([[1, 2]], [[0, 1]])]:
        network = NeuralNetwork(2, 2, 3, 0.3, seed=1)
        network.train(sample, target)
        results.append(network.weights_in_hidden)
    np.testing.assert_array_equal(results[0], results[1])
    np.testing.assert_array_equal(results[0], results[2])


def test_float32_networks_train_in_float32():
    network = NeuralNetwork(2, 2, [4, 3], 0.5, seed=0, bias=True, dtype=np.float32,
                            loss="cross_entropy", optimizer="adam")  # fmt: skip
    reference = NeuralNetwork(2, 2, [4, 3], 0.5, seed=0, bias=True, loss="cross_entropy",
                              optimizer="adam")  # fmt: skip
    inputs, targets = np.array([[0.1, 0.5], [1.0, -1.0]]), np.eye(2)
    for net in (network, reference):
        net.train(inputs, targets)
    assert all(w.dtype == np.float32 for w in network.weights)
    assert network.run(inputs).dtype == np.float32
    for w32, w64 in zip(network.weights, reference.weights, strict=True):
        np.testing.assert_allclose(w32, w64, rtol=1e-4, atol=1e-6)


# ---------------------------------------------------------------------------------
# fit and its history

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


def test_xor_is_learnt_by_a_deeper_relu_network_with_softmax_and_adam():
    network = NeuralNetwork(network_structure=[2, 8, 8, 2], learning_rate=0.05, seed=0,
                            bias=True, activation="relu", loss="cross_entropy",
                            weight_init="he", optimizer="adam")  # fmt: skip
    history = network.fit(XOR_INPUTS, one_hot(XOR_TARGETS.ravel()), epochs=200, batch_size=4)
    np.testing.assert_array_equal(network.predict(XOR_INPUTS), XOR_TARGETS.ravel())
    assert history.accuracy[-1] == 1.0 and history.error[-1] < 0.05


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


def test_the_history_holds_half_the_mean_squared_distance_and_the_accuracy_of_one_hot_targets():
    network = NeuralNetwork(2, 2, 3, 1.0, seed=0, bias=True)
    targets = one_hot([0, 1, 1, 0])
    validation_targets = one_hot([1, 1, 0, 0])
    history = network.fit(XOR_INPUTS, targets, epochs=1, validation_data=(XOR_INPUTS,
                          validation_targets))  # fmt: skip
    output = network.run(XOR_INPUTS)
    assert history.error == [pytest.approx(0.5 * np.sum((output - targets.T) ** 2) / 4)]
    assert history.validation_error == [
        pytest.approx(0.5 * np.sum((output - validation_targets.T) ** 2) / 4)
    ]
    predicted = np.argmax(output, axis=0)
    assert history.accuracy == [np.mean(predicted == [0, 1, 1, 0])]
    assert history.validation_accuracy == [np.mean(predicted == [1, 1, 0, 0])]


@pytest.mark.parametrize(
    ("targets", "one_hot_targets"),
    [
        ([[1, 0], [0, 1]], True),
        ([[1, 0, 0]], True),
        ([[0.9, 0.1], [0, 1]], False),   # not 0 or 1
        ([[1, 1], [0, 1]], False),       # two ones in a target
        ([[0, 0], [0, 1]], False),       # no one in a target
        ([[1], [0]], False),             # a single output is no class label
        ([[1], [1]], False),             # not even when all its targets are 1
    ],
)  # fmt: skip
def test_the_one_hot_rule_is_a_single_one_and_zeros_elsewhere_in_two_or_more_outputs(
    targets, one_hot_targets
):
    assert is_one_hot(np.array(targets, dtype=float).T) is one_hot_targets


def test_no_accuracy_is_recorded_for_targets_that_are_not_one_hot():
    network = NeuralNetwork(2, 2, 3, 1.0, seed=0, bias=True)
    soft = network.fit(XOR_INPUTS, one_hot([0, 1, 1, 0]) * 0.8 + 0.1, epochs=3)
    assert isinstance(soft, TrainingHistory)
    assert soft.accuracy == [] and len(soft.error) == 3 and soft.validation_error == []
    assert soft.best_epoch is None and soft.epochs == 3


def test_fit_with_the_same_seed_gives_the_same_network_and_history():
    def trained():
        network = NeuralNetwork(2, 1, 3, 1.0, seed=2, bias=True, dropout=0.2)
        return network, network.fit(XOR_INPUTS, XOR_TARGETS, epochs=20, batch_size=3, seed=9)

    (first, first_history), (second, second_history) = trained(), trained()
    np.testing.assert_array_equal(first.weights_in_hidden, second.weights_in_hidden)
    assert first_history == second_history


def test_fit_walks_every_sample_once_per_epoch_in_batches_of_the_given_size(monkeypatch):
    from nnlib import training

    batches = []
    original = training._step

    def recording_step(network, x_hat, targets):
        batches.append(x_hat.T.copy())
        return original(network, x_hat, targets)

    monkeypatch.setattr(training, "_step", recording_step)
    samples = np.arange(14.0).reshape(7, 2)
    NeuralNetwork(2, 1, 3, 1.0, seed=2).fit(samples, np.zeros((7, 1)), epochs=2, batch_size=3,
                                             seed=0)  # fmt: skip
    assert [len(batch) for batch in batches] == [3, 3, 1, 3, 3, 1]
    for epoch in (batches[:3], batches[3:]):
        assert sorted(map(tuple, np.vstack(epoch))) == sorted(map(tuple, samples))
    assert not np.array_equal(np.vstack(batches[:3]), samples), "the samples are shuffled"


def test_early_stopping_stops_after_the_patience_and_restores_the_best_epoch():
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(12, 4))
    targets = one_hot(rng.integers(0, 3, size=12), 3)  # random labels: overfitting is sure
    validation = (rng.normal(size=(30, 4)), one_hot(rng.integers(0, 3, size=30), 3))
    network = NeuralNetwork(4, 3, 30, 0.5, seed=0, bias=True, loss="cross_entropy")
    history = network.fit(inputs, targets, epochs=300, batch_size=4, seed=0,
                          validation_data=validation, early_stopping=5)  # fmt: skip
    best = int(np.argmin(history.validation_error)) + 1
    assert history.best_epoch == best
    assert history.epochs == best + 5 < 300
    assert min(history.validation_error[best:]) >= history.validation_error[best - 1]
    # The weights are those of the best epoch: replay training up to it.
    replay = NeuralNetwork(4, 3, 30, 0.5, seed=0, bias=True, loss="cross_entropy")
    replay.fit(inputs, targets, epochs=best, batch_size=4, seed=0)
    for kept, replayed in zip(network.weights, replay.weights, strict=True):
        np.testing.assert_array_equal(kept, replayed)


def test_the_progress_bar_shows_the_epochs_on_stderr(capsys):
    network = NeuralNetwork(2, 1, 3, 1.0, seed=0)
    network.fit(XOR_INPUTS, XOR_TARGETS, epochs=5, progress=True)
    shown = capsys.readouterr().err
    assert "5/5" in shown and "epochs:" in shown and "epoch/s" in shown
    assert re.search(r"error=\d\.\d{4}", shown)


# ---------------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize(
    ("inputs", "targets", "message"),
    [
        ([1, 2], [0.5, 0.5], r"target_vector: expected 1 values per target .*got 2"),
        ([[1, 2], [3, 4]], [[1]], "expected one target per sample, 2 in all, got 1"),
        ([[1, 2], [3, 4]], [0, 1],
         r"got 1; for a network with one output, give them as a column, shape \(2, 1\)"),
        ([1, 2], [1.5], r"expected values in \[0, 1\], the range of the sigmoid outputs, "
                        "got 1.5 at position 0"),
        ([[1, 2], [3, 4]], [[0.5], [-0.1]], r"got -0.1 at position \(1, 0\)"),
        ([1, 2], [np.nan], "target_vector: expected finite numbers, got nan"),
        ([1, 2], [np.inf], "target_vector: expected finite numbers, got inf"),
        ([1, 2], [], "target_vector: expected 1 values for one sample.*got empty input"),
        ([1, 2], np.zeros((1, 1, 1)), r"got shape \(1, 1, 1\)"),
        ([1, 2, 3], [0.5], "input_vector: expected 2 values per sample"),
        ([1, np.nan], [0.5], "input_vector: expected finite numbers, got nan at position 1"),
    ],
)  # fmt: skip
def test_bad_input_or_targets_to_train_and_gradients_are_refused_by_name(inputs, targets, message):
    network = NeuralNetwork(2, 1, 3, 0.1, seed=0)
    weights = network.weights_in_hidden.copy()
    for method in (network.train, network.gradients):
        with pytest.raises(ValueError, match=message):
            method(inputs, targets)
    np.testing.assert_array_equal(network.weights_in_hidden, weights)


def test_cross_entropy_targets_must_be_probabilities_that_sum_to_one():
    network = NeuralNetwork(2, 3, 4, 0.1, loss="cross_entropy")
    with pytest.raises(ValueError, match=r"target_vector: expected values in \[0, 1\], "
                       "probabilities of the classes, got 2.0"):  # fmt: skip
        network.train([1, 2], [2.0, 0, 0])
    with pytest.raises(ValueError, match=r"expected each target to sum to 1 .*got 0.5 at "
                       r"position 1"):  # fmt: skip
        network.train([[1, 2], [3, 4]], [[1, 0, 0], [0.5, 0, 0]])


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
        ({"epochs": 1, "validation_data": XOR_INPUTS}, TypeError,
         r"validation_data: expected a pair \(inputs, targets\)"),
        ({"epochs": 1, "validation_data": (XOR_INPUTS, XOR_TARGETS[:3])}, ValueError,
         "validation targets: expected one target per sample, 4 in all, got 3"),
        ({"epochs": 1, "validation_data": (XOR_INPUTS[:, :1], XOR_TARGETS)}, ValueError,
         "validation inputs: expected 2 values per sample"),
        ({"epochs": 1, "early_stopping": 3}, ValueError,
         "^early_stopping: needs validation_data, on which it measures$"),
        ({"epochs": 1, "early_stopping": 0, "validation_data": (XOR_INPUTS, XOR_TARGETS)},
         ValueError, "early_stopping: expected a positive integer, got 0"),
    ],
)  # fmt: skip
def test_bad_arguments_to_fit_are_refused_by_name(arguments, error, message):
    with pytest.raises(error, match=message):
        NeuralNetwork(2, 1, 3, 0.1, seed=0).fit(XOR_INPUTS, XOR_TARGETS, **arguments)


def test_fit_refuses_targets_that_do_not_match_the_inputs():
    with pytest.raises(ValueError, match=r"^targets: expected one target per sample, 4 in all"):
        NeuralNetwork(2, 1, 3, 0.1).fit(XOR_INPUTS, XOR_TARGETS[:2], epochs=1)
    with pytest.raises(ValueError, match=r"^inputs: expected finite numbers"):
        NeuralNetwork(2, 1, 3, 0.1).fit([[np.inf, 0]], [[1]], epochs=1)


def test_weighted_sums_that_overflow_saturate_without_warnings_and_weights_stay_finite():
    network = NeuralNetwork(2, 1, 3, 0.5, seed=0, bias=True)
    network.weights_in_hidden = np.ones((3, 3))  # 1.7e308 + 1.7e308 overflows to inf
    inputs, targets = [[1.7e308, 1.7e308], [1.0, 2.0]], [[1.0], [0.0]]
    # Warnings are errors in the tests: any overflow warning would fail them.
    assert network.run(inputs)[0, 0] == network.run([[1e300, 1e300]])[0, 0]
    network.gradients(inputs, targets)
    network.train(inputs, targets)
    network.fit(inputs, targets, epochs=2)
    assert all(np.all(np.isfinite(w)) for w in network.weights)


def dropout_twins(learning_rate):
    """A network with dropout, a problem, and the gradients that an equal network computes
    with the dropout masks it draws first."""
    first = NeuralNetwork(3, 2, [5, 4], learning_rate, seed=8, dropout=0.5)
    second = NeuralNetwork(3, 2, [5, 4], learning_rate, seed=8, dropout=0.5)
    x_rows, t_rows = problem([5, 4], "squared_error", n_out=2)
    masks = dropout_masks(second, len(x_rows))
    gradients = backpropagate(second, second._input_columns(x_rows), t_rows.T, masks)[0]
    return first, x_rows, t_rows, gradients


def test_gradients_draw_dropout_masks_as_train_does():
    first, x_rows, t_rows, expected = dropout_twins(0.1)
    for ours, theirs in zip(first.gradients(x_rows, t_rows), expected, strict=True):
        np.testing.assert_array_equal(ours, theirs)
    without = NeuralNetwork(3, 2, [5, 4], 0.1, seed=8).gradients(x_rows, t_rows)
    assert not np.allclose(without[0], expected[0])


def test_fit_takes_batches_of_32_and_shows_no_progress_bar_by_default(monkeypatch, capsys):
    from nnlib import training

    sizes = []
    original = training._step

    def recording_step(network, x_hat, targets):
        sizes.append(x_hat.shape[1])
        return original(network, x_hat, targets)

    monkeypatch.setattr(training, "_step", recording_step)
    NeuralNetwork(2, 1, 3, 1.0, seed=2).fit(np.zeros((70, 2)), np.zeros((70, 1)), epochs=1)
    assert sizes == [32, 32, 6]
    assert capsys.readouterr().err == ""


def test_train_applies_dropout_with_the_masks_it_draws():
    first, x_rows, t_rows, gradients = dropout_twins(0.5)
    before = [w.copy() for w in first.weights]
    first.train(x_rows, t_rows)
    for w_before, gradient, w_after in zip(before, gradients, first.weights, strict=True):
        np.testing.assert_allclose(w_after, w_before - 0.5 * gradient, rtol=1e-12, atol=1e-15)


def test_a_float32_network_rounds_its_input_to_float32_before_computing():
    network = NeuralNetwork(2, 1, 1, 0.1, bias=True, dtype=np.float32)
    network.weights_in_hidden = [[2.0**30, -(2.0**30), 0.0]]
    network.weights_hidden_out = [[1.0, 0.0]]
    sample = [[1 + 2.0**-30, 1.0]]  # its first value is 1.0 in float32
    # In float32 the hidden sum is 0, so h = 0.5; in float64 it would be 1.
    assert network.run(sample)[0, 0] == np.float32(1 / (1 + np.exp(-0.5)))
    gradients = network.gradients(sample, [[1 - 2.0**-30]])
    assert all(g.dtype == np.float32 for g in gradients)
    expected = network.gradients(np.float32(sample), np.float32([[1 - 2.0**-30]]))
    np.testing.assert_array_equal(gradients[1], expected[1])
    assert (
        dropout_masks(NeuralNetwork(2, 1, 3, 0.1, dropout=0.5, dtype=np.float32), 4)[0].dtype
        == np.float32
    )
