"""Class labels: one-hot targets, and how well predicted labels match the true ones.

This module is the code of the chapter "Recognising handwritten digits"
(``book/08_digits.ipynb``). Every function takes labels, whole numbers from 0 to
``n_classes - 1`` in a list or 1-D array, not a network: the predictions come from
:meth:`nnlib.NeuralNetwork.predict` or from anywhere else.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from nnlib._checks import class_count, label_pair, labels_array


def one_hot(labels: ArrayLike, n_classes: int | None = None) -> np.ndarray:
    """Targets for a network with one output per class: row ``i`` is all zeros except
    a 1 in column ``labels[i]``. ``n_classes`` defaults to the largest label + 1.

    >>> one_hot([2, 0], n_classes=3)
    array([[0., 0., 1.],
           [1., 0., 0.]])
    """
    labels = labels_array(labels, "labels")
    return np.eye(class_count(n_classes, labels))[labels]


def accuracy(true_labels: ArrayLike, predicted_labels: ArrayLike) -> float:
    """The share of samples whose predicted label is the true one, from 0 to 1."""
    true, predicted = label_pair(true_labels, predicted_labels)
    return float(np.mean(true == predicted))


def confusion_matrix(
    true_labels: ArrayLike, predicted_labels: ArrayLike, n_classes: int | None = None
) -> np.ndarray:
    """Counts of samples by true class (rows) and predicted class (columns).

    Entry ``[i, j]`` is the number of samples of class ``i`` that were predicted
    as ``j``, so the diagonal holds the correct predictions.
    """
    true, predicted = label_pair(true_labels, predicted_labels)
    n_classes = class_count(n_classes, true, predicted)
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (true, predicted), 1)
    return counts


def precision_recall(
    true_labels: ArrayLike, predicted_labels: ArrayLike, n_classes: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Precision and recall of each class, read off the confusion matrix.

    Precision of class ``k``: of the samples predicted as ``k``, the share that
    are ``k`` (its column). Recall: of the samples of class ``k``, the share
    predicted as ``k`` (its row). A class never predicted (or never present)
    has precision (or recall) 0, as scikit-learn's ``zero_division=0`` gives.
    """
    counts = confusion_matrix(true_labels, predicted_labels, n_classes)
    correct = np.diag(counts).astype(float)
    predicted_per_class = counts.sum(axis=0)
    true_per_class = counts.sum(axis=1)
    precision = np.divide(
        correct, predicted_per_class, out=np.zeros_like(correct), where=predicted_per_class > 0
    )
    recall = np.divide(
        correct, true_per_class, out=np.zeros_like(correct), where=true_per_class > 0
    )
    return precision, recall
