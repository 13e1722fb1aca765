"""The same computations as nnlib, written as bare NumPy: no classes and no checks.

These are the floors the benchmarks measure nnlib against: the fastest bare NumPy
we know for the same network. They add the bias column after the matrix product,
which needs no copy of the input; nnlib appends the bias node's row of ones to each
layer's input, as the chapter on bias nodes explains, which costs one copy of the
input (the hidden layers get their row of ones for free). A ratio above 1 is the cost
of that copy, of checking the input, and of calling through nnlib's functions.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit


def weighted_sums(weights: np.ndarray, values: np.ndarray, bias: bool) -> np.ndarray:
    if not bias:
        return weights @ values
    sums = weights[:, :-1] @ values
    sums += weights[:, -1:]
    return sums


def forward(weights_in_hidden, weights_hidden_out, rows, bias):
    """Outputs for samples as rows: two matrix products and the sigmoid."""
    hidden = weighted_sums(weights_in_hidden, rows.T, bias)
    expit(hidden, out=hidden)
    output = weighted_sums(weights_hidden_out, hidden, bias)
    expit(output, out=output)
    return hidden, output


def per_sample_forward(weights_in_hidden, weights_hidden_out, rows, bias):
    """One forward pass per sample, each as a column vector, as in the source chapter."""
    outputs = []
    for sample in rows:
        column = np.array(sample, ndmin=2).T
        if bias:
            column = np.vstack([column, [[1.0]]])
        hidden = expit(weights_in_hidden @ column)
        if bias:
            hidden = np.vstack([hidden, [[1.0]]])
        outputs.append(expit(weights_hidden_out @ hidden))
    return np.hstack(outputs)


def gradient(deltas, layer_inputs, bias):
    n_samples = layer_inputs.shape[1]
    if not bias:
        return deltas @ layer_inputs.T / n_samples
    result = np.empty((deltas.shape[0], layer_inputs.shape[0] + 1), deltas.dtype)
    np.matmul(deltas, layer_inputs.T, out=result[:, :-1])
    np.sum(deltas, axis=1, out=result[:, -1])
    result /= n_samples
    return result


def train_step(weights_in_hidden, weights_hidden_out, rows, target_rows, learning_rate, bias):
    """One step of gradient descent on the mean squared error, weights changed in place."""
    inputs, targets = rows.T, target_rows.T
    hidden, output = forward(weights_in_hidden, weights_hidden_out, rows, bias)
    output_deltas = (output - targets) * output * (1.0 - output)
    hidden_deltas = weights_hidden_out[:, : hidden.shape[0]].T @ output_deltas
    hidden_deltas *= hidden * (1.0 - hidden)
    step_in_hidden = gradient(hidden_deltas, inputs, bias)
    step_hidden_out = gradient(output_deltas, hidden, bias)
    step_in_hidden *= learning_rate
    step_hidden_out *= learning_rate
    weights_in_hidden -= step_in_hidden
    weights_hidden_out -= step_hidden_out


def relu_softmax_epoch(weights, rows, labels, batch_size, learning_rate, seed):
    """One epoch of plain gradient descent for a network of ReLU hidden layers with bias
    and softmax outputs under cross-entropy, weights changed in place; then the mean loss
    and the accuracy on all samples, as ``fit`` measures them after each epoch."""
    order = np.random.default_rng(seed).permutation(len(rows))
    for start in range(0, len(rows), batch_size):
        batch = order[start : start + batch_size]
        inputs, hiddens = rows[batch].T, []
        for w in weights[:-1]:
            inputs = np.maximum(weighted_sums(w, inputs, True), 0)
            hiddens.append(inputs)
        delta = _softmax(weighted_sums(weights[-1], inputs, True))
        delta[labels[batch], np.arange(len(batch))] -= 1
        for layer in reversed(range(len(weights))):
            below = rows[batch].T if layer == 0 else hiddens[layer - 1]
            step = gradient(delta, below, True)
            if layer:
                delta = weights[layer][:, :-1].T @ delta
                delta *= below > 0
            step *= learning_rate
            weights[layer] -= step
    outputs = rows.T
    for w in weights[:-1]:
        outputs = np.maximum(weighted_sums(w, outputs, True), 0)
    probabilities = _softmax(weighted_sums(weights[-1], outputs, True))
    loss = -np.mean(np.log(probabilities[labels, np.arange(len(rows))]))
    return loss, np.mean(np.argmax(probabilities, axis=0) == labels)


def _softmax(sums):
    sums -= sums.max(axis=0)
    np.exp(sums, out=sums)
    sums /= sums.sum(axis=0)
    return sums
