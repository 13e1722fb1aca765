"""The searches of the chapter "Overfitting and regularisation", too long to run in it.

Usage: python benchmarks/12_regularisation.py

The chapter's data: the test data of the chapter "Recognising handwritten digits" is
split off and not used; of the other 1,437 digits, 150 (15 of each) are training data
and 1,287 validation data. On it, networks 64 -> 32 -> 10 (sigmoid hidden nodes,
softmax outputs with the cross-entropy, bias nodes, learning rate 1, mini-batches of
10, 100 epochs) are trained from the seeds 0 to 9 for each L2 strength and each
dropout rate of a grid, with the chapter's own `train_networks` (the maths of nnlib's
`fit`, many networks at once), here with one strength or rate per network so that the
whole grid trains at once. The validation accuracy and loss after the last epoch, mean
and standard deviation over the seeds, go to benchmarks/results/12_regularisation.json
with the machine that computed them; the chapter copies the accuracies and its claims
check that they match the file.
"""

from __future__ import annotations

import datetime
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.special import expit, log_softmax
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.machine import blas_libraries
from benchmarks.machine import machine as machine_facts
from nnlib import initial_weights

ROOT = Path(__file__).resolve().parent.parent
RESULT = ROOT / "benchmarks" / "results" / "12_regularisation.json"
SETTINGS = {
    "train_per_class": 15,
    "hidden": 32,
    "learning_rate": 1.0,
    "batch_size": 10,
    "epochs": 100,
    "seeds": list(range(10)),
}
L2_GRID = [0.0, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3]
DROPOUT_GRID = [0.0, 0.1, 0.2, 0.3, 0.5]


def the_split(train_per_class: int):
    digits = load_digits()
    rest_images, _, rest_labels, _ = train_test_split(
        digits.data, digits.target, test_size=0.2, stratify=digits.target, random_state=0
    )
    train_images, validation_images, train_labels, validation_labels = train_test_split(
        rest_images,
        rest_labels,
        train_size=10 * train_per_class,
        stratify=rest_labels,
        random_state=0,
    )
    return train_images / 16, train_labels, validation_images / 16, validation_labels


def with_ones_row(inputs):
    """Samples (rows) as columns, with the bias node's row of ones below them."""
    return np.vstack([inputs.T, np.ones(len(inputs))]).astype(np.float32)


def measure(weights, inputs, labels):
    """The accuracy and the mean cross-entropy of each of the stacked networks."""
    hidden_weights, output_weights = weights
    hidden = expit(hidden_weights @ with_ones_row(inputs))
    sums = output_weights[:, :, :-1] @ hidden + output_weights[:, :, -1:]
    log_outputs = log_softmax(sums, axis=1)  # axis 1: the ten output nodes
    loss = -log_outputs[:, labels, np.arange(len(labels))].mean(axis=1)
    return np.mean(sums.argmax(axis=1) == labels, axis=1), loss


def train_networks(
    seeds,
    inputs,
    labels,
    validation,
    *,
    epochs=100,
    l2=0.0,
    dropout=0.0,
    hidden=32,
    learning_rate=1.0,
    batch_size=10,
    measure_every=5,
):
    """The chapter's ``train_networks``, with ``l2`` and ``dropout`` given per network
    (a list with one value per seed) so that a whole grid trains at once."""
    n_networks = len(seeds)
    l2 = np.broadcast_to(np.float32(l2), (n_networks,)).reshape(-1, 1, 1)
    keep = 1.0 - np.broadcast_to(np.float64(dropout), (n_networks,)).reshape(-1, 1, 1)
    generators = [np.random.default_rng(seed) for seed in seeds]  # weights, dropout
    orders = [np.random.default_rng(seed) for seed in seeds]  # as fit(seed=seed)
    w_hidden = np.stack([initial_weights(hidden, 65, g) for g in generators])
    w_out = np.stack([initial_weights(10, hidden + 1, g) for g in generators])
    w_hidden, w_out = w_hidden.astype(np.float32), w_out.astype(np.float32)
    x_hat, targets = with_ones_row(inputs), np.eye(10, dtype=np.float32)[labels].T
    curves = {
        name: []
        for name in ("epoch", "accuracy", "error", "validation_accuracy", "validation_error")
    }
    for epoch in range(1, epochs + 1):
        order = np.stack([g.permutation(len(labels)) for g in orders])
        for start in range(0, len(labels), batch_size):
            batch = order[:, start : start + batch_size]  # (networks, samples)
            x = x_hat[:, batch].transpose(1, 0, 2)  # (networks, 65, samples)
            t = targets[:, batch].transpose(1, 0, 2)  # (networks, 10, samples)
            h = expit(w_hidden @ x)
            mask = np.float32(1)
            if np.any(keep < 1):  # dropout: a new random mask for every step
                draws = np.stack([g.random(h.shape[1:]) for g in generators])
                mask = (draws < keep).astype(np.float32) / keep.astype(np.float32)
            h_used = h * mask  # dropout
            z = w_out[:, :, :-1] @ h_used + w_out[:, :, -1:]
            y = np.exp(z - z.max(axis=1, keepdims=True))  # softmax over the outputs
            delta_out = y / y.sum(axis=1, keepdims=True) - t
            grad_out = np.concatenate(
                [delta_out @ h_used.transpose(0, 2, 1), delta_out.sum(axis=2, keepdims=True)],
                axis=2,
            )
            delta_hidden = w_out[:, :, :-1].transpose(0, 2, 1) @ delta_out
            delta_hidden *= h * (1 - h) * mask  # dropout: no delta for a node off
            grad_hidden = delta_hidden @ x.transpose(0, 2, 1)
            grad_hidden /= batch.shape[1]  # the mean over the mini-batch
            grad_out /= batch.shape[1]
            grad_hidden[:, :, :-1] += l2 * w_hidden[:, :, :-1]  # L2, bias column left out
            grad_out[:, :, :-1] += l2 * w_out[:, :, :-1]  # L2
            w_hidden -= learning_rate * grad_hidden
            w_out -= learning_rate * grad_out
        if epoch % measure_every == 0:
            curves["epoch"].append(epoch)
            for prefix, data in (("", (inputs, labels)), ("validation_", validation)):
                accuracy, loss = measure((w_hidden, w_out), *data)
                curves[prefix + "accuracy"].append(accuracy)
                curves[prefix + "error"].append(loss)
    return (w_hidden, w_out), {name: np.array(value) for name, value in curves.items()}


def machine() -> str:
    facts = machine_facts()
    blas = ", ".join(sorted(blas_libraries(threads=False)))
    return (
        f"{facts['cpu']}, {facts['cores']} cores, Python {facts['python']}, "
        f"NumPy {facts['numpy']}, BLAS: {blas}"
    )


def main(settings=SETTINGS, l2_grid=L2_GRID, dropout_grid=DROPOUT_GRID, result=RESULT):
    train_inputs, train_labels, validation_inputs, validation_labels = the_split(
        settings["train_per_class"]
    )
    seeds = settings["seeds"]
    options = {k: settings[k] for k in ("epochs", "hidden", "learning_rate", "batch_size")}
    grid = [("l2", value) for value in l2_grid] + [("dropout", value) for value in dropout_grid]
    start = time.perf_counter()
    all_seeds = [seed for _ in grid for seed in seeds]
    l2 = [value if name == "l2" else 0.0 for name, value in grid for _ in seeds]
    dropout = [value if name == "dropout" else 0.0 for name, value in grid for _ in seeds]
    _, curves = train_networks(
        all_seeds,
        train_inputs,
        train_labels,
        (validation_inputs, validation_labels),
        l2=l2,
        dropout=dropout,
        measure_every=settings["epochs"],
        **options,
    )
    seconds = time.perf_counter() - start
    rows = []
    for index, (name, value) in enumerate(grid):
        part = slice(index * len(seeds), (index + 1) * len(seeds))
        accuracy = curves["validation_accuracy"][-1, part]
        loss = curves["validation_error"][-1, part]
        rows.append(
            {
                "regulariser": name,
                "value": value,
                "validation_accuracy": [round(float(a), 6) for a in accuracy],
                "validation_accuracy_mean": round(float(accuracy.mean()), 6),
                "validation_accuracy_sd": round(float(accuracy.std(ddof=1)), 6),
                "validation_error_mean": round(float(loss.mean()), 6),
                "training_accuracy_mean": round(float(curves["accuracy"][-1, part].mean()), 6),
            }
        )
        print(
            f"{name:8} {value:8g}  validation accuracy {accuracy.mean():.2%} "
            f"± {accuracy.std(ddof=1):.2%}  loss {loss.mean():.3f}"
        )
    report = {
        "machine": machine(),
        "date": datetime.date.today().isoformat(),
        "command": ".venv/bin/python benchmarks/12_regularisation.py",
        "seconds": round(seconds, 1),
        "settings": settings,
        "results": rows,
    }
    result.write_text(json.dumps(report, indent=1) + "\n")
    print(f"{seconds:.0f} s; written to {result}")
    return report


if __name__ == "__main__":
    main()
