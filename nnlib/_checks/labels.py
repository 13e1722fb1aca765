"""Checks of class labels, which the metrics compare."""

from __future__ import annotations

import numpy as np

from nnlib._checks.values import (
    as_float_array,
    positive_int,
    require_finite,
    require_whole_numbers,
)


def labels_array(labels: object, name: str) -> np.ndarray:
    """Class labels (whole numbers >= 0 in a list or 1-D array) as an integer array."""
    values = as_float_array(labels, name)
    if values.ndim != 1 or values.size == 0:
        what = "empty input" if values.size == 0 else f"an array of shape {values.shape}"
        raise ValueError(f"{name}: expected a non-empty list or 1-D array of labels, got {what}")
    require_finite(values, name)
    require_whole_numbers(values, name)
    return values.astype(np.int64)


def label_pair(true_labels: object, predicted_labels: object) -> tuple:
    true = labels_array(true_labels, "true_labels")
    predicted = labels_array(predicted_labels, "predicted_labels")
    if true.shape != predicted.shape:
        raise ValueError(
            "predicted_labels: expected one prediction per true label, "
            f"{true.size} in all, got {predicted.size}"
        )
    return true, predicted


def class_count(n_classes: object, *label_arrays: np.ndarray) -> int:
    """``n_classes``, or the largest label + 1 if it is None; never fewer than that."""
    largest = max(int(labels.max()) for labels in label_arrays)
    if n_classes is None:
        return largest + 1
    n_classes = positive_int(n_classes, "n_classes")
    if largest >= n_classes:
        raise ValueError(
            f"n_classes: expected more classes than the largest label, {largest}, "
            f"got n_classes={n_classes}"
        )
    return n_classes
