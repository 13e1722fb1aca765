"""Benchmarks of nnlib against bare NumPy and scikit-learn, all measured in one run.

Usage: python benchmarks/run_benchmarks.py   (or `make bench`)

Every figure is the best of several repeats; ratios compare two figures of the same
run, on the same data and weights. The table is printed and written, with the growth
plot, to benchmarks/results/. Nothing here asserts a time: the figures are for reading.
"""

from __future__ import annotations

import platform
import sys
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: the benchmarks run without a screen
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_info

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import floors
from nnlib import NeuralNetwork, one_hot
from nnlib.datasets import load_fashion_mnist

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
REPEATS = 7
# For the ratios to the floors: their calls take micro- to milliseconds, where any pause
# of the machine shows, so more rounds give a steadier best.
FLOOR_REPEATS = 21
SEEDS = range(5)  # for the time to 97 % validation accuracy
MAX_EPOCHS = 300
TARGET = 0.97  # validation accuracy at which the time-to-accuracy runs stop
SGD_RATES = (0.01, 0.03, 0.1, 0.3)  # learning_rate_init tried for MLPClassifier `sgd`


def best_times(functions: dict, repeats: int = REPEATS, minimum: float = 0.02) -> dict:
    """Seconds per call of each function: the best of ``repeats`` rounds, each of as
    many calls as take at least ``minimum`` seconds. The rounds of the functions take
    turns, so that a machine that slows down or speeds up affects all of them alike."""

    def round_time(function, calls):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        return (time.perf_counter() - start) / calls

    calls = {}
    for name, function in functions.items():
        calls[name] = 1
        while round_time(function, calls[name]) * calls[name] < minimum:
            calls[name] *= 2
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(repeats):
        for name, function in functions.items():
            best[name] = min(best[name], round_time(function, calls[name]))
    return best


def network(n_in=64, n_hidden=100, n_out=10, seed=0) -> NeuralNetwork:
    return NeuralNetwork(n_in, n_out, n_hidden, 0.1, seed=seed, bias=True)


def sklearn_with_weights(net: NeuralNetwork, sample_rows: np.ndarray) -> MLPClassifier:
    """An MLPClassifier that computes exactly what ``net.run`` computes: logistic hidden
    and output layers with nnlib's weights and biases."""
    classifier = MLPClassifier(hidden_layer_sizes=(net.no_of_hidden_nodes,),
                               activation="logistic", max_iter=1)  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(sample_rows[: net.no_of_out_nodes], np.arange(net.no_of_out_nodes))
    classifier.coefs_ = [net.weights_in_hidden[:, :-1].T, net.weights_hidden_out[:, :-1].T]
    classifier.intercepts_ = [net.weights_in_hidden[:, -1], net.weights_hidden_out[:, -1]]
    classifier.out_activation_ = "logistic"  # not softmax: one sigmoid per output, as nnlib
    return classifier


def forward_pass(rows) -> list[tuple[str, float, str]]:
    net = network()
    w_ih, w_ho = net.weights_in_hidden, net.weights_hidden_out
    classifier = sklearn_with_weights(net, rows)
    reference = net.run(rows)
    same = {
        "floor": floors.forward(w_ih, w_ho, rows, True)[1],
        "per-sample loop": floors.per_sample_forward(w_ih, w_ho, rows, True),
        "scikit-learn": classifier.predict_proba(rows).T,
    }
    for name, output in same.items():
        assert np.allclose(output, reference), f"{name} computes something else"
    # nnlib and its floor take turns with each other only: in turns with the slower two,
    # `run` would always follow scikit-learn and the floor always `run`, each finding
    # the caches and the memory allocator as a different call left them.
    timings = best_times({
        "nnlib `run`": lambda: net.run(rows),
        "bare NumPy floor": lambda: floors.forward(w_ih, w_ho, rows, True),
    }, repeats=FLOOR_REPEATS)  # fmt: skip
    timings |= best_times({
        "per-sample loop (one `run` per sample)": (
            lambda: floors.per_sample_forward(w_ih, w_ho, rows, True)
        ),
        "scikit-learn `predict_proba`": lambda: classifier.predict_proba(rows),
    })  # fmt: skip
    floor = timings["bare NumPy floor"]
    return [(name, seconds, f"{seconds / floor:.3f}") for name, seconds in timings.items()]


def training_steps(rows, target_rows, batch_sizes=(1, 16, 64, 256)):
    table = []
    for batch_size in batch_sizes:
        batch, targets = rows[:batch_size], target_rows[:batch_size]
        net = network()
        w_ih, w_ho = net.weights_in_hidden.copy(), net.weights_hidden_out.copy()
        times = best_times({
            "library": lambda: net.train(batch, targets),  # noqa: B023
            "floor": lambda: floors.train_step(w_ih, w_ho, batch, targets, 0.1, True),  # noqa: B023
        }, repeats=FLOOR_REPEATS)  # fmt: skip
        library, floor = times["library"], times["floor"]
        table.append((batch_size, library, floor, library / floor))
    return table


FASHION_STRUCTURE = [784, 256, 128, 10]
FASHION_BATCH, FASHION_RATE = 128, 0.05


def fashion_epoch(repeats: int = 3) -> tuple[float, float, float]:
    """One training epoch on the 60,000 Fashion-MNIST training images, float32, by
    ``fit(epochs=1)`` and by the bare NumPy floor, from the same weights and order.
    Both are first checked to compute the same epoch, in float64 on the first 6,000
    images (in float32, rounding in another order drifts apart over hundreds of steps).
    Returns both times and the largest difference of a weight in that check."""
    data = load_fashion_mnist(flatten=True)
    labels = data.train_labels.astype(np.intp)

    def network_and_data(dtype, n_images):
        rows = data.train_images[:n_images].astype(dtype) / dtype(255)
        network = NeuralNetwork(
            network_structure=FASHION_STRUCTURE, learning_rate=FASHION_RATE, bias=True,
            seed=0, activation="relu", weight_init="he", loss="cross_entropy", dtype=dtype,
        )  # fmt: skip
        targets = one_hot(labels[:n_images], n_classes=10).astype(dtype)
        return network, [w.copy() for w in network.weights], rows, targets

    def epochs(dtype, n_images):
        network, weights, rows, targets = network_and_data(dtype, n_images)
        start = time.perf_counter()
        network.fit(rows, targets, epochs=1, batch_size=FASHION_BATCH, seed=0)
        library = time.perf_counter() - start
        start = time.perf_counter()
        floors.relu_softmax_epoch(
            weights, rows, labels[:n_images], FASHION_BATCH, FASHION_RATE, seed=0
        )
        floor = time.perf_counter() - start
        pairs = zip(network.weights, weights, strict=True)
        return library, floor, max(float(np.abs(a - b).max()) for a, b in pairs)

    difference = epochs(np.float64, 6_000)[2]
    if difference > 1e-9:
        raise AssertionError(f"nnlib and the floor disagree after an epoch: {difference:.2g}")
    # Turns taken, as in best_times, but one epoch takes seconds.
    timed = [epochs(np.float32, len(labels)) for _ in range(repeats)]
    return min(t[0] for t in timed), min(t[1] for t in timed), difference


def digits_split():
    """Training and validation data of the digits chapter's split (a fifth of the samples
    as test data, then a quarter of the rest as validation data, both stratified). The
    test data is not used here: the benchmarks choose and stop on validation data."""
    digits = load_digits()
    rest_inputs, _, rest_labels, _ = train_test_split(
        digits.data / 16, digits.target, test_size=0.2, stratify=digits.target, random_state=0
    )
    return train_test_split(
        rest_inputs, rest_labels, test_size=0.25, stratify=rest_labels, random_state=0
    )


def nnlib_epochs(split, seed):
    """Validation accuracy after each epoch of nnlib's network, the setting the digits
    chapter chooses: 100 hidden nodes, learning rate 2.0, batches of 16."""
    train_inputs, validation_inputs, train_labels, validation_labels = split
    train_targets = one_hot(train_labels)
    net = NeuralNetwork(64, 10, 100, 2.0, seed=seed, bias=True)
    shuffle = np.random.default_rng(seed)  # one stream, continued epoch after epoch
    while True:
        net.fit(train_inputs, train_targets, epochs=1, batch_size=16, seed=shuffle)
        yield np.mean(net.predict(validation_inputs) == validation_labels)


def sklearn_epochs(split, seed, **settings):
    """Validation accuracy after each epoch of MLPClassifier (100 hidden nodes)."""
    train_inputs, validation_inputs, train_labels, validation_labels = split
    classifier = MLPClassifier(hidden_layer_sizes=(100,), random_state=seed, **settings)
    classes = np.arange(10)
    while True:
        classifier.partial_fit(train_inputs, train_labels, classes=classes)
        yield classifier.score(validation_inputs, validation_labels)


def time_to_target(epochs):
    """Training seconds (evaluation not counted) and epochs until the validation accuracy
    first reaches TARGET; None if it does not within MAX_EPOCHS."""
    training = 0.0
    for epoch in range(1, MAX_EPOCHS + 1):
        start = time.perf_counter()
        accuracy = next(epochs)  # one epoch, then the validation accuracy
        training += time.perf_counter() - start
        if accuracy >= TARGET:
            return training, epoch
    return None


def tuned_sgd_rate(split) -> tuple[float, dict]:
    """The learning_rate_init of MLPClassifier `sgd` (sklearn's default momentum) that
    reaches TARGET validation accuracy in the fewest epochs from seed 0, and the epochs
    of each rate tried (None: not within MAX_EPOCHS)."""
    epochs = {}
    for rate in SGD_RATES:
        reached = time_to_target(sklearn_epochs(split, 0, solver="sgd", learning_rate_init=rate))
        epochs[rate] = None if reached is None else reached[1]
    reaching = [rate for rate in SGD_RATES if epochs[rate] is not None]
    best = min(reaching, key=lambda rate: epochs[rate]) if reaching else max(SGD_RATES)
    return best, epochs


def time_to_accuracy(split, sgd_rate):
    """Training seconds and epochs until TARGET validation accuracy, for each model and
    seed; None where it is not reached."""
    models = {
        "nnlib (SGD, batch 16, rate 2.0)": lambda seed: nnlib_epochs(split, seed),
        "MLPClassifier `adam` (default)": lambda seed: sklearn_epochs(split, seed),
        f"MLPClassifier `sgd` (rate {sgd_rate}, momentum 0.9)": lambda seed: sklearn_epochs(
            split, seed, solver="sgd", learning_rate_init=sgd_rate
        ),
    }
    return {
        name: [time_to_target(epochs_of(seed)) for seed in SEEDS]
        for name, epochs_of in models.items()
    }


def growth(rows, target_rows):
    """Seconds per sample of `run` and `train` against batch size and hidden size."""
    by_batch, by_hidden = {}, {}
    for batch_size in (1, 4, 16, 64, 256, 1024, 4096):
        net = network()
        batch, targets = rows[:batch_size], target_rows[:batch_size]
        times = best_times({
            "run": lambda: net.run(batch),  # noqa: B023
            "train": lambda: net.train(batch, targets),  # noqa: B023
        }, repeats=3)  # fmt: skip
        by_batch[batch_size] = (times["run"] / batch_size, times["train"] / batch_size)
    batch, targets = rows[:256], target_rows[:256]
    for hidden in (10, 30, 100, 300, 1000):
        net = network(n_hidden=hidden)
        times = best_times({
            "run": lambda: net.run(batch),  # noqa: B023
            "train": lambda: net.train(batch, targets),  # noqa: B023
        }, repeats=3)  # fmt: skip
        by_hidden[hidden] = (times["run"] / 256, times["train"] / 256)
    return by_batch, by_hidden


def plot_growth(by_batch, by_hidden, path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
    for ax, data, label in ((left, by_batch, "batch size (hidden size 100)"),
                            (right, by_hidden, "hidden size (batch size 256)")):  # fmt: skip
        sizes = list(data)
        ax.loglog(sizes, [1e6 * data[s][0] for s in sizes], "o-", label="run")
        ax.loglog(sizes, [1e6 * data[s][1] for s in sizes], "s-", label="train (one step)")
        ax.set_xlabel(label)
        ax.grid(True, which="major", alpha=0.4)
    left.set_ylabel("microseconds per sample")
    left.legend()
    fig.suptitle("nnlib, 64 inputs and 10 outputs with bias: time per sample")
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)


def machine() -> str:
    blas = ", ".join(
        f"{info['internal_api']} {info.get('version') or ''} ({info['num_threads']} threads)"
        for info in threadpool_info()
        if info["user_api"] == "blas"
    )
    return (
        f"Python {platform.python_version()}, NumPy {np.__version__}, BLAS: {blas}, "
        f"{platform.machine()}"
    )


def seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.2f} ms"
    return f"{value * 1e6:.1f} µs"


def report() -> str:
    rng = np.random.default_rng(0)
    rows = rng.uniform(size=(20_000, 64))
    target_rows = one_hot(rng.integers(0, 10, size=20_000), n_classes=10)
    lines = ["# nnlib benchmarks", "", machine(), ""]

    in_turns = f"Best of {FLOOR_REPEATS} rounds, in which nnlib and the floor take turns."
    slower = f"The two slower ones: best of {REPEATS} rounds, taking turns with each other."
    lines += ["## Forward pass: 20,000 samples, 64 → 100 → 10 with bias", "", in_turns,
              slower, "",
              "| implementation | time | ratio to the floor |",
              "| --- | ---: | ---: |"]  # fmt: skip
    lines += [f"| {name} | {seconds(s)} | {ratio} |" for name, s, ratio in forward_pass(rows)]

    lines += ["", "## One training step, 64 → 100 → 10 with bias", "", in_turns, "",
              "| batch size | nnlib `train` | bare NumPy step | ratio |",
              "| ---: | ---: | ---: | ---: |"]  # fmt: skip
    lines += [
        f"| {size} | {seconds(library)} | {seconds(floor)} | {ratio:.3f} |"
        for size, library, floor, ratio in training_steps(rows, target_rows)
    ]

    split = digits_split()
    sgd_rate, sgd_search = tuned_sgd_rate(split)
    target = f"{TARGET:.0%}".replace("%", " %")
    lines += ["", f"## Time to {target} validation accuracy on the digits", "",
              "The training and validation data of the digits chapter's split "
              f"({len(split[2])} and {len(split[3])} samples; its test data is not used). "
              f"Training time only, seeds {SEEDS.start} to {SEEDS.stop - 1}; median over "
              f"the seeds that reach {target} within {MAX_EPOCHS} epochs.", "",
              "The learning rate of MLPClassifier `sgd` is chosen on the validation data "
              "(seed 0): the `learning_rate_init` that reaches the target in the fewest "
              "epochs, with scikit-learn's default momentum (0.9, Nesterov). Epochs to "
              "the target: "
              + ", ".join(f"{rate}: {epochs or 'not reached'}"
                          for rate, epochs in sgd_search.items()) + ".", "",
              f"| model | median time | median epochs | seeds that reach {target} |",
              "| --- | ---: | ---: | ---: |"]  # fmt: skip
    for name, runs in time_to_accuracy(split, sgd_rate).items():
        reached = [run for run in runs if run is not None]
        if reached:
            median_time = seconds(float(np.median([t for t, _ in reached])))
            median_epochs = f"{np.median([e for _, e in reached]):.0f}"
        else:
            median_time = median_epochs = "not reached"
        lines.append(
            f"| {name} | {median_time} | {median_epochs} | {len(reached)} of {len(runs)} |"
        )

    library, floor, difference = fashion_epoch()
    structure = " → ".join(map(str, FASHION_STRUCTURE))
    lines += ["", f"## One training epoch on Fashion-MNIST: {structure}, float32", "",
              "The 60,000 training images as 784 values in [0, 1]; ReLU hidden layers "
              "with bias and He's initial weights, softmax outputs under cross-entropy, "
              f"plain gradient descent at rate {FASHION_RATE}, batches of {FASHION_BATCH} "
              "in the same shuffled order, then the loss and accuracy on all the images, "
              "as `fit` measures them after each epoch. Checked first to compute the same "
              "epoch in float64 on the first 6,000 images (largest difference of a weight "
              f"{difference:.1g}). Best of three.", "",
              "| nnlib `fit(epochs=1)` | bare NumPy epoch | ratio |",
              "| ---: | ---: | ---: |",
              f"| {seconds(library)} | {seconds(floor)} | {library / floor:.3f} |"]  # fmt: skip

    by_batch, by_hidden = growth(rows, target_rows)
    RESULTS.mkdir(parents=True, exist_ok=True)
    plot_growth(by_batch, by_hidden, RESULTS / "growth.png")
    lines += ["", "## Time per sample (plot: `growth.png`)", "",
              "| batch size | `run` per sample | `train` per sample |",
              "| ---: | ---: | ---: |"]  # fmt: skip
    lines += [f"| {b} | {seconds(r)} | {seconds(t)} |" for b, (r, t) in by_batch.items()]
    lines += ["", "| hidden size (batch 256) | `run` per sample | `train` per sample |",
              "| ---: | ---: | ---: |"]  # fmt: skip
    lines += [f"| {h} | {seconds(r)} | {seconds(t)} |" for h, (r, t) in by_hidden.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    text = report()
    (RESULTS / "results.md").write_text(text)
    print(text)
    print(f"written to {(RESULTS / 'results.md').relative_to(ROOT)} and growth.png beside it")
