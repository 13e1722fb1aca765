"""Tests of nnlib.metrics against scikit-learn's metrics, the independent reference."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnlib import NeuralNetwork, accuracy, confusion_matrix, one_hot, precision_recall

label_pairs = st.integers(2, 6).flatmap(
    lambda n_classes: st.integers(1, 40).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, n_classes - 1), min_size=n, max_size=n),
            st.lists(st.integers(0, n_classes - 1), min_size=n, max_size=n),
            st.just(n_classes),
        )
    )
)


@given(label_pairs)
def test_accuracy_confusion_matrix_precision_and_recall_agree_with_scikit_learn(pair):
    from sklearn import metrics as sklearn_metrics  # here: scikit-learn takes 2 s to import

    true, predicted, n_classes = pair
    classes = list(range(n_classes))
    assert accuracy(true, predicted) == pytest.approx(
        sklearn_metrics.accuracy_score(true, predicted)
    )
    np.testing.assert_array_equal(
        confusion_matrix(true, predicted, n_classes),
        sklearn_metrics.confusion_matrix(true, predicted, labels=classes),
    )
    precision, recall = precision_recall(true, predicted, n_classes)
    reference = sklearn_metrics.precision_recall_fscore_support(
        true, predicted, labels=classes, zero_division=0
    )
    np.testing.assert_allclose(precision, reference[0])
    np.testing.assert_allclose(recall, reference[1])


def test_the_confusion_matrix_has_true_classes_in_rows_and_predictions_in_columns():
    counts = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0])
    np.testing.assert_array_equal(counts, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert counts.sum() == 6 and counts.dtype.kind == "i"


def test_the_confusion_matrix_has_room_for_the_largest_label_of_either_list():
    np.testing.assert_array_equal(
        confusion_matrix([0, 1], [0, 2]), [[1, 0, 0], [0, 0, 1], [0, 0, 0]]
    )


def test_one_hot_puts_a_single_one_at_each_label():
    np.testing.assert_array_equal(one_hot([2, 0, 1]), [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    assert one_hot(np.array([1]), n_classes=4).tolist() == [[0, 1, 0, 0]]
    np.testing.assert_array_equal(np.argmax(one_hot([3, 1, 4, 1, 5]), axis=1), [3, 1, 4, 1, 5])


def test_whole_numbers_given_as_floats_are_labels_too():
    assert accuracy([1.0, 2.0], np.array([1, 3])) == 0.5


def test_predict_gives_the_index_of_the_largest_output_of_each_sample():
    network = NeuralNetwork(3, 4, 5, 0.1, seed=2, bias=True)
    samples = np.random.default_rng(0).normal(size=(7, 3))
    predicted = network.predict(samples)
    assert predicted.shape == (7,) and predicted.dtype.kind == "i"
    outputs = network.run(samples)
    for column, label in enumerate(predicted):
        assert outputs[label, column] == outputs[:, column].max()
    assert network.predict(samples[0]).tolist() == [predicted[0]]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: accuracy([0, 1, 1], [0, 1]), ValueError,
         "predicted_labels: expected one prediction per true label, 3 in all, got 2"),
        (lambda: accuracy([], []), ValueError, "true_labels: expected a non-empty .* empty input"),
        (lambda: accuracy([[0, 1]], [[0, 1]]), ValueError, r"got an array of shape \(1, 2\)"),
        (lambda: confusion_matrix([0, 1.5], [0, 1]), ValueError,
         "true_labels: expected whole numbers >= 0 as class labels, got 1.5 at position 1"),
        (lambda: confusion_matrix([0, 1], [0, -1]), ValueError,
         "predicted_labels: expected whole numbers >= 0 .* got -1.0 at position 1"),
        (lambda: confusion_matrix([0, 3], [0, 1], n_classes=3), ValueError,
         "n_classes: expected more classes than the largest label, 3, got n_classes=3"),
        (lambda: precision_recall([0, np.nan], [0, 1]), ValueError,
         "true_labels: expected finite numbers, got nan at position 1"),
        (lambda: one_hot([0, 2], n_classes=0), ValueError,
         "n_classes: expected a positive integer, got 0"),
        (lambda: one_hot(["a", "b"]), TypeError, "labels: expected real numbers"),
    ],
)  # fmt: skip
def test_bad_labels_are_refused_with_what_was_expected_and_what_came(call, error, message):
    with pytest.raises(error, match=message):
        call()
