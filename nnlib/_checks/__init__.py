"""The one place where nnlib turns bad input into clear errors.

Every public function and method checks what it is given here, once, at its entry;
the forward pass, backpropagation and the optimisers trust their arrays. Each error
names the argument, what was expected and what came. Three modules: numbers, settings
and arrays (``values``); what a network is built and run with (``networks``); class
labels (``labels``).
"""

from nnlib._checks.labels import class_count, label_pair, labels_array
from nnlib._checks.networks import (
    input_rows,
    layer_sizes,
    optimizer,
    target_rows,
    validation_pair,
    weight_matrix,
)
from nnlib._checks.values import (
    as_float_array,
    describe,
    float_dtype,
    one_of,
    positive_finite_float,
    positive_int,
    real_number,
    seed,
    true_or_false,
)

__all__ = [
    "as_float_array", "class_count", "describe", "float_dtype", "input_rows",
    "label_pair", "labels_array", "layer_sizes", "one_of", "optimizer",
    "positive_finite_float", "positive_int", "real_number", "seed", "target_rows",
    "true_or_false", "validation_pair", "weight_matrix",
]  # fmt: skip
