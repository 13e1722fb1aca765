"""Fashion-MNIST at full size: the search, the seeds and the references of the chapter.

Usage: .venv/bin/python benchmarks/14_fashion_mnist.py   (a quarter of an hour or more)

The chapter "Fashion-MNIST at full size" (``book/14_fashion_mnist.ipynb``) trains its
network once; this script does what takes too long for it, on the chapter's split
(10,000 of the 60,000 training images as validation data, stratified, seed 0) and with
its inputs (each pixel scaled to [0, 1], minus its mean over the training images,
divided by the standard deviation of all training pixels, as float32):

- the search: every setting of ``SEARCH`` trained from seed 0 on the 50,000 training
  images, its validation accuracy measured after each epoch; the choice is the setting
  with the highest validation accuracy after the last epoch (the test data is not used);
- the seeds: the chosen setting trained from seeds 0 to 4, exactly as the chapter trains
  it, and measured once on the 10,000 test images: accuracy, confusion matrix, and the
  test images that every one of the five networks gets wrong;
- the reference: scikit-learn's ``MLPClassifier(hidden_layer_sizes=(100,))`` (ReLU,
  Adam, its defaults otherwise, except ``early_stopping=True``: it keeps a tenth of its
  training images apart and stops once its accuracy on them has not improved for ten
  epochs; with its defaults it runs up to 200 epochs, several minutes per seed) on the
  same 50,000 training images, scaled to [0, 1] as float32, from seeds 0 to 4, measured
  on the test images;
- the time of one epoch of the chosen network against the number type and the batch
  size, on 10,000 of the training images, each the best of two epochs.

Everything runs on one thread of the BLAS library, as the book's tests run the chapter,
so that seed 0 here trains the very network that the chapter trains on the same machine.

The results go to ``benchmarks/results/14_fashion_mnist.json``, with the machine they
ran on, and a short summary to ``14_fashion_mnist.txt`` beside it.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.machine import provenance
from nnlib import NeuralNetwork, metrics
from nnlib.datasets import FASHION_MNIST_CLASSES, load_fashion_mnist

ROOT = Path(__file__).resolve().parent.parent
RESULT = ROOT / "benchmarks" / "results" / "14_fashion_mnist.json"
SUMMARY = RESULT.with_suffix(".txt")

HIDDEN = [256, 128]
RATE, FINAL_RATE = 1e-3, 1e-4  # Adam's learning rate, then for the last epochs
FINAL_EPOCHS = 2  # epochs at FINAL_RATE after the first phase
# Each setting: batch size, epochs at RATE, and the regulariser.
SEARCH = [
    {"batch_size": 128, "epochs": 5, "l2": 1e-4, "dropout": 0.0},
    {"batch_size": 128, "epochs": 5, "l2": 5e-4, "dropout": 0.0},
    {"batch_size": 128, "epochs": 5, "l2": 0.0, "dropout": 0.2},
    {"batch_size": 256, "epochs": 5, "l2": 1e-4, "dropout": 0.0},
    {"batch_size": 256, "epochs": 5, "l2": 0.0, "dropout": 0.2},
]
SEEDS = range(5)
TIMING_SAMPLES = 10_000
TIMING_BATCH_SIZES = (32, 128, 512)


def split_and_scale():
    """The chapter's split and inputs: (train, validation, test) inputs and labels."""
    data = load_fashion_mnist(flatten=True)
    train_images, validation_images, train_labels, validation_labels = train_test_split(
        data.train_images, data.train_labels, test_size=10_000,
        stratify=data.train_labels, random_state=0)  # fmt: skip
    scaled = [images.astype(np.float32) / np.float32(255)
              for images in (train_images, validation_images, data.test_images)]  # fmt: skip
    mean_image, spread = scaled[0].mean(axis=0), scaled[0].std()
    inputs = [(x - mean_image) / spread for x in scaled]
    labels = (train_labels, validation_labels, data.test_labels)
    return inputs, labels, scaled


def new_network(setting: dict, seed: int, dtype=np.float32) -> NeuralNetwork:
    return NeuralNetwork(
        network_structure=[784, *HIDDEN, 10], learning_rate=RATE, bias=True, seed=seed,
        activation="relu", loss="cross_entropy", weight_init="he", optimizer="adam",
        l2=setting["l2"], dropout=setting["dropout"], dtype=dtype)  # fmt: skip


def train(setting: dict, seed: int, inputs, targets, validation_data=None):
    """The chapter's training: ``epochs`` at RATE, then FINAL_EPOCHS at FINAL_RATE, the
    mini-batches shuffled by one generator of ``seed``; returns the network and the
    validation accuracy after each epoch (empty without validation data)."""
    network = new_network(setting, seed)
    shuffle = np.random.default_rng(seed)
    curve = []
    for rate, epochs in ((RATE, setting["epochs"]), (FINAL_RATE, FINAL_EPOCHS)):
        network.learning_rate = rate
        history = network.fit(inputs, targets, epochs=epochs,
                              batch_size=setting["batch_size"], seed=shuffle,
                              validation_data=validation_data)  # fmt: skip
        curve += history.validation_accuracy
    return network, curve


def epoch_seconds(setting, inputs, targets) -> dict:
    """Seconds of one epoch on TIMING_SAMPLES images, best of two, by type and batch size."""
    rows, target_rows = inputs[:TIMING_SAMPLES], targets[:TIMING_SAMPLES]
    table = {}
    with threadpool_limits(limits=1, user_api="blas"):
        for dtype in (np.float64, np.float32):
            name = np.dtype(dtype).name
            x, t = rows.astype(dtype), target_rows.astype(dtype)
            for batch_size in TIMING_BATCH_SIZES:
                network = new_network(setting, 0, dtype)
                best = np.inf
                for repeat in range(2):
                    start = time.perf_counter()
                    network.fit(x, t, epochs=1, batch_size=batch_size, seed=repeat)
                    best = min(best, time.perf_counter() - start)
                table[f"{name}, batch {batch_size}"] = best
    return table


def main() -> dict:
    started = time.perf_counter()
    (train_x, validation_x, test_x), (train_y, validation_y, test_y), scaled = split_and_scale()
    train_t = metrics.one_hot(train_y, n_classes=10).astype(np.float32)
    validation_t = metrics.one_hot(validation_y, n_classes=10).astype(np.float32)

    search = []
    for setting in SEARCH:
        start = time.perf_counter()
        _, curve = train(setting, 0, train_x, train_t, (validation_x, validation_t))
        search.append({"setting": setting, "validation_accuracy": curve,
                       "seconds": time.perf_counter() - start})  # fmt: skip
        print(setting, " ".join(f"{a:.4f}" for a in curve), flush=True)
    chosen = max(search, key=lambda run: run["validation_accuracy"][-1])["setting"]
    print("chosen", chosen, flush=True)

    accuracies, confusions, wrong = [], [], []
    for seed in SEEDS:
        start = time.perf_counter()
        network, _ = train(chosen, seed, train_x, train_t)
        seconds = time.perf_counter() - start
        predicted = network.predict(test_x)
        accuracies.append(metrics.accuracy(test_y, predicted))
        confusions.append(metrics.confusion_matrix(test_y, predicted, 10).tolist())
        wrong.append(predicted)
        print(f"seed {seed}: test accuracy {accuracies[-1]:.4f} ({seconds:.1f} s)", flush=True)
    answers = np.array(wrong)  # one row per seed
    always_wrong = np.flatnonzero(np.all(answers != test_y, axis=0))

    mlp = []
    for seed in SEEDS:
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            classifier = MLPClassifier(
                hidden_layer_sizes=(100,), early_stopping=True, random_state=seed
            )
            classifier.fit(scaled[0], train_y)
        mlp.append({"seed": seed, "test_accuracy": classifier.score(scaled[2], test_y),
                    "epochs": classifier.n_iter_,
                    "seconds": time.perf_counter() - start})  # fmt: skip
        print("MLPClassifier", mlp[-1], flush=True)

    timings = epoch_seconds(chosen, train_x, train_t)
    print(timings, flush=True)

    return {
        **provenance("14_fashion_mnist.py", started),
        "split": {
            "train": len(train_y),
            "validation": len(validation_y),
            "test": len(test_y),
            "random_state": 0,
        },
        "network": {
            "structure": [784, *HIDDEN, 10],
            "rate": RATE,
            "final_rate": FINAL_RATE,
            "final_epochs": FINAL_EPOCHS,
        },
        "search": search,
        "chosen": chosen,
        "seeds": {
            "seeds": list(SEEDS),
            "test_accuracy": accuracies,
            "confusion": confusions,
            "always_wrong": always_wrong.tolist(),
            "answers_always_wrong": answers[:, always_wrong].tolist(),
        },
        "mlp_classifier": mlp,
        "mlp_settings": {"hidden_layer_sizes": [100], "early_stopping": True},
        "epoch_seconds": {"samples": TIMING_SAMPLES, "threads": 1, "seconds": timings},
        "classes": list(FASHION_MNIST_CLASSES),
    }


def summary(results: dict) -> str:
    test = np.array(results["seeds"]["test_accuracy"])
    mlp = np.array([run["test_accuracy"] for run in results["mlp_classifier"]])
    lines = [
        f"Fashion-MNIST benchmark, {results['date']}, {results['machine']['cpu']}, "
        f"{results['machine']['cores']} cores; {results['command']}",
        f"chosen on validation data: {results['chosen']}",
        f"nnlib {results['network']['structure']}, {len(test)} seeds: test accuracy "
        f"{test.mean():.2%} ± {test.std(ddof=1):.2%}",
        f"MLPClassifier(100,), {len(mlp)} seeds: test accuracy "
        f"{mlp.mean():.2%} ± {mlp.std(ddof=1):.2%}",
        f"test images every seed gets wrong: {len(results['seeds']['always_wrong'])}",
        "seconds per epoch on "
        f"{results['epoch_seconds']['samples']} images (one thread): "
        + ", ".join(f"{k}: {v:.2f}" for k, v in results["epoch_seconds"]["seconds"].items()),
        f"the script took {results['seconds'] / 60:.1f} minutes",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with threadpool_limits(limits=1, user_api="blas"):  # as the book's tests run it
        outcome = main()
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(outcome, indent=1) + "\n")
    SUMMARY.write_text(summary(outcome))
    print(summary(outcome))
