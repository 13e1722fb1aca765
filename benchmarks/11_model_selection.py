"""How steady is a choice of settings? One validation split against 5-fold cross-validation.

Usage: .venv/bin/python benchmarks/11_model_selection.py   (one to three minutes)

The chapter "Choosing settings honestly" (``book/11_model_selection.ipynb``) makes both
choices once; this script makes each of them 20 times, on the same 1,440 digits that
the chapter keeps apart from its test data (which is not used here):

- one split: 288 validation samples drawn with ``train_test_split(..., stratify=...,
  random_state=s)`` for s = 0, ..., 19; each setting is trained from the network seeds
  0, 1 and 2 on the other 1,152 samples;
- cross-validation: ``StratifiedKFold(5, shuffle=True, random_state=s)`` for s = 0, ...,
  19; the network of fold k starts from seed k.

The settings and the rule are those of the chapter: hidden sizes 16 and 32, learning
rates 1, 2 and 4, 20 epochs in batches of 32 (sigmoid hidden layer, softmax outputs
with cross-entropy, bias); the choice is the setting and number of epochs with the most
validation samples right, summed over the runs, and among ties the fewest epochs, then
the first setting in that order. The results go to
``benchmarks/results/11_model_selection.json``, with the machine they ran on.
"""

from __future__ import annotations

import collections
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.special import expit
from sklearn.datasets import load_digits
from sklearn.model_selection import StratifiedKFold, train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.machine import provenance
from nnlib import NeuralNetwork

ROOT = Path(__file__).resolve().parent.parent
RESULT = ROOT / "benchmarks" / "results" / "11_model_selection.json"
HIDDEN_SIZES = (16, 32)
LEARNING_RATES = (1.0, 2.0, 4.0)
SETTINGS = [(hidden, rate) for hidden in HIDDEN_SIZES for rate in LEARNING_RATES]
EPOCHS = 20
BATCH_SIZE = 32
REPEATS = range(20)  # split seeds, and shuffle seeds of the folds
NETWORK_SEEDS = (0, 1, 2)  # for one split
N_FOLDS = 5

digits = load_digits()
rest, _test = train_test_split(
    np.arange(len(digits.target)), test_size=357, stratify=digits.target, random_state=0
)
rest_inputs, rest_labels = digits.data[rest] / 16, digits.target[rest]
rest_x_hat = np.hstack([rest_inputs, np.ones((len(rest), 1))])  # the bias node's 1
rest_targets = np.eye(10)[rest_labels]


def train_side_by_side(hidden_size, learning_rates, seeds, training_sets, validation_sets):
    """Validation samples right, per network and epoch, for networks trained at once
    (the same function as in the chapter, where it is checked against nnlib's fit)."""
    starts = [
        NeuralNetwork(network_structure=[64, hidden_size, 10], learning_rate=1.0,
                      bias=True, seed=seed, loss="cross_entropy").weights
        for seed in seeds
    ]  # fmt: skip
    w_hidden = np.stack([w[0] for w in starts])
    w_out = np.stack([w[1] for w in starts])
    rates = np.array(learning_rates)[:, None, None]
    shufflers = [np.random.default_rng(seed) for seed in seeds]
    training_sets = np.asarray(training_sets)
    validation_sets = np.asarray(validation_sets)
    x_validation = rest_x_hat[validation_sets].transpose(0, 2, 1)
    n_networks, n_training = training_sets.shape
    right = np.zeros((n_networks, EPOCHS), dtype=int)
    for epoch in range(EPOCHS):
        orders = np.stack(
            [s[g.permutation(n_training)] for s, g in zip(training_sets, shufflers, strict=True)]
        )
        for start in range(0, n_training, BATCH_SIZE):
            batch = orders[:, start : start + BATCH_SIZE]
            x_hat = rest_x_hat[batch].transpose(0, 2, 1)
            h = expit(w_hidden @ x_hat)
            h_hat = np.concatenate([h, np.ones_like(h[:, :1])], axis=1)
            z = w_out @ h_hat
            y = np.exp(z - z.max(axis=1, keepdims=True))
            y /= y.sum(axis=1, keepdims=True)
            delta_out = (y - rest_targets[batch].transpose(0, 2, 1)) / batch.shape[1]
            delta_hidden = (w_out[:, :, :-1].transpose(0, 2, 1) @ delta_out) * h * (1 - h)
            w_out -= rates * (delta_out @ h_hat.transpose(0, 2, 1))
            w_hidden -= rates * (delta_hidden @ x_hat.transpose(0, 2, 1))
        h = expit(w_hidden @ x_validation)
        z = w_out @ np.concatenate([h, np.ones_like(h[:, :1])], axis=1)
        right[:, epoch] = np.sum(z.argmax(axis=1) == rest_labels[validation_sets], axis=1)
    return right


def right_per_setting(seeds, training_sets, validation_sets):
    """Validation samples right, summed over the runs: shape (settings, epochs)."""
    runs = len(seeds)
    rows = []
    for hidden in HIDDEN_SIZES:
        right = train_side_by_side(
            hidden,
            [rate for rate in LEARNING_RATES for _ in range(runs)],
            list(seeds) * len(LEARNING_RATES),
            list(training_sets) * len(LEARNING_RATES),
            list(validation_sets) * len(LEARNING_RATES),
        )
        rows += list(right.reshape(len(LEARNING_RATES), runs, EPOCHS).sum(axis=1))
    return np.array(rows)


def choose(right_sums):
    """The setting and epochs (from 1) with the most right, fewest epochs among ties."""
    candidates = np.argwhere(right_sums == right_sums.max())
    setting, epoch = min(candidates, key=lambda pair: (pair[1], pair[0]))
    return int(setting), int(epoch) + 1


def main() -> None:
    start = time.perf_counter()
    one_split, cross_validation = [], []
    n_validation = len(rest) // N_FOLDS
    for seed in REPEATS:
        training, validation = train_test_split(
            np.arange(len(rest)), test_size=n_validation, stratify=rest_labels,
            random_state=seed,
        )  # fmt: skip
        runs = len(NETWORK_SEEDS)
        sums = right_per_setting(NETWORK_SEEDS, [training] * runs, [validation] * runs)
        setting, epochs = choose(sums)
        one_split.append({"seed": seed, "setting": SETTINGS[setting], "epochs": epochs,
                          "accuracy": float(sums.max() / (runs * n_validation))})  # fmt: skip
        folds = list(
            StratifiedKFold(N_FOLDS, shuffle=True, random_state=seed).split(
                rest_inputs, rest_labels
            )
        )
        sums = right_per_setting(range(N_FOLDS), *zip(*folds, strict=True))
        setting, epochs = choose(sums)
        cross_validation.append({"seed": seed, "setting": SETTINGS[setting],
                                 "epochs": epochs,
                                 "accuracy": float(sums.max() / len(rest))})  # fmt: skip
        print(f"seed {seed:2}: one split chooses {one_split[-1]['setting']}, "
              f"cross-validation {cross_validation[-1]['setting']}", flush=True)  # fmt: skip

    def counts(choices):
        counted = collections.Counter(tuple(choice["setting"]) for choice in choices)
        return [
            {"hidden": hidden, "learning_rate": rate, "chosen": counted[hidden, rate]}
            for hidden, rate in SETTINGS
        ]

    result = {
        **provenance("11_model_selection.py", start),
        "settings": {
            "hidden_sizes": HIDDEN_SIZES,
            "learning_rates": LEARNING_RATES,
            "epochs": EPOCHS,
            "batch_size": BATCH_SIZE,
            "network_seeds_one_split": NETWORK_SEEDS,
            "folds": N_FOLDS,
        },
        "one_split": {"choices": one_split, "counts": counts(one_split)},
        "cross_validation": {"choices": cross_validation, "counts": counts(cross_validation)},
    }
    RESULT.write_text(json.dumps(result, indent=1) + "\n")
    print(f"written to {RESULT.relative_to(ROOT)} in {result['seconds']} s")


if __name__ == "__main__":
    main()
