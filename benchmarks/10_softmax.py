"""The learning rates of the chapter "Softmax and cross-entropy", chosen on validation data.

Usage: .venv/bin/python benchmarks/10_softmax.py   (about two minutes)

On the digits split of the chapter "Recognising handwritten digits" (training and
validation data only; the test data is not used), a network with 64 inputs, 32
sigmoid hidden nodes, 10 outputs and bias is trained with nnlib's ``fit`` for 15
epochs in batches of 16, from seeds 0 to 9, for each loss and each learning rate of
its grid. Each loss gets the rate with the highest mean validation accuracy after the
last epoch. The mean validation accuracy of every epoch, and the chosen rates, go to
benchmarks/results/10_softmax.json with a description of the machine; the chapter
reads that file. The script then checks that the file says what the chapter says.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.machine import machine as machine_facts
from nnlib import NeuralNetwork, one_hot

RESULTS = Path(__file__).resolve().parent / "results" / "10_softmax.json"
RATES = {"squared_error": (1.0, 2.0, 4.0, 8.0), "cross_entropy": (0.25, 0.5, 1.0, 2.0)}
SEEDS = range(10)
HIDDEN_NODES, EPOCHS, BATCH_SIZE = 32, 15, 16


def digits_split():
    """The split of the digits chapter: training and validation inputs and labels."""
    digits = load_digits()
    rest_images, _, rest_labels, _ = train_test_split(
        digits.data, digits.target, test_size=0.2, stratify=digits.target, random_state=0
    )
    train_images, validation_images, train_labels, validation_labels = train_test_split(
        rest_images, rest_labels, test_size=0.25, stratify=rest_labels, random_state=0
    )
    return train_images / 16, train_labels, validation_images / 16, validation_labels


def validation_curves(loss: str, rate: float, data) -> np.ndarray:
    """Validation accuracy after each epoch, one row per seed."""
    train_inputs, train_labels, validation_inputs, validation_labels = data
    curves = []
    for seed in SEEDS:
        network = NeuralNetwork(64, 10, HIDDEN_NODES, rate, bias=True, seed=seed, loss=loss)
        history = network.fit(
            train_inputs,
            one_hot(train_labels, 10),
            epochs=EPOCHS,
            batch_size=BATCH_SIZE,
            seed=seed,
            validation_data=(validation_inputs, one_hot(validation_labels, 10)),
        )
        curves.append(history.validation_accuracy)
    return np.array(curves)


def machine() -> dict:
    return {
        **machine_facts(),
        "date": datetime.date.today().isoformat(),
        "command": ".venv/bin/python benchmarks/10_softmax.py",
    }


def main() -> None:
    data = digits_split()
    results = {
        "machine": machine(),
        "setting": {
            "hidden_nodes": HIDDEN_NODES,
            "epochs": EPOCHS,
            "batch_size": BATCH_SIZE,
            "seeds": len(SEEDS),
        },
        "losses": {},
    }
    for loss, rates in RATES.items():
        runs = {}
        for rate in rates:
            curves = validation_curves(loss, rate, data)
            runs[str(rate)] = {
                "mean_validation_accuracy": [round(float(a), 6) for a in curves.mean(axis=0)],
                "sd_last_epoch": round(float(curves[:, -1].std(ddof=1)), 6),
            }
            last = runs[str(rate)]["mean_validation_accuracy"][-1]
            print(
                f"{loss:>13}, rate {rate:4}: mean validation accuracy after "
                f"epoch {EPOCHS}: {last:.1%}",
                flush=True,
            )
        chosen = max(rates, key=lambda rate: runs[str(rate)]["mean_validation_accuracy"][-1])
        results["losses"][loss] = {"rates": runs, "chosen_rate": chosen}
        print(f"{loss:>13}: chosen rate {chosen}")
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")
    print(f"written to {RESULTS.relative_to(RESULTS.parents[2])}")
    check(results)


def check(results: dict) -> None:
    """What the chapter says about this file: no rate of the squared error reaches,
    after one epoch, the mean validation accuracy of the chosen cross-entropy rate,
    and after the last epoch the two chosen rates are within one percentage point."""
    losses = results["losses"]
    ce = losses["cross_entropy"]["rates"][str(losses["cross_entropy"]["chosen_rate"])]
    se = losses["squared_error"]["rates"][str(losses["squared_error"]["chosen_rate"])]
    first_se = max(
        run["mean_validation_accuracy"][0] for run in losses["squared_error"]["rates"].values()
    )
    assert ce["mean_validation_accuracy"][0] > first_se + 0.1, "cross-entropy not faster"
    gap = ce["mean_validation_accuracy"][-1] - se["mean_validation_accuracy"][-1]
    assert abs(gap) < 0.01, f"the chosen rates end {gap:.1%} apart"
    print("the chapter's statements about this file hold")


if __name__ == "__main__":
    main()
