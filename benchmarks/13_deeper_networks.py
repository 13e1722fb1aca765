"""Learning rates for a deeper network, chosen on the validation data of the digits.

Usage: .venv/bin/python benchmarks/13_deeper_networks.py   (a few minutes)

The chapter "Deeper networks" (``book/13_deeper_networks.ipynb``) trains the network
``[64, 32, 32, 32, 10]`` (bias, softmax outputs with cross-entropy) for 15 epochs in
batches of 32, on the training data of the digits chapter's split (1,077 training and
360 validation samples; the 360 test samples are not used here). This script makes the
searches that are too long for the chapter, each setting trained from the 10 seeds 0,
..., 9 (the seed of the weights and of ``fit``'s shuffling):

- optimisers: ReLU hidden layers with He's initial weights, trained with plain SGD (six
  learning rates), with momentum (β = 0.9) and with Adam (its usual settings), five
  learning rates each;
- activations and initial weights: plain SGD at SGD's six learning rates, for sigmoid
  hidden layers with the book's truncated normal weights and with Glorot's, and ReLU
  with the book's weights and with He's (the same runs as SGD's above).

For each, the learning rate chosen is the one with the highest validation accuracy
after the last epoch, averaged over the 10 seeds (a tie goes to the lower mean
validation loss). The validation accuracy and loss after every epoch of every run go
to ``benchmarks/results/13_deeper_networks.json``, with the choices and the machine.
At the end the script checks what the chapter says of these results (the chapter copies
the chosen rates and some means); ``--check`` checks the stored file alone.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.machine import provenance
from nnlib import NeuralNetwork

ROOT = Path(__file__).resolve().parent.parent
RESULT = ROOT / "benchmarks" / "results" / "13_deeper_networks.json"
STRUCTURE = [64, 32, 32, 32, 10]
EPOCHS = 15
BATCH_SIZE = 32
SEEDS = range(10)
OPTIMISER_RATES = {
    "sgd": (0.03, 0.1, 0.3, 1.0, 3.0, 10.0),
    "momentum": (0.003, 0.01, 0.03, 0.1, 0.3),
    "adam": (0.0003, 0.001, 0.003, 0.01, 0.03),
}
ACTIVATION_RATES = OPTIMISER_RATES["sgd"]
STARTS = (
    ("sigmoid", "truncated_normal"),
    ("sigmoid", "glorot"),
    ("relu", "truncated_normal"),
    ("relu", "he"),
)

digits = load_digits()
rest_images, _test_images, rest_labels, _test_labels = train_test_split(
    digits.data, digits.target, test_size=0.2, stratify=digits.target, random_state=0
)
train_images, validation_images, train_labels, validation_labels = train_test_split(
    rest_images, rest_labels, test_size=0.25, stratify=rest_labels, random_state=0
)
train_inputs, validation_inputs = train_images / 16, validation_images / 16
train_targets = np.eye(10)[train_labels]
validation_targets = np.eye(10)[validation_labels]


def curves(activation, weight_init, optimizer, rate):
    """Validation accuracy and loss after each epoch, one row per seed."""
    accuracy, loss = [], []
    for seed in SEEDS:
        network = NeuralNetwork(network_structure=STRUCTURE, learning_rate=rate, bias=True,
                                seed=seed, activation=activation, loss="cross_entropy",
                                weight_init=weight_init, optimizer=optimizer)  # fmt: skip
        history = network.fit(train_inputs, train_targets, epochs=EPOCHS,
                              batch_size=BATCH_SIZE, seed=seed,
                              validation_data=(validation_inputs, validation_targets))  # fmt: skip
        accuracy.append([round(value, 6) for value in history.validation_accuracy])
        # A run that diverges has a loss of nan or inf: JSON has no such numbers.
        loss.append([round(value, 6) if np.isfinite(value) else None
                     for value in history.validation_error])  # fmt: skip
    return {"rate": rate, "validation_accuracy": accuracy, "validation_loss": loss}


def chosen_rate(runs):
    """The rate with the highest mean final validation accuracy, then lowest mean loss."""

    def merit(run):
        final_loss = [row[-1] if row[-1] is not None else np.inf for row in run["validation_loss"]]
        return (np.mean([row[-1] for row in run["validation_accuracy"]]), -np.mean(final_loss))

    return max(runs, key=merit)["rate"]


def final_mean(runs, rate, epoch=-1):
    (run,) = [run for run in runs if run["rate"] == rate]
    return float(np.mean([row[epoch] for row in run["validation_accuracy"]]))


def chapter_problems(result) -> list[str]:
    """What the chapter says of these results and no longer holds (empty if all holds)."""
    chosen = {name: entry["chosen_rate"] for name, entry in result["optimisers"].items()}
    starts = result["activations"]

    def after(name, epoch=-1):
        return final_mean(starts[name]["runs"], starts[name]["chosen_rate"], epoch)

    sayings = {
        "the chosen rates are 0.3, 0.03 and 0.003": chosen
        == {"sgd": 0.3, "momentum": 0.03, "adam": 0.003},
        "SGD at 1 and momentum at 0.3 fall to about 10 %": max(
            final_mean(result["optimisers"]["sgd"]["runs"], 1.0),
            final_mean(result["optimisers"]["momentum"]["runs"], 0.3),
        )
        < 0.15,
        "the chosen SGD rates are 3, 1, 0.3 and 0.3": [s["chosen_rate"] for s in starts.values()]
        == [3.0, 1.0, 0.3, 0.3],
        "sigmoids are near 10 % after 5 epochs": max(
            after(name, 4) for name in starts if name.startswith("sigmoid")
        )
        < 0.15,
        "ReLU is over 70 % after 5 epochs": min(
            after(name, 4) for name in starts if name.startswith("relu")
        )
        > 0.7,
        "sigmoid with the book's weights reads about a third": 0.25
        < after("sigmoid, truncated_normal")
        < 0.45,
        "sigmoid with Glorot's weights about three quarters": 0.68 < after("sigmoid, glorot") < 0.8,
        "ReLU with He's weights about 96 %": 0.955 < after("relu, he") < 0.97,
    }
    return [saying for saying, holds in sayings.items() if not holds]


def main() -> None:
    if "--check" in sys.argv[1:]:
        problems = chapter_problems(json.loads(RESULT.read_text()))
        print("\n".join(f"no longer holds: {p}" for p in problems) or "the chapter holds")
        sys.exit(1 if problems else 0)
    start = time.perf_counter()
    optimisers = {}
    for optimizer, rates in OPTIMISER_RATES.items():
        runs = [curves("relu", "he", optimizer, rate) for rate in rates]
        optimisers[optimizer] = {"chosen_rate": chosen_rate(runs), "runs": runs}
        print(optimizer, "chosen rate", optimisers[optimizer]["chosen_rate"], flush=True)
    starts = {}
    for activation, weight_init in STARTS:
        if (activation, weight_init) == ("relu", "he"):
            runs = optimisers["sgd"]["runs"]  # the same runs: ACTIVATION_RATES are SGD's
        else:
            runs = [curves(activation, weight_init, "sgd", rate) for rate in ACTIVATION_RATES]
        name = f"{activation}, {weight_init}"
        starts[name] = {"chosen_rate": chosen_rate(runs), "runs": runs}
        print(name, "chosen rate", starts[name]["chosen_rate"], flush=True)
    result = {
        **provenance("13_deeper_networks.py", start),
        "settings": {
            "network_structure": STRUCTURE,
            "epochs": EPOCHS,
            "batch_size": BATCH_SIZE,
            "seeds": list(SEEDS),
            "dtype": "float64",
            "loss": "cross_entropy",
            "momentum_beta": 0.9,
            "adam": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
        },
        "optimisers": optimisers,
        "activations": starts,
    }
    RESULT.write_text(json.dumps(result, indent=1) + "\n")
    print(f"written to {RESULT.relative_to(ROOT)} in {result['seconds']} s")
    for problem in chapter_problems(result):
        print(f"the chapter says something that no longer holds: {problem}")


if __name__ == "__main__":
    main()
