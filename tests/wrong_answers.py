"""Answers that learners write to every exercise: typical wrong ones, each with a piece
of the one-line verdict its check must print, and correct ones written differently
from the solution, which the check must pass.

`make test` tries each of them in the chapter, in the students' environment, after the
empty answer and before the solution (tools/trials.py).
"""

# Shared pieces of the answers of chapter 12.
_SHIFT_BY_PADDING = """
def shift(inputs, down, right):
    padded = np.pad(inputs.reshape(-1, 8, 8), ((0, 0), (8, 8), (8, 8)))
    return padded[:, 8 - down:16 - down, 8 - right:16 - right].reshape(-1, 64)
"""
_DIAGONALS = """
diagonal_inputs = np.vstack([train_inputs] + [shift(train_inputs, d, r)
                            for d, r in [(-1, -1), (-1, 1), (1, -1), (1, 1)]])
"""


def _depth_ratios(
    *,
    weight_init=", weight_init='glorot'",
    data="train_inputs, train_targets",
    ratio="np.linalg.norm(g[0]) / np.linalg.norm(g[-1])",
    deepest,
):
    """An answer to chapter 13's exercise on depth, with one part written differently."""
    return (
        "ratios = []\n"
        "for k in range(1, 7):\n"
        "    values = []\n"
        "    for seed in range(5):\n"
        "        net = NeuralNetwork(network_structure=[64] + [32] * k + [10],\n"
        "                            learning_rate=1.0, bias=True, seed=seed,\n"
        f"                            loss='cross_entropy'{weight_init})\n"
        f"        g = net.gradients({data})\n"
        f"        values.append({ratio})\n"
        "    ratios.append(np.median(values))\n"
        "depth_ratios = np.array(ratios)\n"
        f"deepest = {deepest}"
    )


_STRATIFIED_FOLDS = (
    "StratifiedKFold(n_splits=4, shuffle=True, random_state=1).split(rest_inputs, rest_labels)"
)


def _cross_validation(
    folds,
    *,
    preamble="",
    accuracies="np.array(fold_accuracies)",
    spread="fold_accuracies.std(ddof=1)",
):
    """An answer to chapter 11's exercise on cross-validation, with its folds, the
    scale of its accuracies or their spread written differently."""
    return (
        f"{preamble}cv_folds = {folds}\n"
        "fold_accuracies = []\n"
        "for t, v in cv_folds:\n"
        "    net = new_network(16, 1.0, seed=0)\n"
        "    net.fit(rest_inputs[t], rest_targets[t], epochs=10, batch_size=32, seed=0)\n"
        "    fold_accuracies.append(metrics.accuracy(rest_labels[v],\n"
        "                                            net.predict(rest_inputs[v])))\n"
        f"fold_accuracies = {accuracies}\n"
        f"cv_mean, cv_sd = fold_accuracies.mean(), {spread}"
    )


_SUBSET_FIT = (
    "small.fit(train_inputs[:5000], train_targets[:5000], epochs=3, batch_size=100, seed=0)"
)


def _subset_accuracies(
    *,
    fit=_SUBSET_FIT,
    accuracy="metrics.accuracy(validation_labels, small.predict(validation_inputs))",
    better="max",
):
    """An answer to chapter 14's exercise on a subset, with one part written differently."""
    return (
        "subset_accuracy = {}\n"
        "for l2 in (0.0, 0.01):\n"
        "    small = NeuralNetwork(network_structure=[784, 64, 10], learning_rate=1e-3,\n"
        "                          bias=True, seed=0, activation='relu',\n"
        "                          loss='cross_entropy', weight_init='he',\n"
        "                          optimizer='adam', l2=l2)\n"
        f"    {fit}\n"
        f"    subset_accuracy[l2] = {accuracy}\n"
        f"better_l2 = {better}(subset_accuracy, key=subset_accuracy.get)"
    )


ANSWERS = {
    # Chapter 1.
    "ex-weights-by-hand": {
        "wrong": [
            # Rows and columns swapped.
            (
                "layer_nodes, layer_inputs = 3, 2\nlayer_output = np.array([[-2.0], [1.0]])",
                "`layer_nodes` is not right, got 3: a layer has one node per row of W",
            ),
            # x as a flat array: the product is flat too.
            (
                "W = np.array([[1, -1, 0], [0.5, 0.5, 2]])\n"
                "layer_nodes, layer_inputs = W.shape\n"
                "layer_output = W @ np.array([2, 4, -1])",
                "`layer_output` should be a column of shape (2, 1), got an array of shape (2,)",
            ),
            # Element by element instead of the matrix product.
            (
                "W = np.array([[1, -1, 0], [0.5, 0.5, 2]])\n"
                "layer_nodes, layer_inputs = W.shape\n"
                "layer_output = W * np.array([2, 4, -1])",
                "`layer_output` should be an array of shape (2, 1), got shape (2, 3)",
            ),
            # The sign of the last input lost when done by hand.
            (
                "layer_nodes, layer_inputs = 2, 3\nlayer_output = np.array([[-2.0], [5.0]])",
                "`layer_output` is not right, got [[-2.], [ 5.]]",
            ),
        ],
        "right": [
            "layer_nodes = 2\nlayer_inputs = 3\n"
            "layer_output = np.array([[1 * 2 - 1 * 4 + 0 * -1],\n"
            "                         [0.5 * 2 + 0.5 * 4 + 2 * -1]])",
        ],
    },
    "ex-weights-bound": {
        "wrong": [
            # Nodes and inputs swapped.
            (
                "W_25 = initial_weights(25, 10, seed=7)\nlargest_weight = W_25.max()",
                "`W_25` should be an array of shape (10, 25), got shape (25, 10)",
            ),
            # No seed: other weights on every run.
            (
                "W_25 = initial_weights(10, 25)\nlargest_weight = np.abs(W_25).max()",
                "`W_25` holds other weights than `initial_weights(10, 25, seed=7)` draws",
            ),
            # The largest weight, not the largest absolute weight.
            (
                "W_25 = initial_weights(10, 25, seed=7)\nlargest_weight = W_25.max()",
                "`largest_weight` is not right, got 0.19",
            ),
            # The bound itself, not measured.
            (
                "W_25 = initial_weights(10, 25, seed=7)\nlargest_weight = 1 / np.sqrt(25)",
                "`largest_weight` is not right, got 0.2: it should be the largest absolute",
            ),
        ],
        "right": [
            "W_25 = initial_weights(no_of_out_nodes=10, no_of_in_nodes=25,\n"
            "                       seed=np.random.default_rng(7))\n"
            "largest_weight = max(-W_25.min(), W_25.max())",
        ],
    },
    "ex-weights-mass": {
        "wrong": [
            # Only one tail of the distribution cut off.
            (
                "bounds = 1 / np.sqrt([1, 4, 100])\n"
                "inside_probability = stats.norm.cdf(bounds)\n"
                "inside_fraction = np.zeros(3)",
                "`inside_probability` is not right, got [0.8413, 0.6915, 0.5398]",
            ),
            # Drawn with NumPy's old global generator.
            (
                "bounds = 1 / np.sqrt([1, 4, 100])\n"
                "inside_probability = stats.norm.cdf(bounds) - stats.norm.cdf(-bounds)\n"
                "np.random.seed(3)\n"
                "old_draws = np.random.randn(100_000)\n"
                "inside_fraction = np.array([np.mean(np.abs(old_draws) <= b) "
                "for b in bounds])",
                "comes from np.random.seed(3), NumPy's old generator",
            ),
            # The probabilities copied, nothing drawn.
            (
                "bounds = 1 / np.sqrt([1, 4, 100])\n"
                "inside_probability = stats.norm.cdf(bounds) - stats.norm.cdf(-bounds)\n"
                "inside_fraction = inside_probability.copy()",
                "`inside_fraction` holds the probabilities themselves",
            ),
            # 10,000 draws instead of 100,000.
            (
                "bounds = 1 / np.sqrt([1, 4, 100])\n"
                "inside_probability = stats.norm.cdf(bounds) - stats.norm.cdf(-bounds)\n"
                "few = np.random.default_rng(seed=3).standard_normal(10_000)\n"
                "inside_fraction = np.array([np.mean(np.abs(few) <= b) for b in bounds])",
                "`inside_fraction` is not right, got",
            ),
        ],
        "right": [
            "n_in = np.array([1.0, 4.0, 100.0])\n"
            "inside_probability = 2 * stats.norm.cdf(n_in ** -0.5) - 1\n"
            "values = np.random.default_rng(3).standard_normal(100_000)\n"
            "inside_fraction = (np.abs(values)[:, None] <= n_in ** -0.5).mean(axis=0)",
        ],
    },
    # Chapter 2.
    "ex-activations-tanh": {
        "wrong": [
            # The argument not doubled.
            (
                "def tanh_from_sigmoid(x):\n    return 2 * expit(x) - 1",
                "`tanh_from_sigmoid(-3.0)` should be -0.995055, got -0.905148",
            ),
            # np.tanh itself, not the formula asked for.
            (
                "def tanh_from_sigmoid(x):\n    return np.tanh(x)",
                "`tanh_from_sigmoid` does not call `expit`",
            ),
            # + 1 instead of - 1.
            (
                "def tanh_from_sigmoid(x):\n    return 2 * expit(2 * x) + 1",
                "`tanh_from_sigmoid(-3.0)` should be -0.995055, got 1.00",
            ),
            # An `if` on the value, which fails for arrays.
            (
                "def tanh_from_sigmoid(x):\n"
                "    if x < 0:\n"
                "        return -(2 * expit(-2 * x) - 1)\n"
                "    return 2 * expit(2 * x) - 1",
                "Your code raised ValueError during the check: The truth value",
            ),
        ],
        "right": [
            "def tanh_from_sigmoid(x):\n"
            "    doubled = np.multiply(2, x)\n"
            "    return expit(doubled) - expit(-doubled)",
        ],
    },
    "ex-activations-leaky": {
        "wrong": [
            # Plain ReLU: the example hint of the course's own description.
            (
                "def leaky_relu(x, alpha=0.01):\n    return np.maximum(x, 0)\n\n\n"
                "def leaky_relu_derivative(x, alpha=0.01):\n    return (x > 0) * 1.0",
                "`leaky_relu(-2.0)` should be negative, got 0.0",
            ),
            # alpha fixed at 0.01, whatever is passed.
            (
                "def leaky_relu(x, alpha=0.01):\n"
                "    return np.where(np.asarray(x) > 0, x, 0.01 * np.asarray(x))\n\n\n"
                "def leaky_relu_derivative(x, alpha=0.01):\n"
                "    return np.where(np.asarray(x) > 0, 1.0, alpha)",
                "`leaky_relu(-2.0, alpha=0.1)` is not right, got -0.02: use the argument",
            ),
            # The derivative of the plain ReLU.
            (
                "def leaky_relu(x, alpha=0.01):\n"
                "    return np.where(np.asarray(x) > 0, x, alpha * np.asarray(x))\n\n\n"
                "def leaky_relu_derivative(x, alpha=0.01):\n"
                "    return np.where(np.asarray(x) > 0, 1.0, 0.0)",
                "`leaky_relu_derivative(np.array([-2.0, 2.0]))` should be [0.01, 1.0], "
                "got [0., 1.]",
            ),
            # An `if` on the value, which fails for arrays.
            (
                "def leaky_relu(x, alpha=0.01):\n"
                "    if x > 0:\n        return x\n    return alpha * x\n\n\n"
                "def leaky_relu_derivative(x, alpha=0.01):\n"
                "    if x > 0:\n        return 1.0\n    return alpha",
                "Your code raised ValueError during the check: The truth value",
            ),
        ],
        "right": [
            "def leaky_relu(x, alpha=0.01):\n"
            "    return np.maximum(x, np.multiply(alpha, x))  # alpha < 1\n\n\n"
            "def leaky_relu_derivative(x, alpha=0.01):\n"
            "    positive = np.greater(x, 0)\n"
            "    return positive + (1 - positive) * alpha",
        ],
    },
    "ex-activations-stable": {
        "wrong": [
            # The plain formula, which overflows.
            (
                "def stable_sigmoid(x):\n    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))",
                "`stable_sigmoid(-1e+06)` should give no warning, but warns: overflow "
                "encountered in exp",
            ),
            # SciPy after all.
            (
                "def stable_sigmoid(x):\n    return expit(x)",
                "`stable_sigmoid` should compute the sigmoid itself, without SciPy",
            ),
            # Both forms computed everywhere and only then chosen with np.where.
            (
                "def stable_sigmoid(x):\n"
                "    x = np.asarray(x, dtype=float)\n"
                "    return np.where(x >= 0, 1 / (1 + np.exp(-x)), "
                "np.exp(x) / (1 + np.exp(x)))",
                "should give no warning, but warns: overflow encountered in exp",
            ),
            # The input clipped: no warning, but wrong far out.
            (
                "def stable_sigmoid(x):\n    return 1 / (1 + np.exp(-np.clip(x, -500, 500)))",
                "`stable_sigmoid(-1e+06)` should be 0.0, got 7.12458e-218",
            ),
        ],
        "right": [
            "def stable_sigmoid(x):\n"
            "    x = np.asarray(x, dtype=float)\n"
            "    small = np.exp(-np.abs(x))  # never above 1\n"
            "    return np.where(x >= 0, 1 / (1 + small), small / (1 + small))",
        ],
    },
    # Chapter 3.
    "ex-class-digits": {
        "wrong": [
            # Hidden and output sizes swapped.
            (
                "digits_network = LibraryNetwork(784, 100, 10, 0.1, seed=1)\n"
                "digits_weight_count = 79_400",
                "`digits_network` has 10 hidden nodes and 100 outputs: the order is",
            ),
            # Another seed.
            (
                "digits_network = LibraryNetwork(784, 10, 100, 0.1, seed=0)\n"
                "digits_weight_count = 79_400",
                "`digits_network` has other weights than a network created with seed 1",
            ),
            # Only the first matrix counted.
            (
                "digits_network = LibraryNetwork(784, 10, 100, 0.1, seed=1)\n"
                "digits_weight_count = digits_network.weights_in_hidden.size",
                "`digits_weight_count` is not right, got 78400: count the entries",
            ),
            # Another learning rate.
            (
                "digits_network = LibraryNetwork(784, 10, 100, 0.01, seed=1)\n"
                "digits_weight_count = 79_400",
                "`digits_network.learning_rate` should be 0.1, got 0.01",
            ),
        ],
        "right": [
            "digits_network = LibraryNetwork(784, 10, 100, learning_rate=0.1, seed=1)\n"
            "digits_weight_count = sum(matrix.size for matrix in digits_network.weights)",
        ],
    },
    "ex-class-bounds": {
        "wrong": [
            # The two bounds swapped.
            (
                "network_9_16_2 = LibraryNetwork(9, 2, 16, 0.1, seed=5)\n"
                "bound_in_hidden, bound_hidden_out = 1 / np.sqrt(16), 1 / np.sqrt(9)",
                "`bound_in_hidden` is not right, got 0.25",
            ),
            # Hidden and output sizes swapped.
            (
                "network_9_16_2 = LibraryNetwork(9, 16, 2, 0.1, seed=5)\n"
                "bound_in_hidden, bound_hidden_out = 1 / 3, 1 / 4",
                "`network_9_16_2.weights_in_hidden` should be an array of shape (16, 9), "
                "got shape (2, 9)",
            ),
            # No seed.
            (
                "network_9_16_2 = LibraryNetwork(9, 2, 16, 0.1)\n"
                "bound_in_hidden, bound_hidden_out = 1 / 3, 1 / 4",
                "has other weights than a network created with seed 5",
            ),
            # The square root forgotten.
            (
                "network_9_16_2 = LibraryNetwork(9, 2, 16, 0.1, seed=5)\n"
                "bound_in_hidden, bound_hidden_out = 1 / 9, 1 / 16",
                "`bound_in_hidden` is not right, got 0.111111: each hidden node",
            ),
        ],
        "right": [
            "network_9_16_2 = LibraryNetwork(no_of_in_nodes=9, no_of_hidden_nodes=16,\n"
            "                                no_of_out_nodes=2, learning_rate=0.5, seed=5)\n"
            "bound_in_hidden = network_9_16_2.no_of_in_nodes ** -0.5\n"
            "bound_hidden_out = 0.25",
        ],
    },
    "ex-class-layers": {
        "wrong": [
            # Each matrix drawn as (inputs, nodes).
            (
                "from nnlib.weights import initial_weights\n\n\nclass DeepNetwork:\n"
                "    def __init__(self, layer_sizes, learning_rate, *, seed=None):\n"
                "        self.rng = np.random.default_rng(seed)\n"
                "        self.layer_sizes = layer_sizes\n"
                "        self.create_weight_matrices()\n\n"
                "    def create_weight_matrices(self):\n"
                "        pairs = zip(self.layer_sizes[:-1], self.layer_sizes[1:])\n"
                "        self.weights = [initial_weights(n_in, n_out, self.rng)\n"
                "                        for n_in, n_out in pairs]",
                "should have the shapes [(5, 3), (4, 5), (2, 4)] (nodes, inputs), "
                "got [(3, 5), (5, 4), (4, 2)]",
            ),
            # A new generator of the same seed for every matrix.
            (
                "from nnlib.weights import initial_weights\n\n\nclass DeepNetwork:\n"
                "    def __init__(self, layer_sizes, learning_rate, *, seed=None):\n"
                "        self.seed = seed\n"
                "        self.layer_sizes = layer_sizes\n"
                "        self.create_weight_matrices()\n\n"
                "    def create_weight_matrices(self):\n"
                "        pairs = zip(self.layer_sizes[:-1], self.layer_sizes[1:])\n"
                "        self.weights = [initial_weights(n_out, n_in, self.seed)\n"
                "                        for n_in, n_out in pairs]",
                "should draw the same weights as nnlib.NeuralNetwork(3, 2, 4, 0.1, "
                "seed=42): one generator, drawn in order",
            ),
            # The last pair of layers left out.
            (
                "from nnlib.weights import initial_weights\n\n\nclass DeepNetwork:\n"
                "    def __init__(self, layer_sizes, learning_rate, *, seed=None):\n"
                "        self.rng = np.random.default_rng(seed)\n"
                "        self.layer_sizes = layer_sizes\n"
                "        self.create_weight_matrices()\n\n"
                "    def create_weight_matrices(self):\n"
                "        sizes = self.layer_sizes\n"
                "        self.weights = [initial_weights(sizes[i + 1], sizes[i], self.rng)\n"
                "                        for i in range(len(sizes) - 2)]",
                "got [(5, 3), (4, 5)]",
            ),
            # No method create_weight_matrices: all in __init__.
            (
                "from nnlib.weights import initial_weights\n\n\nclass DeepNetwork:\n"
                "    def __init__(self, layer_sizes, learning_rate, *, seed=None):\n"
                "        rng = np.random.default_rng(seed)\n"
                "        pairs = zip(layer_sizes[:-1], layer_sizes[1:])\n"
                "        self.weights = [initial_weights(n_out, n_in, rng)\n"
                "                        for n_in, n_out in pairs]",
                "`DeepNetwork` should have a method `create_weight_matrices`",
            ),
        ],
        "right": [
            "from nnlib.weights import initial_weights\n\n\nclass DeepNetwork:\n"
            "    def __init__(self, layer_sizes, learning_rate, *, seed=None):\n"
            "        self.sizes = tuple(layer_sizes)\n"
            "        self.learning_rate = learning_rate\n"
            "        self.generator = np.random.default_rng(seed)\n"
            "        self.create_weight_matrices()\n\n"
            "    def create_weight_matrices(self):\n"
            "        self.weights = []\n"
            "        for layer in range(1, len(self.sizes)):\n"
            "            nodes, inputs = self.sizes[layer], self.sizes[layer - 1]\n"
            "            self.weights.append(initial_weights(nodes, inputs, self.generator))",
        ],
    },
    # Chapter 4.
    "ex-run-shapes": {
        "wrong": [
            # One row per sample, as in the input.
            (
                "shape_one_sample, shape_six_samples = (1, 4), (6, 4)",
                "`shape_one_sample` is not right, got (1, 4): one row per output node",
            ),
            # A flat shape for one sample.
            (
                "shape_one_sample, shape_six_samples = (4,), (4, 6)",
                "`shape_one_sample` should be a tuple of 2 numbers, got (4,)",
            ),
            # The output itself, not its shape.
            (
                "net = LibraryNetwork(3, 4, 5, 0.1, seed=0)\n"
                "shape_one_sample = net.run((1, 2, 3))\n"
                "shape_six_samples = net.run(np.ones((6, 3)))",
                "`shape_one_sample` should be a tuple of 2 numbers, got an array of shape (4, 1)",
            ),
            # The hidden layer's size, not the output's.
            (
                "shape_one_sample, shape_six_samples = (5, 1), (5, 6)",
                "`shape_one_sample` is not right, got (5, 1)",
            ),
        ],
        "right": [
            "predictor = LibraryNetwork(no_of_in_nodes=3, no_of_out_nodes=4,\n"
            "                           no_of_hidden_nodes=5, learning_rate=0.1, seed=0)\n"
            "shape_one_sample = predictor.run((1, 2, 3)).shape\n"
            "shape_six_samples = predictor.run(np.zeros((6, 3))).shape",
        ],
    },
    "ex-run-zero-weights": {
        "wrong": [
            # The weighted sum, not the output of the sigmoid.
            (
                "zero_network = LibraryNetwork(2, 2, 4, 0.1, seed=0)\n"
                "zero_network.weights_in_hidden = np.zeros((4, 2))\n"
                "zero_network.weights_hidden_out = np.zeros((2, 4))\n"
                "zero_output = 0.0",
                "`zero_output` is not right, got 0.0: with zero weights every weighted sum is 0",
            ),
            # Hidden and output sizes swapped: a 2-2-4 network.
            (
                "zero_network = LibraryNetwork(2, 4, 2, 0.1, seed=0)\n"
                "zero_network.weights_in_hidden = np.zeros((2, 2))\n"
                "zero_network.weights_hidden_out = np.zeros((4, 2))\n"
                "zero_output = 0.5",
                "`zero_network.weights_in_hidden` should be an array of shape (4, 2), "
                "got shape (2, 2)",
            ),
            # The output of run stored, not one number.
            (
                "zero_network = LibraryNetwork(2, 2, 4, 0.1, seed=0)\n"
                "zero_network.weights_in_hidden = np.zeros((4, 2))\n"
                "zero_network.weights_hidden_out = np.zeros((2, 4))\n"
                "zero_output = zero_network.run((1, 1))",
                "`zero_output` should be a number, got an array of shape (2, 1)",
            ),
            # Only one matrix set to zeros.
            (
                "zero_network = LibraryNetwork(2, 2, 4, 0.1, seed=0)\n"
                "zero_network.weights_in_hidden = np.zeros((4, 2))\n"
                "zero_output = 0.5",
                "`zero_network.weights_hidden_out` should hold only zeros",
            ),
        ],
        "right": [
            "zero_network = LibraryNetwork(no_of_in_nodes=2, no_of_out_nodes=2,\n"
            "                              no_of_hidden_nodes=4, learning_rate=0.3)\n"
            "zero_network.weights_in_hidden = zero_network.weights_in_hidden * 0\n"
            "zero_network.weights_hidden_out = np.zeros_like(zero_network.weights_hidden_out)\n"
            "zero_output = 1 / (1 + np.exp(-0.0))",
        ],
    },
    "ex-run-any-depth": {
        "wrong": [
            # The input taken as rows, not as columns.
            (
                "def forward(weight_matrices, input_vector):\n"
                "    values = np.array(input_vector, ndmin=2)\n"
                "    for weights in weight_matrices:\n"
                "        values = activation_function(weights @ values)\n"
                "    return values",
                "`forward` takes the rows of its input as columns",
            ),
            # No sigmoid after the last product.
            (
                "def forward(weight_matrices, input_vector):\n"
                "    values = np.array(input_vector, ndmin=2).T\n"
                "    for weights in weight_matrices[:-1]:\n"
                "        values = activation_function(weights @ values)\n"
                "    return weight_matrices[-1] @ values",
                "`forward(weights, (1.0, -2.0))` should be",
            ),
            # Two layers only, whatever the list holds.
            (
                "def forward(weight_matrices, input_vector):\n"
                "    values = np.array(input_vector, ndmin=2).T\n"
                "    hidden = activation_function(weight_matrices[0] @ values)\n"
                "    if len(weight_matrices) == 1:\n"
                "        return hidden\n"
                "    return activation_function(weight_matrices[1] @ hidden)",
                "`forward(three 2-3-3-1 matrices, batch)` should be an array of shape (1, 3)",
            ),
            # One sample per row in the result.
            (
                "def forward(weight_matrices, input_vector):\n"
                "    values = np.array(input_vector, ndmin=2).T\n"
                "    for weights in weight_matrices:\n"
                "        values = activation_function(weights @ values)\n"
                "    return values.T",
                "`forward(weights, (1.0, -2.0))` should be an array of shape (2, 1), "
                "got shape (1, 2)",
            ),
        ],
        "right": [
            "def forward(weight_matrices, input_vector):\n"
            "    samples = np.atleast_2d(np.asarray(input_vector, dtype=float))\n"
            "    columns = samples.T\n"
            "    for layer in range(len(weight_matrices)):\n"
            "        columns = 1 / (1 + np.exp(-(weight_matrices[layer] @ columns)))\n"
            "    return columns",
        ],
    },
    # Chapter 5.
    "ex-bias-count": {
        "wrong": [
            # The output layer's bias forgotten.
            (
                "def number_of_weights(n_in, n_hidden, n_out, bias):\n"
                "    return n_hidden * (n_in + bias) + n_out * n_hidden",
                "`number_of_weights(64, 100, 10, True)` is not right, got 7500: with bias",
            ),
            # One bias weight for the whole network.
            (
                "def number_of_weights(n_in, n_hidden, n_out, bias):\n"
                "    return n_hidden * n_in + n_out * n_hidden + bias",
                "`number_of_weights(64, 100, 10, True)` is not right, got 7401",
            ),
            # The bias ignored.
            (
                "def number_of_weights(n_in, n_hidden, n_out, bias):\n"
                "    return n_in * n_hidden + n_hidden * n_out",
                "`number_of_weights(64, 100, 10, True)` is not right, got 7400",
            ),
            # Nodes added instead of multiplied.
            (
                "def number_of_weights(n_in, n_hidden, n_out, bias):\n"
                "    return (n_in + bias) + (n_hidden + bias) + n_out",
                "`number_of_weights(64, 100, 10, False)` is not right, got 174: a weight "
                "joins each node",
            ),
        ],
        "right": [
            "def number_of_weights(n_in, n_hidden, n_out, bias):\n"
            "    if bias:\n"
            "        return (n_in + 1) * n_hidden + (n_hidden + 1) * n_out\n"
            "    return n_in * n_hidden + n_hidden * n_out",
        ],
    },
    "ex-bias-origin": {
        "wrong": [
            # The distance of the boundary taken as |b|, not divided by |w|.
            (
                "origin_bias = np.log(0.9 / 0.1)\nboundary_distance = abs(origin_bias)",
                "`boundary_distance` is not right, got 2.19722: the line w·x + b = 0 is "
                "|b| / |w| away",
            ),
            # b typed in, rounded.
            (
                "origin_bias = 2.1972\nboundary_distance = 2.1972 / 2.5",
                "`activation_function(origin_bias)` should be 0.9, got 0.899998",
            ),
            # ln(y), not ln(y / (1 - y)).
            (
                "origin_bias = np.log(0.9)\nboundary_distance = abs(origin_bias) / 2.5",
                "`activation_function(origin_bias)` should be 0.9, got 0.47",
            ),
            # Divided by |w|² instead of |w|.
            (
                "origin_bias = np.log(9)\nboundary_distance = origin_bias / (1.5**2 + 2**2)",
                "`boundary_distance` is not right, got 0.35",
            ),
        ],
        "right": [
            "origin_bias = -np.log(1 / 0.9 - 1)\n"
            "boundary_distance = abs(origin_bias) / np.hypot(1.5, -2.0)",
        ],
    },
    "ex-bias-mirror": {
        "wrong": [
            # The outputs, not the sums before the sigmoid.
            (
                "def output_sums(network, samples):\n    return network.run(samples)\n\n\n"
                "mirror_gap_without_bias, mirror_gap_with_bias = 0.0, 1.0",
                "`output_sums(network, samples)[1, 3]` is not right, got 0.30",
            ),
            # The sums computed from the weights, not from the outputs of run.
            (
                "def output_sums(network, samples):\n"
                "    ones = np.ones((1, len(samples)))\n"
                "    hidden = activation_function(\n"
                "        network.weights_in_hidden @ np.vstack([np.transpose(samples), ones]))\n"
                "    return network.weights_hidden_out @ np.vstack([hidden, ones])\n\n\n"
                "mirror_gap_without_bias, mirror_gap_with_bias = 0.0, 1.0",
                "`output_sums` does not call `network.run`",
            ),
            # Gaps made up, not measured.
            (
                "def output_sums(network, samples):\n"
                "    y = network.run(samples)\n"
                "    return np.log(y / (1 - y))\n\n\n"
                "mirror_gap_without_bias, mirror_gap_with_bias = 0.0, 1.0",
                "`mirror_gap_with_bias` is not right, got 1.0",
            ),
            # Other random inputs than the exercise names.
            (
                "def output_sums(network, samples):\n"
                "    y = network.run(samples)\n"
                "    return np.log(y / (1 - y))\n\n\n"
                "other_samples = np.random.default_rng(seed=0).normal(size=(1000, 5))\n"
                "gaps = []\n"
                "for bias in (False, True):\n"
                "    net = LibraryNetwork(5, 3, 7, 0.1, seed=2, bias=bias)\n"
                "    pairs = output_sums(net, other_samples) + output_sums(net, -other_samples)\n"
                "    gaps.append(np.abs(pairs - net.weights_hidden_out.sum(axis=1, "
                "keepdims=True)).max())\n"
                "mirror_gap_without_bias, mirror_gap_with_bias = gaps",
                "`mirror_gap_with_bias` is not right, got",
            ),
        ],
        "right": [
            "from scipy.special import logit\n\n\n"
            "def output_sums(network, samples):\n"
            "    return logit(network.run(samples))\n\n\n"
            "mirror_inputs = np.random.default_rng(seed=3).normal(size=(1000, 5))\n"
            "largest_gaps = []\n"
            "for with_bias in (False, True):\n"
            "    mirrored = LibraryNetwork(5, 3, 7, 0.2, seed=2, bias=with_bias)\n"
            "    both = output_sums(mirrored, mirror_inputs) + output_sums(mirrored, "
            "-mirror_inputs)\n"
            "    rows = mirrored.weights_hidden_out.sum(axis=1)[:, np.newaxis]\n"
            "    largest_gaps.append(float(np.max(np.abs(both - rows))))\n"
            "mirror_gap_without_bias, mirror_gap_with_bias = largest_gaps",
        ],
    },
    # Chapter 6.
    "ex-descent-first-step": {
        "wrong": [
            # The step taken along the slope instead of against it.
            (
                "gradient_at_zero = np.mean((0.5 - targets) * 0.25 * inputs)\n"
                "weight_after_one_step = 0.0 + 10.0 * gradient_at_zero",
                "a step goes against the slope",
            ),
            # The sum over the samples, not the mean.
            (
                "gradient_at_zero = np.sum((0.5 - targets) * 0.25 * inputs)\n"
                "weight_after_one_step = 0.0 - 10.0 * gradient_at_zero",
                "`gradient_at_zero` is the sum over the samples",
            ),
            # The factor y(1 - y) = 0.25 forgotten.
            (
                "gradient_at_zero = np.mean((0.5 - targets) * inputs)\n"
                "weight_after_one_step = 0.0 - 10.0 * gradient_at_zero",
                "`gradient_at_zero` is not right, got",
            ),
            # A step with learning rate 1.
            (
                "gradient_at_zero = np.mean((0.5 - targets) * 0.25 * inputs)\n"
                "weight_after_one_step = 0.0 - gradient_at_zero",
                "`weight_after_one_step` is not right, got",
            ),
        ],
        "right": [
            "at_zero = activation_function(0.0 * inputs)\n"
            "gradient_at_zero = ((at_zero - targets) * at_zero * (1 - at_zero) * inputs"
            ").mean()\n"
            "learning_rate = 10\n"
            "weight_after_one_step = -learning_rate * gradient_at_zero",
        ],
    },
    "ex-descent-minibatch": {
        "wrong": [
            # One step on all samples per epoch, whatever the batch size.
            (
                "def minibatch_epoch(weight, inputs, targets, learning_rate, batch_size):\n"
                "    return weight - learning_rate * error_gradient(weight, inputs, "
                "targets)\n\n\n"
                "errors_after_ten_epochs = {5: 0.0, 2: 0.0, 1: 0.0}",
                "an epoch takes one step per mini-batch of 3",
            ),
            # The last, smaller mini-batch left out.
            (
                "def minibatch_epoch(weight, inputs, targets, learning_rate, batch_size):\n"
                "    for start in range(0, len(inputs) - batch_size + 1, batch_size):\n"
                "        part = slice(start, start + batch_size)\n"
                "        weight = weight - learning_rate * error_gradient(\n"
                "            weight, inputs[part], targets[part])\n"
                "    return weight\n\n\n"
                "errors_after_ten_epochs = {5: 0.0, 2: 0.0, 1: 0.0}",
                "`minibatch_epoch` leaves out the last, smaller mini-batch",
            ),
            # Every step with the slope of all samples.
            (
                "def minibatch_epoch(weight, inputs, targets, learning_rate, batch_size):\n"
                "    for start in range(0, len(inputs), batch_size):\n"
                "        weight = weight - learning_rate * error_gradient(\n"
                "            weight, inputs, targets)\n"
                "    return weight\n\n\n"
                "errors_after_ten_epochs = {5: 0.0, 2: 0.0, 1: 0.0}",
                "an epoch takes one step per mini-batch of 3, in the given order",
            ),
            # Every run started at w = 0 instead of -2.
            (
                "def minibatch_epoch(weight, inputs, targets, learning_rate, batch_size):\n"
                "    for start in range(0, len(inputs), batch_size):\n"
                "        part = slice(start, start + batch_size)\n"
                "        weight = weight - learning_rate * error_gradient(\n"
                "            weight, inputs[part], targets[part])\n"
                "    return weight\n\n\n"
                "errors_after_ten_epochs = {}\n"
                "for size in (5, 2, 1):\n"
                "    w = 0.0\n"
                "    for _ in range(10):\n"
                "        w = minibatch_epoch(w, inputs, targets, 10.0, size)\n"
                "    errors_after_ten_epochs[size] = error(w, inputs, targets)",
                "10 epochs from w = -2 with learning rate 10",
            ),
        ],
        "right": [
            "def minibatch_epoch(weight, inputs, targets, learning_rate, batch_size):\n"
            "    batches = np.array_split(np.arange(len(inputs)),\n"
            "                             range(batch_size, len(inputs), batch_size))\n"
            "    for batch in batches:\n"
            "        weight -= learning_rate * error_gradient(weight, inputs[batch],\n"
            "                                                 targets[batch])\n"
            "    return weight\n\n\n"
            "def after_ten_epochs(size):\n"
            "    weight = -2.0\n"
            "    for _ in range(10):\n"
            "        weight = minibatch_epoch(weight, inputs, targets, 10.0, size)\n"
            "    return error(weight, inputs, targets)\n\n\n"
            "errors_after_ten_epochs = {size: after_ten_epochs(size) for size in (1, 2, 5)}",
        ],
    },
    "ex-descent-largest-rate": {
        "wrong": [
            # 1/c instead of 2/c.
            (
                "lowest_weight = gradient_descent(0.0, 10.0, 200, inputs, targets)[-1]\n"
                "curvature = (error_gradient(lowest_weight + 1e-5, inputs, targets)\n"
                "             - error_gradient(lowest_weight - 1e-5, inputs, targets)) / 2e-5\n"
                "largest_stable_rate = 1 / curvature\n"
                "final_distances = (0.0, 1.0)",
                "which must stay above -1",
            ),
            # The curvature taken as the slope of the error, not of its slope.
            (
                "lowest_weight = gradient_descent(0.0, 10.0, 200, inputs, targets)[-1]\n"
                "curvature = (error(lowest_weight + 1e-5, inputs, targets)\n"
                "             - error(lowest_weight - 1e-5, inputs, targets)) / 2e-5\n"
                "largest_stable_rate = 2 / curvature\n"
                "final_distances = (0.0, 1.0)",
                "`curvature` is not right, got",
            ),
            # The final distances made up, not run.
            (
                "lowest_weight = gradient_descent(0.0, 10.0, 200, inputs, targets)[-1]\n"
                "curvature = (error_gradient(lowest_weight + 1e-5, inputs, targets)\n"
                "             - error_gradient(lowest_weight - 1e-5, inputs, targets)) / 2e-5\n"
                "largest_stable_rate = 2 / curvature\n"
                "final_distances = (0.0, 1.0)",
                "`final_distances[1]` is not right, got 1.0",
            ),
            # Distances from the start, not from the lowest point.
            (
                "lowest_weight = gradient_descent(0.0, 10.0, 200, inputs, targets)[-1]\n"
                "curvature = (error_gradient(lowest_weight + 1e-5, inputs, targets)\n"
                "             - error_gradient(lowest_weight - 1e-5, inputs, targets)) / 2e-5\n"
                "largest_stable_rate = 2 / curvature\n"
                "start = lowest_weight + 0.01\n"
                "final_distances = tuple(\n"
                "    abs(gradient_descent(start, f * largest_stable_rate, 200,\n"
                "                         inputs, targets)[-1] - start)\n"
                "    for f in (0.9, 1.1))",
                "`final_distances[0]` should be almost 0",
            ),
            # The lowest point sought with learning rate 1: 200 steps do not reach it.
            (
                "lowest_weight = gradient_descent(0.0, 1.0, 200, inputs, targets)[-1]\n"
                "curvature = 1.0\nlargest_stable_rate = 2.0\nfinal_distances = (0.0, 1.0)",
                "`lowest_weight` is not right, got",
            ),
        ],
        "right": [
            "w_star = 0.0\n"
            "for _ in range(200):\n"
            "    w_star -= 10.0 * error_gradient(w_star, inputs, targets)\n"
            "lowest_weight = w_star\n"
            "h = 1e-6\n"
            "curvature = (error_gradient(w_star + h, inputs, targets)\n"
            "             - error_gradient(w_star - h, inputs, targets)) / (2 * h)\n"
            "largest_stable_rate = 2.0 / curvature\n"
            "distances = []\n"
            "for factor in (0.9, 1.1):\n"
            "    w = w_star + 0.01\n"
            "    for _ in range(200):\n"
            "        w -= factor * largest_stable_rate * error_gradient(w, inputs, targets)\n"
            "    distances.append(abs(w - w_star))\n"
            "final_distances = tuple(distances)",
        ],
    },
    # Chapter 7.
    "ex-training-one-step": {
        "wrong": [
            # The sign of the output delta turned round.
            (
                "h = activation_function(2.0)\n"
                "y = activation_function(-h)\n"
                "gradient_ho = (1 - y) * y * (1 - y) * h\n"
                "gradient_ih = -1.0 * (1 - y) * y * (1 - y) * h * (1 - h)",
                "`gradient_ho` is not right, got 0.128999: it is δ_o·h",
            ),
            # The factor y(1 - y) left out of the output delta.
            (
                "h = activation_function(2.0)\n"
                "y = activation_function(-h)\n"
                "gradient_ho = (y - 1) * h\n"
                "gradient_ih = -1.0 * (y - 1) * h * (1 - h)",
                "`gradient_ho` is not right, got",
            ),
            # The hidden delta without the weight W_ho.
            (
                "h = activation_function(2.0)\n"
                "y = activation_function(-h)\n"
                "delta_o = (y - 1) * y * (1 - y)\n"
                "gradient_ho = delta_o * h\n"
                "gradient_ih = delta_o * h * (1 - h)",
                "`gradient_ih` is not right, got",
            ),
            # Matrices of shape (1, 1), not numbers.
            (
                "tiny_network = LibraryNetwork(1, 1, 1, 1.0)\n"
                "tiny_network.weights_in_hidden = [[2.0]]\n"
                "tiny_network.weights_hidden_out = [[-1.0]]\n"
                "gradient_ih, gradient_ho = tiny_network.gradients([1.0], [1.0])",
                "`gradient_ho` should be a number, got an array of shape (1, 1)",
            ),
        ],
        "right": [
            "import math\n\n"
            "hidden = 1 / (1 + math.exp(-2.0 * 1.0))\n"
            "out = 1 / (1 + math.exp(hidden))  # W_ho = -1\n"
            "delta_output = (out - 1.0) * out * (1.0 - out)\n"
            "gradient_ho = delta_output * hidden\n"
            "gradient_ih = -1.0 * delta_output * hidden * (1.0 - hidden) * 1.0",
        ],
    },
    "ex-training-batch-mean": {
        "wrong": [
            # A sum, not a mean.
            (
                "def mean_of_sample_gradients(network, inputs, targets):\n"
                "    singles = [network.gradients(x, t) for x, t in zip(inputs, targets)]\n"
                "    return tuple(np.sum([g[layer] for g in singles], axis=0) "
                "for layer in (0, 1))",
                "is 6 times the mean for 6 samples: a sum, not a mean",
            ),
            # The whole batch at once: nothing compared.
            (
                "def mean_of_sample_gradients(network, inputs, targets):\n"
                "    return network.gradients(inputs, targets)",
                "should call `network.gradients` once for each of the 6 samples",
            ),
            # The gradients of each sample returned, not their means.
            (
                "def mean_of_sample_gradients(network, inputs, targets):\n"
                "    return [network.gradients(x, t) for x, t in zip(inputs, targets)]",
                "`mean_of_sample_gradients` should return two matrices",
            ),
            # The mean over the wrong axis.
            (
                "def mean_of_sample_gradients(network, inputs, targets):\n"
                "    singles = [network.gradients(x, t) for x, t in zip(inputs, targets)]\n"
                "    return tuple(np.mean([g[layer] for g in singles], axis=1) "
                "for layer in (0, 1))",
                "`mean_of_sample_gradients(network, inputs, targets)[0]` should be an "
                "array of shape (5, 4)",
            ),
        ],
        "right": [
            "def mean_of_sample_gradients(network, inputs, targets):\n"
            "    total_ih, total_ho = 0, 0\n"
            "    for row in range(len(inputs)):\n"
            "        grad_ih, grad_ho = network.gradients(inputs[row:row + 1],\n"
            "                                             targets[row:row + 1])\n"
            "        total_ih, total_ho = total_ih + grad_ih, total_ho + grad_ho\n"
            "    return total_ih / len(inputs), total_ho / len(inputs)",
        ],
    },
    "ex-training-cross-entropy": {
        "wrong": [
            # The factor y(1 - y) kept in the output delta.
            (
                "class CrossEntropyNetwork(NeuralNetwork):\n    pass",
                "is that of the squared error: with the cross-entropy the output delta",
            ),
            # The sum over the batch, not the mean.
            (
                "class CrossEntropyNetwork(NeuralNetwork):\n"
                "    def gradients(self, input_vector, target_vector):\n"
                "        x_hat, h_hat, y = self.forward(input_vector)\n"
                "        t = np.array(target_vector, ndmin=2).T\n"
                "        h = h_hat[:self.no_of_hidden_nodes]\n"
                "        w_tilde = self.weights_hidden_out[:, :self.no_of_hidden_nodes]\n"
                "        delta_out = y - t\n"
                "        delta_hidden = (w_tilde.T @ delta_out) * h * (1 - h)\n"
                "        return delta_hidden @ x_hat.T, delta_out @ h_hat.T",
                "times that of the mean cross-entropy over 5 samples: divide by the "
                "number of samples",
            ),
            # The delta t - y: the sign turned round.
            (
                "class CrossEntropyNetwork(NeuralNetwork):\n"
                "    def gradients(self, input_vector, target_vector):\n"
                "        x_hat, h_hat, y = self.forward(input_vector)\n"
                "        t = np.array(target_vector, ndmin=2).T\n"
                "        m = x_hat.shape[1]\n"
                "        h = h_hat[:self.no_of_hidden_nodes]\n"
                "        w_tilde = self.weights_hidden_out[:, :self.no_of_hidden_nodes]\n"
                "        delta_out = t - y\n"
                "        delta_hidden = (w_tilde.T @ delta_out) * h * (1 - h)\n"
                "        return delta_hidden @ x_hat.T / m, delta_out @ h_hat.T / m",
                "has the wrong sign: the output delta is y",
            ),
            # The hidden delta without the factor h(1 - h).
            (
                "class CrossEntropyNetwork(NeuralNetwork):\n"
                "    def gradients(self, input_vector, target_vector):\n"
                "        x_hat, h_hat, y = self.forward(input_vector)\n"
                "        t = np.array(target_vector, ndmin=2).T\n"
                "        m = x_hat.shape[1]\n"
                "        w_tilde = self.weights_hidden_out[:, :self.no_of_hidden_nodes]\n"
                "        delta_out = y - t\n"
                "        delta_hidden = w_tilde.T @ delta_out\n"
                "        return delta_hidden @ x_hat.T / m, delta_out @ h_hat.T / m",
                "the gradient for W_ih differs from finite differences of the mean cross-entropy",
            ),
        ],
        "right": [
            "class CrossEntropyNetwork(NeuralNetwork):\n"
            "    def gradients(self, input_vector, target_vector):\n"
            "        x_hat, h_hat, y = self.forward(input_vector)\n"
            "        t = np.array(target_vector, ndmin=2).T\n"
            "        n_hidden = self.no_of_hidden_nodes\n"
            "        delta_out = (y - t) / y.shape[1]  # the mean over the batch\n"
            "        back = self.weights_hidden_out[:, :n_hidden].T @ delta_out\n"
            "        delta_hidden = back * h_hat[:n_hidden] * (1 - h_hat[:n_hidden])\n"
            "        return delta_hidden @ x_hat.T, delta_out @ h_hat.T",
        ],
    },
    # Chapter 8.
    "ex-digits-confused-pair": {
        "wrong": [
            # The diagonal left in.
            (
                "true_digit, answer = np.unravel_index(np.argmax(confusion), "
                "confusion.shape)\n"
                "most_confused = (int(true_digit), int(answer))\n"
                "most_confused_count = confusion.max()",
                "on the diagonal: those are the right answers",
            ),
            # Column by column: the pair comes out as (answer, true digit).
            (
                "mistakes = confusion.copy()\n"
                "np.fill_diagonal(mistakes, 0)\n"
                "answer, true_digit = np.unravel_index(np.argmax(mistakes.T), "
                "mistakes.shape)\n"
                "most_confused = (int(answer), int(true_digit))\n"
                "most_confused_count = mistakes.max()",
                "(answer, true digit): the rows of `confusion` are the true digits",
            ),
            # The count of the right answers of that digit.
            (
                "mistakes = confusion.copy()\n"
                "np.fill_diagonal(mistakes, 0)\n"
                "pair = np.unravel_index(np.argmax(mistakes), mistakes.shape)\n"
                "most_confused = (int(pair[0]), int(pair[1]))\n"
                "most_confused_count = confusion[pair[0], pair[0]]",
                "`most_confused_count` is not right, got",
            ),
            # No copy: the chapter's matrix loses its diagonal.
            (
                "mistakes = confusion\n"
                "np.fill_diagonal(mistakes, 0)\n"
                "pair = np.unravel_index(np.argmax(mistakes), mistakes.shape)\n"
                "most_confused = (int(pair[0]), int(pair[1]))\n"
                "most_confused_count = mistakes[pair]",
                "`confusion` has changed: work on a copy",
            ),
        ],
        "right": [
            # (The first line gives back the chapter's matrix that the last wrong answer
            # changed.)
            "confusion = metrics.confusion_matrix(test_labels, predicted, 10)\n"
            "most_confused, most_confused_count = None, -1\n"
            "for row in range(10):\n"
            "    for column in range(10):\n"
            "        if row != column and confusion[row, column] > most_confused_count:\n"
            "            most_confused = (row, column)\n"
            "            most_confused_count = int(confusion[row, column])",
        ],
    },
    "ex-digits-hidden-size": {
        "wrong": [
            # Measured on the test data instead of the validation data.
            (
                "small_network = new_network(20, chosen_rate, seed=0)\n"
                "small_network.fit(train_inputs, train_targets, epochs=chosen_epochs, "
                "batch_size=16, seed=0)\n"
                "small_accuracy = metrics.accuracy(test_labels, "
                "small_network.predict(test_inputs))",
                "the test data stays untouched until the very end",
            ),
            # Trained on the test data.
            (
                "small_network = new_network(20, chosen_rate, seed=0)\n"
                "small_network.fit(test_inputs, metrics.one_hot(test_labels, 10), "
                "epochs=chosen_epochs, batch_size=16, seed=0)\n"
                "small_accuracy = metrics.accuracy(validation_labels, "
                "small_network.predict(validation_inputs))",
                "`small_network` has other weights than `new_network(20, chosen_rate, "
                "seed=0)` after fit(train_inputs",
            ),
            # Other settings: 60 epochs.
            (
                "small_network = new_network(20, chosen_rate, seed=0)\n"
                "small_network.fit(train_inputs, train_targets, epochs=60, batch_size=16, "
                "seed=0)\n"
                "small_accuracy = metrics.accuracy(validation_labels, "
                "small_network.predict(validation_inputs))",
                "train it on the training data with exactly these settings",
            ),
            # A percentage, not a share.
            (
                "small_network = new_network(20, chosen_rate, seed=0)\n"
                "small_network.fit(train_inputs, train_targets, epochs=chosen_epochs, "
                "batch_size=16, seed=0)\n"
                "small_accuracy = 100 * metrics.accuracy(validation_labels, "
                "small_network.predict(validation_inputs))",
                "`small_accuracy` is a percentage: store the share, between 0 and 1",
            ),
            # the chapter's network replaced by the small one
            (
                "network = new_network(20, chosen_rate, seed=0)\n"
                "network.fit(train_inputs, train_targets, epochs=chosen_epochs, batch_size=16,"
                " seed=0)\n"
                "small_network = network\n"
                "small_accuracy = metrics.accuracy(validation_labels,"
                " network.predict(validation_inputs))",
                "`network` is no longer the chosen network of seed 0",
                ("network",),
            ),
            # a rounded percentage
            (
                "small_network = new_network(20, chosen_rate, seed=0)\n"
                "small_network.fit(train_inputs, train_targets, epochs=chosen_epochs,"
                " batch_size=16, seed=0)\n"
                "small_accuracy = round(100 * metrics.accuracy(\n"
                "    validation_labels, small_network.predict(validation_inputs)), 1)",
                "`small_accuracy` is a rounded percentage, got 97.2",
            ),
        ],
        "right": [
            "small_network = NeuralNetwork(no_of_in_nodes=64, no_of_out_nodes=10,\n"
            "                              no_of_hidden_nodes=20, learning_rate=chosen_rate,\n"
            "                              seed=0, bias=True)\n"
            "small_network.fit(train_inputs, train_targets, epochs=chosen_epochs,\n"
            "                  batch_size=16, seed=0)\n"
            "small_accuracy = np.mean(\n"
            "    small_network.run(validation_inputs).argmax(axis=0) == validation_labels)",
        ],
    },
    "ex-digits-confidence": {
        "wrong": [
            # The threshold chosen on the test data instead of the validation data.
            (
                "outputs = network.run(test_inputs)\n"
                "confidence, is_right = outputs.max(axis=0), outputs.argmax(axis=0) == "
                "test_labels\n"
                "thresholds = np.linspace(0.5, 0.99, 50)\n"
                "threshold = next(t for t in thresholds "
                "if is_right[confidence >= t].mean() >= 0.995)\n"
                "sure = confidence >= threshold\n"
                "answered_share, answered_accuracy = sure.mean(), is_right[sure].mean()",
                "choose it on the validation data",
            ),
            # The largest threshold that is good enough, not the smallest.
            (
                "outputs = network.run(validation_inputs)\n"
                "confidence = outputs.max(axis=0)\n"
                "is_right = outputs.argmax(axis=0) == validation_labels\n"
                "thresholds = np.linspace(0.5, 0.99, 50)\n"
                "threshold = [t for t in thresholds "
                "if is_right[confidence >= t].mean() >= 0.995][-1]\n"
                "test_outputs = network.run(test_inputs)\n"
                "sure = test_outputs.max(axis=0) >= threshold\n"
                "answered_share = sure.mean()\n"
                "answered_accuracy = (test_outputs.argmax(axis=0) == test_labels)[sure]"
                ".mean()",
                "`threshold` is not right, got",
            ),
            # The share measured on the validation data.
            (
                "outputs = network.run(validation_inputs)\n"
                "confidence = outputs.max(axis=0)\n"
                "is_right = outputs.argmax(axis=0) == validation_labels\n"
                "thresholds = np.linspace(0.5, 0.99, 50)\n"
                "threshold = next(t for t in thresholds "
                "if is_right[confidence >= t].mean() >= 0.995)\n"
                "sure = confidence >= threshold\n"
                "answered_share, answered_accuracy = sure.mean(), is_right[sure].mean()",
                "`answered_share` is not right, got",
            ),
            # The accuracy on all test samples, not on those answered.
            (
                "outputs = network.run(validation_inputs)\n"
                "confidence = outputs.max(axis=0)\n"
                "is_right = outputs.argmax(axis=0) == validation_labels\n"
                "thresholds = np.linspace(0.5, 0.99, 50)\n"
                "threshold = next(t for t in thresholds "
                "if is_right[confidence >= t].mean() >= 0.995)\n"
                "test_outputs = network.run(test_inputs)\n"
                "answered_share = np.mean(test_outputs.max(axis=0) >= threshold)\n"
                "answered_accuracy = np.mean(test_outputs.argmax(axis=0) == test_labels)",
                "`answered_accuracy` is not right, got",
            ),
        ],
        "right": [
            "levels = np.linspace(0.5, 0.99, 50)\n"
            "val_out = network.run(validation_inputs)\n"
            "val_sure, val_right = val_out.max(axis=0), val_out.argmax(axis=0) == "
            "validation_labels\n"
            "threshold = None\n"
            "for level in levels:\n"
            "    answered_now = val_sure >= level\n"
            "    if val_right[answered_now].sum() >= 0.995 * answered_now.sum():\n"
            "        threshold = level\n"
            "        break\n"
            "test_out = network.run(test_inputs)\n"
            "answered_now = test_out.max(axis=0) >= threshold\n"
            "answered_share = answered_now.sum() / len(test_labels)\n"
            "answered_accuracy = np.mean(\n"
            "    test_out.argmax(axis=0)[answered_now] == test_labels[answered_now])",
        ],
    },
    # Chapter 9.
    "ex-timing-count": {
        "wrong": [
            # The bias weights left out.
            (
                "multiply_adds_per_sample = 100 * 64 + 10 * 100\n"
                "multiply_adds_all_digits = multiply_adds_per_sample * 1797",
                "`multiply_adds_per_sample` is not right, got 7400",
            ),
            # Two operations counted per multiply-add.
            (
                "multiply_adds_per_sample = 2 * (100 * 65 + 10 * 101)\n"
                "multiply_adds_all_digits = multiply_adds_per_sample * 1797",
                "`multiply_adds_per_sample` is not right, got 15020",
            ),
            # Only the hidden layer.
            (
                "multiply_adds_per_sample = 100 * 65\n"
                "multiply_adds_all_digits = multiply_adds_per_sample * 1797",
                "`multiply_adds_per_sample` is not right, got 6500",
            ),
            # Only the test digits.
            (
                "multiply_adds_per_sample = 100 * 65 + 10 * 101\n"
                "multiply_adds_all_digits = multiply_adds_per_sample * len(test_inputs)",
                "every one of the 1,797 digits takes one forward pass",
            ),
        ],
        "right": [
            "multiply_adds_per_sample = sum(w.size for w in network.weights)\n"
            "multiply_adds_all_digits = all_inputs.shape[0] * multiply_adds_per_sample",
        ],
    },
    "ex-timing-overhead": {
        "wrong": [
            # A fit without weights, in which the longest times decide alone.
            (
                "call_sizes = np.array([1, 4, 16, 64, 256, 1024, 4096])\n"
                "call_times = np.array([\n"
                "    min(timeit.repeat(lambda n=n: timed.run(many_inputs[:n]), number=20, "
                "repeat=3)) / 20\n"
                "    for n in call_sizes])\n"
                "cost_per_sample, fixed_cost = np.polyfit(call_sizes, call_times, deg=1)\n"
                "half_fixed_batch = fixed_cost / cost_per_sample",
                "`fixed_cost` comes from a fit without weights: pass w=1 / call_times",
            ),
            # The total time of 20 calls, not of one.
            (
                "call_sizes = np.array([1, 4, 16, 64, 256, 1024, 4096])\n"
                "call_times = np.array([\n"
                "    min(timeit.repeat(lambda n=n: timed.run(many_inputs[:n]), number=20, "
                "repeat=3))\n"
                "    for n in call_sizes])\n"
                "cost_per_sample, fixed_cost = np.polyfit(call_sizes, call_times, deg=1,\n"
                "                                         w=1 / call_times)\n"
                "half_fixed_batch = fixed_cost / cost_per_sample",
                "samples, measured now: store the time of one call in seconds",
            ),
            # Made-up times in milliseconds, never measured.
            (
                "call_sizes = np.array([1, 4, 16, 64, 256, 1024, 4096])\n"
                "call_times = 0.01 + 0.002 * call_sizes\n"
                "cost_per_sample, fixed_cost = np.polyfit(call_sizes, call_times, deg=1,\n"
                "                                         w=1 / call_times)\n"
                "half_fixed_batch = fixed_cost / cost_per_sample",
                "`call_times[0]` is",
            ),
            # Slope and intercept taken in the wrong order.
            (
                "call_sizes = np.array([1, 4, 16, 64, 256, 1024, 4096])\n"
                "call_times = np.array([\n"
                "    min(timeit.repeat(lambda n=n: timed.run(many_inputs[:n]), number=20, "
                "repeat=3)) / 20\n"
                "    for n in call_sizes])\n"
                "fixed_cost, cost_per_sample = np.polyfit(call_sizes, call_times, deg=1,\n"
                "                                         w=1 / call_times)\n"
                "half_fixed_batch = fixed_cost / cost_per_sample",
                "returns the slope b first, then the intercept a",
            ),
        ],
        "right": [
            "import time\n\n"
            "call_sizes = np.array([1, 4, 16, 64, 256, 1024, 4096])\n"
            "fastest = []\n"
            "for n in call_sizes:\n"
            "    rows = many_inputs[:n]\n"
            "    runs = []\n"
            "    for _ in range(30):\n"
            "        start = time.perf_counter()\n"
            "        timed.run(rows)\n"
            "        runs.append(time.perf_counter() - start)\n"
            "    fastest.append(min(runs))\n"
            "call_times = np.array(fastest)\n"
            "slope_and_intercept = np.polyfit(call_sizes, call_times, 1, w=1 / call_times)\n"
            "cost_per_sample, fixed_cost = slope_and_intercept\n"
            "half_fixed_batch = fixed_cost / cost_per_sample",
        ],
    },
    "ex-timing-sigmoid": {
        "wrong": [
            # tanh without the halved argument.
            (
                "def sigmoid_by_exp(x):\n    return 1 / (1 + np.exp(-x))\n\n\n"
                "def sigmoid_by_tanh(x):\n    return 0.5 * (1 + np.tanh(x))",
                "`sigmoid_by_tanh(np.linspace(-40, 40, 101))[51]` should be 0.689974, got 0.832018",
            ),
            # expit in place of the first formula.
            (
                "def sigmoid_by_exp(x):\n    return expit(x)\n\n\n"
                "def sigmoid_by_tanh(x):\n    return 0.5 * (1 + np.tanh(0.5 * x))",
                "`sigmoid_by_exp` should compute 1 / (1 + np.exp(-x)) itself",
            ),
            # expit in place of the second formula.
            (
                "def sigmoid_by_exp(x):\n    return 1 / (1 + np.exp(-x))\n\n\n"
                "def sigmoid_by_tanh(x):\n    return expit(x)",
                "`sigmoid_by_tanh(-30.0)` is not right",
            ),
            # The sign inside the exponential lost.
            (
                "def sigmoid_by_exp(x):\n    return 1 / (1 + np.exp(x))\n\n\n"
                "def sigmoid_by_tanh(x):\n    return 0.5 * (1 + np.tanh(0.5 * x))",
                "`sigmoid_by_exp(np.linspace(-40, 40, 101))",
            ),
        ],
        "right": [
            "def sigmoid_by_exp(x):\n    return np.reciprocal(1.0 + np.exp(np.negative(x)))\n\n\n"
            "def sigmoid_by_tanh(x):\n    return (np.tanh(x / 2) + 1) / 2",
        ],
    },
    # Chapter 10.
    "ex-softmax-by-hand": {
        "wrong": [
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.exp(scores)\n"
                "shifted_scores = scores - scores.max()\n"
                "shifted_probabilities = np.exp(shifted_scores)\n",
                "`probabilities` sum to",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = scores / scores.sum()\n"
                "shifted_scores = scores - scores.max()\n"
                "shifted_probabilities = probabilities\n",
                "softmax takes the exponential of each score",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.exp(scores) / np.exp(scores).sum()\n"
                "shifted_scores = scores - scores.max()\n"
                "shifted_probabilities = np.exp(shifted_scores)\n",
                "`shifted_probabilities` sum to",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.array([0.82, 0.11, 0.05, 0.02])\n"
                "shifted_scores = scores - scores.max()\n"
                "shifted_probabilities = probabilities\n",
                "`probabilities` holds rounded values: keep every digit",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0]) - 3.0\n"
                "probabilities = np.exp(scores) / np.exp(scores).sum()\n"
                "shifted_probabilities = probabilities\n",
                "keep the scores of the exercise",
            ),
            # Shifted by the smallest score: the same probabilities, not the safe shift.
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.exp(scores) / np.exp(scores).sum()\n"
                "shifted_scores = scores - scores.min()\n"
                "shifted_probabilities = np.exp(shifted_scores) / np.exp(shifted_scores).sum()\n",
                "`shifted_scores` is not right",
            ),
            # Rounded before it is stored.
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.round(np.exp(scores) / np.exp(scores).sum(), 3)\n"
                "shifted_scores = scores - scores.max()\n"
                "shifted_probabilities = probabilities\n",
                "keep every digit, and round only what you print",
            ),
            # 32-bit scores, in which 0.2 is another number.
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0], dtype=np.float32)\n"
                "probabilities = np.exp(scores) / np.exp(scores).sum()\n"
                "shifted_scores = scores - scores.max()\n"
                "shifted_probabilities = np.exp(shifted_scores) / np.exp(shifted_scores).sum()\n",
                "`scores` holds float32 numbers",
            ),
        ],
        "right": [
            "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
            "probabilities = np.exp(scores) / np.sum(np.exp(scores))\n"
            "shifted_scores = scores - np.max(scores)\n"
            "shifted_probabilities = np.exp(shifted_scores) / np.sum(np.exp(shifted_scores))\n",
        ],
    },
    "ex-softmax-batch-loss": {
        "wrong": [
            (
                "def mean_cross_entropy(outputs, targets):\n"
                "    return -np.sum(targets * np.log(outputs))\n"
                "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
                " validation_targets.T)\n",
                "it is the sum over the 5 samples",
            ),
            (
                "def mean_cross_entropy(outputs, targets):\n"
                "    return -np.mean(targets * np.log(outputs))\n"
                "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
                " validation_targets.T)\n",
                "it is the mean over all 15 entries",
            ),
            (
                "def mean_cross_entropy(outputs, targets):\n"
                "    return -np.mean(np.sum(targets * np.log(outputs), axis=1))\n"
                "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
                " validation_targets.T)\n",
                "mind the axis",
            ),
            (
                "def mean_cross_entropy(outputs, targets):\n"
                "    return np.sum(targets * np.log(outputs)) / outputs.shape[1]\n"
                "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
                " validation_targets.T)\n",
                "it is negative",
            ),
            (
                "def mean_cross_entropy(outputs, targets):\n"
                "    return -np.sum(targets * np.log(outputs), axis=0)\n"
                "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
                " validation_targets.T).mean()\n",
                "should return one number",
            ),
            (
                "def mean_cross_entropy(outputs, targets):\n"
                "    return -np.sum(targets * np.log(outputs)) / outputs.shape[1]\n"
                "validation_loss = mean_cross_entropy(library_network.run(test_inputs),"
                " identity[test_labels].T)\n",
                "`validation_loss` is not right",
            ),
            # An ε added inside the logarithm, as some libraries do.
            (
                "def mean_cross_entropy(outputs, targets):\n"
                "    return -np.sum(targets * np.log(outputs + 1e-7), axis=0).mean()\n"
                "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
                " validation_targets.T)\n",
                "off in the sixth digit: take the logarithm of the outputs as they are",
            ),
            # The network trained further before it is measured.
            (
                "library_network.fit(train_inputs, train_targets, epochs=2, batch_size=16,"
                " seed=0)\n"
                "def mean_cross_entropy(outputs, targets):\n"
                "    return -np.sum(targets * np.log(outputs)) / outputs.shape[1]\n"
                "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
                " validation_targets.T)\n",
                "`library_network` has changed since `fit` trained it",
                ("library_network",),
            ),
        ],
        "right": [
            "def mean_cross_entropy(outputs, targets):\n"
            "    right_class = targets.argmax(axis=0)\n"
            "    picked = outputs[right_class, np.arange(outputs.shape[1])]\n"
            "    return float(np.mean(-np.log(picked)))\n"
            "validation_loss = mean_cross_entropy(library_network.run(validation_inputs),"
            " identity[validation_labels].T)\n",
        ],
    },
    "ex-softmax-calibration-error": {
        "wrong": [
            (
                "def calibration_error(outputs, labels, n_bins=10):\n"
                "    counts, confidence, accuracy = reliability_bins(outputs, labels, n_bins)\n"
                "    filled = counts > 0\n"
                "    return np.mean(np.abs(accuracy[filled] - confidence[filled]))\n"
                "calibration_errors = {loss: np.array([calibration_error(o, validation_labels)"
                " for o in outputs]) for loss, outputs in validation_outputs.items()}\n",
                "weight each filled bin",
            ),
            (
                "def calibration_error(outputs, labels, n_bins=10):\n"
                "    counts, confidence, accuracy = reliability_bins(outputs, labels, n_bins)\n"
                "    filled = counts > 0\n"
                "    shares = counts[filled] / counts.sum()\n"
                "    return np.sum(shares * (accuracy[filled] - confidence[filled]))\n"
                "calibration_errors = {loss: np.array([calibration_error(o, validation_labels)"
                " for o in outputs]) for loss, outputs in validation_outputs.items()}\n",
                "a negative number",
            ),
            (
                "def calibration_error(outputs, labels, n_bins=10):\n"
                "    confidence = outputs.max(axis=0)\n"
                "    right = outputs.argmax(axis=0) == labels\n"
                "    bins = (confidence * n_bins).astype(int)\n"
                "    total = 0.0\n"
                "    for b in range(n_bins):\n"
                "        inside = bins == b\n"
                "        if inside.any():\n"
                "            total += inside.sum() / len(confidence) * abs(\n"
                "                right[inside].mean() - confidence[inside].mean())\n"
                "    return total\n"
                "calibration_errors = {loss: np.array([calibration_error(o, validation_labels)"
                " for o in outputs]) for loss, outputs in validation_outputs.items()}\n",
                "a confidence of exactly 1 into the last bin",
            ),
            (
                "def calibration_error(outputs, labels, n_bins=10):\n"
                "    counts, confidence, accuracy = reliability_bins(outputs, labels, n_bins)\n"
                "    filled = counts > 0\n"
                "    shares = counts[filled] / counts.sum()\n"
                "    return np.sum(shares * np.abs(accuracy[filled] - confidence[filled]))\n"
                "test_outputs = {loss: stacked_run(final_w_ih[i], final_w_ho[i], loss,"
                " test_inputs) for loss, i in chosen.items()}\n"
                "calibration_errors = {loss: np.array([calibration_error(o, test_labels)"
                " for o in outputs]) for loss, outputs in test_outputs.items()}\n",
                "on the validation data",
            ),
            # A confidence of exactly 1 in a bin of its own.
            (
                "def calibration_error(outputs, labels, n_bins=10):\n"
                "    confidence = outputs.max(axis=0)\n"
                "    right = outputs.argmax(axis=0) == labels\n"
                "    which = np.digitize(confidence, np.linspace(0, 1, n_bins + 1))\n"
                "    return sum(np.sum(which == b) / len(confidence)\n"
                "               * abs(right[which == b].mean() - confidence[which == b].mean())\n"
                "               for b in np.unique(which))\n"
                "calibration_errors = {loss: np.array([calibration_error(o, validation_labels)"
                " for o in outputs]) for loss, outputs in validation_outputs.items()}\n",
                "put a confidence of exactly 1 into the last bin",
            ),
            # Bins by rounding, not by cutting off.
            (
                "def calibration_error(outputs, labels, n_bins=10):\n"
                "    confidence = outputs.max(axis=0)\n"
                "    right = outputs.argmax(axis=0) == labels\n"
                "    which = np.minimum(np.round(confidence * n_bins).astype(int), n_bins - 1)\n"
                "    return sum(np.sum(which == b) / len(confidence)\n"
                "               * abs(right[which == b].mean() - confidence[which == b].mean())\n"
                "               for b in np.unique(which))\n"
                "calibration_errors = {loss: np.array([calibration_error(o, validation_labels)"
                " for o in outputs]) for loss, outputs in validation_outputs.items()}\n",
                "weight each filled bin's |accuracy - confidence|",
            ),
            # the outputs scaled to sum to 1, in the chapter's own dict
            (
                "for loss in validation_outputs:\n"
                "    validation_outputs[loss] = validation_outputs[loss] / validation_outputs[\n"
                "        loss].sum(axis=1, keepdims=True)\n"
                "def calibration_error(outputs, labels, n_bins=10):\n"
                "    counts, confidence, accuracy = reliability_bins(outputs, labels, n_bins)\n"
                "    filled = counts > 0\n"
                "    shares = counts[filled] / counts.sum()\n"
                "    return np.sum(shares * np.abs(accuracy[filled] - confidence[filled]))\n"
                "calibration_errors = {loss: np.array([calibration_error(o, validation_labels)"
                " for o in outputs]) for loss, outputs in validation_outputs.items()}\n",
                "`validation_outputs` has changed",
                ("validation_outputs",),
            ),
        ],
        "right": [
            "def calibration_error(outputs, labels, n_bins=10):\n"
            "    confidence = outputs.max(axis=0)\n"
            "    right = outputs.argmax(axis=0) == labels\n"
            "    bins = np.clip(np.floor(confidence * n_bins).astype(int), 0, n_bins - 1)\n"
            "    error = 0.0\n"
            "    for b in np.unique(bins):\n"
            "        inside = bins == b\n"
            "        error += np.abs(right[inside].sum() - confidence[inside].sum())\n"
            "    return error / len(confidence)\n"
            "calibration_errors = {}\n"
            "for loss in ('cross_entropy', 'squared_error'):\n"
            "    calibration_errors[loss] = np.array([\n"
            "        calibration_error(validation_outputs[loss][seed], validation_labels)\n"
            "        for seed in range(10)])\n",
        ],
    },
    # Chapter 11.
    "ex-model-selection-stratified": {
        "wrong": [
            # stratify forgotten
            (
                "_, stratified_labels = train_test_split(rest_labels, test_size=0.25,\n"
                "                                        random_state=1)\n"
                "validation_counts = np.bincount(stratified_labels, minlength=10)",
                "the counts of a split that is not stratified: pass `stratify=rest_labels`",
            ),
            # a fifth instead of a quarter
            (
                "_, stratified_labels = train_test_split(rest_labels, test_size=0.2,\n"
                "                                        stratify=rest_labels, random_state=1)\n"
                "validation_counts = np.bincount(stratified_labels)",
                "adds up to 288 samples: a quarter of the 1,440 samples",
            ),
            # the counts of the training part
            (
                "stratified_labels, _ = train_test_split(rest_labels, test_size=0.25,\n"
                "                                        stratify=rest_labels, random_state=1)\n"
                "validation_counts = np.bincount(stratified_labels)",
                "adds up to 1080 samples",
            ),
            # all 1,797 digits split, the test data included
            (
                "_, stratified_labels = train_test_split(labels, test_size=0.25, stratify=labels,\n"
                "                                        random_state=1)\n"
                "validation_counts = np.bincount(stratified_labels)",
                "adds up to 450 samples",
            ),
            # shares instead of counts
            (
                "_, stratified_labels = train_test_split(rest_labels, test_size=0.25,\n"
                "                                        stratify=rest_labels, random_state=1)\n"
                "validation_counts = np.bincount(stratified_labels) / len(stratified_labels)",
                "should hold numbers of samples",
            ),
            # another seed, whose counts happen to be the same
            (
                "_, stratified_labels = train_test_split(rest_labels, test_size=0.25,\n"
                "                                        stratify=rest_labels, random_state=42)\n"
                "validation_counts = np.bincount(stratified_labels)",
                "another seed gives the same counts, but other samples",
            ),
            # the split stored over the chapter's own data
            (
                "rest_inputs, _, rest_labels, stratified_labels = train_test_split(\n"
                "    rest_inputs, rest_labels, test_size=0.25, stratify=rest_labels,"
                " random_state=1)\n"
                "validation_counts = np.bincount(stratified_labels)",
                "`rest_labels` holds 1080 labels, not the chapter's 1,440",
                ("rest_inputs", "rest_labels"),
            ),
        ],
        "right": [
            "_, validation_part = train_test_split(np.arange(len(rest_labels)), test_size=360,\n"
            "                                      stratify=rest_labels, random_state=1)\n"
            "stratified_labels = rest_labels[validation_part]\n"
            "validation_counts = np.array([np.sum(stratified_labels == digit)\n"
            "                              for digit in range(10)])",
        ],
    },
    "ex-model-selection-best-epoch": {
        "wrong": [
            # the training accuracy
            (
                "best_accuracy_epoch = int(np.argmax(histories[0].accuracy)) + 1\n"
                "best_validation_accuracy = max(histories[0].accuracy)",
                "the epoch of the highest *training* accuracy",
            ),
            # off by one: np.argmax counts from 0
            (
                "best_accuracy_epoch = int(np.argmax(histories[0].validation_accuracy))\n"
                "best_validation_accuracy = max(histories[0].validation_accuracy)",
                "one too small: `np.argmax` counts from 0, epochs from 1",
            ),
            # the lowest validation error, as early stopping keeps it
            (
                "best_accuracy_epoch = run.best_epoch\n"
                "best_validation_accuracy = run.validation_accuracy[run.best_epoch - 1]",
                "the epoch of the lowest validation *error*",
            ),
            # the last of the tied epochs
            (
                "curve = np.array(histories[0].validation_accuracy)\n"
                "best_accuracy_epoch = int(np.flatnonzero(curve == curve.max())[-1]) + 1\n"
                "best_validation_accuracy = curve.max()",
                "the last of the epochs that share the highest validation accuracy",
            ),
            # the accuracy in percent
            (
                "best_accuracy_epoch = int(np.argmax(histories[0].validation_accuracy)) + 1\n"
                "best_validation_accuracy = 100 * max(histories[0].validation_accuracy)",
                "`best_validation_accuracy` is a percentage: store the share",
            ),
        ],
        "right": [
            "best_validation_accuracy = max(histories[0].validation_accuracy)\n"
            "best_accuracy_epoch = (\n"
            "    histories[0].validation_accuracy.index(best_validation_accuracy) + 1)",
        ],
    },
    "ex-model-selection-cross-validation": {
        "wrong": [
            # folds that are not stratified
            (
                _cross_validation(
                    "list(KFold(n_splits=4, shuffle=True, random_state=1).split(rest_inputs))",
                    preamble="from sklearn.model_selection import KFold\n",
                ),
                "the folds are not stratified; use `StratifiedKFold`",
            ),
            # each fold's network trained on all samples, its validation samples included
            (
                "cv_folds = list(StratifiedKFold(n_splits=4, shuffle=True, random_state=1)\n"
                "                .split(rest_inputs, rest_labels))\n"
                "fold_accuracies = []\n"
                "for t, v in cv_folds:\n"
                "    net = new_network(16, 1.0, seed=0)\n"
                "    net.fit(rest_inputs, rest_targets, epochs=10, batch_size=32, seed=0)\n"
                "    fold_accuracies.append(metrics.accuracy(rest_labels[v],\n"
                "                                            net.predict(rest_inputs[v])))\n"
                "fold_accuracies = np.array(fold_accuracies)\n"
                "cv_mean, cv_sd = fold_accuracies.mean(), fold_accuracies.std(ddof=1)",
                "trained on all of `rest_inputs`, its fold's validation samples included",
            ),
            # the leak written into the folds themselves
            (
                "cv_folds = [(np.arange(len(rest_labels)), v) for _, v in\n"
                "            StratifiedKFold(n_splits=4, shuffle=True, random_state=1)\n"
                "            .split(rest_inputs, rest_labels)]\n"
                "fold_accuracies = np.zeros(4)\n"
                "cv_mean, cv_sd = 0.0, 0.0",
                "fold 0 trains on some of its own validation samples",
            ),
            # measured on the test data
            (
                "cv_folds = list(StratifiedKFold(n_splits=4, shuffle=True, random_state=1)\n"
                "                .split(rest_inputs, rest_labels))\n"
                "fold_accuracies = []\n"
                "for t, v in cv_folds:\n"
                "    net = new_network(16, 1.0, seed=0)\n"
                "    net.fit(rest_inputs[t], rest_targets[t], epochs=10, batch_size=32, seed=0)\n"
                "    fold_accuracies.append(metrics.accuracy(test_labels,\n"
                "                                            net.predict(test_inputs)))\n"
                "fold_accuracies = np.array(fold_accuracies)\n"
                "cv_mean, cv_sd = fold_accuracies.mean(), fold_accuracies.std(ddof=1)",
                "were measured on the test data",
            ),
            # another seed in each fold
            (
                "cv_folds = list(StratifiedKFold(n_splits=4, shuffle=True, random_state=1)\n"
                "                .split(rest_inputs, rest_labels))\n"
                "fold_accuracies = []\n"
                "for number, (t, v) in enumerate(cv_folds):\n"
                "    net = new_network(16, 1.0, seed=number)\n"
                "    net.fit(rest_inputs[t], rest_targets[t], epochs=10, batch_size=32,\n"
                "            seed=number)\n"
                "    fold_accuracies.append(metrics.accuracy(rest_labels[v],\n"
                "                                            net.predict(rest_inputs[v])))\n"
                "fold_accuracies = np.array(fold_accuracies)\n"
                "cv_mean, cv_sd = fold_accuracies.mean(), fold_accuracies.std(ddof=1)",
                "train each fold's network as described",
            ),
            # the standard deviation without ddof=1
            (
                _cross_validation(f"list({_STRATIFIED_FOLDS})", spread="fold_accuracies.std()"),
                "with `ddof=1`",
            ),
            # the pairs the other way round
            (
                _cross_validation(f"[(v, t) for t, v in {_STRATIFIED_FOLDS}]"),
                "each pair is (training indices, validation indices)",
            ),
            # the folds of the 1,152 training samples of the first split
            (
                _cross_validation(
                    "list(StratifiedKFold(n_splits=4, shuffle=True, random_state=1)\n"
                    "                .split(train_inputs, train_labels))"
                ),
                "fold 0 splits 1152 samples, not the 1,440 of `rest_inputs`",
            ),
            # percentages
            (
                _cross_validation(
                    f"list({_STRATIFIED_FOLDS})", accuracies="100 * np.array(fold_accuracies)"
                ),
                "`fold_accuracies` holds percentages",
            ),
            # the mean rounded to the digits printed
            (
                _cross_validation(f"list({_STRATIFIED_FOLDS})") + "\ncv_mean = round(cv_mean, 3)",
                "`cv_mean` is rounded, got",
            ),
        ],
        "right": [
            "def fold_accuracy(training_part, validation_part):\n"
            "    net = NeuralNetwork(network_structure=[64, 16, 10], learning_rate=1.0,\n"
            "                        bias=True, seed=0, loss='cross_entropy')\n"
            "    net.fit(rest_inputs[training_part],\n"
            "            metrics.one_hot(rest_labels[training_part], n_classes=10),\n"
            "            epochs=10, batch_size=32, seed=0)\n"
            "    return np.mean(net.predict(rest_inputs[validation_part])\n"
            "                   == rest_labels[validation_part])\n"
            "\n"
            "\n"
            "splitter = StratifiedKFold(n_splits=4, shuffle=True, random_state=1)\n"
            "cv_folds = list(splitter.split(np.zeros(len(rest_labels)), rest_labels))\n"
            "fold_accuracies = np.array([fold_accuracy(t, v) for t, v in cv_folds])\n"
            "cv_mean = np.mean(fold_accuracies)\n"
            "cv_sd = np.std(fold_accuracies, ddof=1)",
        ],
    },
    # Chapter 12.
    "ex-regularisation-penalty": {
        "wrong": [
            (
                "l2_penalty = 0.5 * l2_network.l2 * "
                "sum(np.sum(w ** 2) for w in l2_network.weights)",
                "includes the bias column",
            ),
            (
                "l2_penalty = l2_network.l2 * "
                "sum(np.sum(w[:, :-1] ** 2) for w in l2_network.weights)",
                "the ½ of ½λ‖W‖² is missing",
            ),
            (
                "l2_penalty = l2_network.l2 * "
                "sum(np.linalg.norm(w) ** 2 for w in l2_network.weights)",
                "includes the bias column and leaves out the ½",
            ),
            (
                "l2_penalty = 0.5 * "
                "l2_network.l2 * sum(np.linalg.norm(w[:, :-1]) for w in l2_network.weights)",
                "sum of the squares of all weights of both matrices",
            ),
            (
                "l2_penalty = 0.5 * "
                "l2_network.l2 * np.sum(l2_network.weights_in_hidden[:, :-1] ** 2)",
                "sums only the first matrix",
            ),
            (
                "l2_penalty = 0.5 * sum(np.sum(w[:, :-1] ** 2) for w in l2_network.weights)",
                "leaves out λ",
            ),
            ("l2_penalty = 0.007", "sum of the squares of all weights of both matrices"),
            # rounded to the digits printed
            (
                "l2_penalty = round(0.5 * l2_network.l2 * "
                "sum(np.sum(w[:, :-1] ** 2) for w in l2_network.weights), 5)",
                "`l2_penalty` is rounded, got",
            ),
            # one penalty per matrix
            (
                "l2_penalty = [0.5 * l2_network.l2 * np.sum(w[:, :-1] ** 2)\n"
                "              for w in l2_network.weights]",
                "`l2_penalty` should be one number, the sum over both matrices",
            ),
            # the network trained first
            (
                "l2_network.fit(train_inputs, np.eye(10)[train_labels], epochs=5, batch_size=10,"
                " seed=0)\n"
                "l2_penalty = 0.5 * l2_network.l2 * "
                "sum(np.sum(w[:, :-1] ** 2) for w in l2_network.weights)",
                "`l2_network` has been trained or changed since",
                ("l2_network",),
            ),
        ],
        "right": [
            "rows = [w[:, :-1].ravel() for w in l2_network.weights]\n"
            "l2_penalty = l2_network.l2 / 2 * sum(v @ v for v in rows)",
        ],
    },
    "ex-regularisation-shift": {
        "wrong": [
            (
                "def shift(inputs, down, right):\n"
                "    images = inputs.reshape(-1, 8, 8)\n"
                "    return np.roll(images, (down, right), axis=(1, 2)).reshape(-1, 64)\n"
                + _DIAGONALS
                + "diagonal_labels = np.tile(train_labels, 5)",
                "wraps around, as np.roll does",
            ),
            (
                "def shift(inputs, down, right):\n"
                "    padded = np.pad(inputs.reshape(-1, 8, 8), ((0, 0), (8, 8), (8, 8)))\n"
                "    return padded[:, 8 - right:16 - right, 8 - down:16 - down].reshape(-1, 64)\n"
                + _DIAGONALS
                + "diagonal_labels = np.tile(train_labels, 5)",
                "moves the image right, not down",
            ),
            (
                "def shift(inputs, down, right):\n"
                "    padded = np.pad(inputs.reshape(-1, 8, 8), ((0, 0), (8, 8), (8, 8)))\n"
                "    return padded[:, 8 + down:16 + down, 8 + right:16 + right].reshape(-1, 64)\n"
                + _DIAGONALS
                + "diagonal_labels = np.tile(train_labels, 5)",
                "moves the image up",
            ),
            (
                _SHIFT_BY_PADDING + _DIAGONALS + "diagonal_labels = train_labels",
                "should hold one label for each of the 750 rows",
            ),
            (
                _SHIFT_BY_PADDING + _DIAGONALS + "diagonal_labels = np.repeat(train_labels, 5)",
                "repeat the whole list (np.tile)",
            ),
            (
                "def shift(inputs, down, right):\n"
                "    images = inputs.reshape(-1, 8, 8)\n"
                "    images[:] = np.roll(images, (down, right), axis=(1, 2))\n"
                "    if down > 0:\n        images[:, :down] = 0\n"
                "    if down < 0:\n        images[:, down:] = 0\n"
                "    if right > 0:\n        images[:, :, :right] = 0\n"
                "    if right < 0:\n        images[:, :, right:] = 0\n"
                "    return images.reshape(-1, 64)\n",
                "changes the images it is given",
            ),
            (
                _SHIFT_BY_PADDING
                + "diagonal_inputs = np.vstack([shift(train_inputs, d, r) for d, r in "
                "[(-1, -1), (-1, 1), (1, -1), (1, 1)]])\n"
                "diagonal_labels = np.tile(train_labels, 4)",
                "should be an array of shape (750, 64)",
            ),
        ],
        "right": [
            "def shift(inputs, down, right):\n"
            "    images = inputs.reshape(-1, 8, 8)\n"
            "    result = np.zeros_like(images)\n"
            "    to_rows = slice(max(down, 0), 8 + min(down, 0))\n"
            "    from_rows = slice(max(-down, 0), 8 + min(-down, 0))\n"
            "    to_columns = slice(max(right, 0), 8 + min(right, 0))\n"
            "    from_columns = slice(max(-right, 0), 8 + min(-right, 0))\n"
            "    result[:, to_rows, to_columns] = images[:, from_rows, from_columns]\n"
            "    return result.reshape(-1, 64)\n"
            "parts = [train_inputs]\n"
            "for d, r in [(-1, -1), (-1, 1), (1, -1), (1, 1)]:\n"
            "    parts.append(shift(train_inputs, d, r))\n"
            "diagonal_inputs = np.concatenate(parts)\n"
            "diagonal_labels = np.concatenate([train_labels] * 5)",
        ],
    },
    "ex-regularisation-choose": {
        "wrong": [
            (
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks(range(3), train_inputs, train_labels, validation, "
                "epochs=20, l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, test_inputs, test_labels)[0].mean() "
                "for w in nets])\n"
                "best_l2 = l2_grid[int(np.argmax(grid_accuracy))]\n"
                "best_l2_test_accuracy = grid_accuracy.max()",
                "holds test accuracies",
            ),
            (
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks(range(3), train_inputs, train_labels, validation, "
                "epochs=20, l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, train_inputs, train_labels)[0].mean() "
                "for w in nets])\n"
                "best_l2 = l2_grid[int(np.argmax(grid_accuracy))]\n"
                "best_l2_test_accuracy = measure(nets[0], test_inputs, test_labels)[0].mean()",
                "holds training accuracies",
            ),
            (
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks(range(3), train_inputs, train_labels, validation, "
                "l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, *validation)[0].mean() for w in nets])\n"
                "best_l2 = l2_grid[int(np.argmax(grid_accuracy))]\n"
                "best_l2_test_accuracy = measure(nets[0], test_inputs, test_labels)[0].mean()",
                "after 20 epochs",
            ),
            (
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks([0], train_inputs, train_labels, validation, "
                "epochs=20, l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, *validation)[0].mean() for w in nets])\n"
                "best_l2 = l2_grid[int(np.argmax(grid_accuracy))]\n"
                "best_l2_test_accuracy = measure(nets[0], test_inputs, test_labels)[0].mean()",
                "seeds 0, 1 and 2",
            ),
            (
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks(range(3), train_inputs, train_labels, validation, "
                "epochs=20, l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, *validation)[0].mean() for w in nets])\n"
                "best_l2 = l2_grid[int(np.argmin(grid_accuracy))]\n"
                "best_l2_test_accuracy = measure(nets[2], test_inputs, test_labels)[0].mean()",
                "has the lowest mean validation accuracy",
            ),
            (
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks(range(3), train_inputs, train_labels, validation, "
                "epochs=20, l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, *validation)[0].mean() for w in nets])\n"
                "best_l2 = l2_grid[int(np.argmax(grid_accuracy))]\n"
                "best_l2_test_accuracy = grid_accuracy.max()",
                "mean test accuracy of the three networks",
            ),
            # the position of the best λ, not the λ
            (
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks(range(3), train_inputs, train_labels, validation, "
                "epochs=20, l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, *validation)[0].mean() for w in nets])\n"
                "best_l2 = int(np.argmax(grid_accuracy))\n"
                "best_l2_test_accuracy = measure(nets[best_l2], test_inputs,"
                " test_labels)[0].mean()",
                "is a position in the grid: store the λ itself",
            ),
            # the chapter's training data replaced by the shifted copies
            (
                "train_inputs, train_labels = more_inputs, more_labels\n"
                "l2_grid = [0.0, 3e-3, 3e-2]\n"
                "nets = [train_networks(range(3), train_inputs, train_labels, validation, "
                "epochs=20, l2=v)[0] for v in l2_grid]\n"
                "grid_accuracy = np.array([measure(w, *validation)[0].mean() for w in nets])\n"
                "best_l2 = l2_grid[int(np.argmax(grid_accuracy))]\n"
                "best_l2_test_accuracy = measure(nets[1], test_inputs, test_labels)[0].mean()",
                "`train_inputs` holds 750 samples, not the chapter's 150",
                ("train_inputs", "train_labels"),
            ),
        ],
        "right": [
            "accuracy_of = {}\n"
            "test_of = {}\n"
            "for value in (0.0, 3e-3, 3e-2):\n"
            "    weights, curves = train_networks([0, 1, 2], train_inputs, train_labels,\n"
            "                                     validation, epochs=20, l2=value)\n"
            "    accuracy_of[value] = curves['validation_accuracy'][-1].mean()\n"
            "    test_of[value] = measure(weights, test_inputs, test_labels)[0].mean()\n"
            "grid_accuracy = np.array(list(accuracy_of.values()))\n"
            "best_l2 = max(accuracy_of, key=accuracy_of.get)\n"
            "best_l2_test_accuracy = test_of[best_l2]",
        ],
    },
    # Chapter 13.
    "ex-deeper-count": {
        "wrong": [
            # The bias weights forgotten.
            (
                "def count_weights(structure, bias=True):\n"
                "    return sum(a * b for a, b in zip(structure, structure[1:]))",
                "the bias weights are missing, one per node of each layer after the inputs",
            ),
            # The bias node counted on the wrong side: n_in · (n_out + 1).
            (
                "def count_weights(structure, bias=True):\n"
                "    return sum(n_in * (n_out + bias)\n"
                "               for n_in, n_out in zip(structure[:-1], structure[1:]))",
                "a bias node adds one weight per node it leads into",
            ),
            # Nodes counted instead of weights.
            (
                "def count_weights(structure, bias=True):\n"
                "    return sum(structure) + bias * (len(structure) - 1)",
                "count n_out · (n_in + 1) weights per layer with bias",
            ),
            # `bias` ignored: always counts the bias weights.
            (
                "def count_weights(structure, bias=True):\n"
                "    return sum(n_out * (n_in + 1)\n"
                "               for n_in, n_out in zip(structure[:-1], structure[1:]))",
                "`count_weights([64, 32, 32, 32, 10], bias=False)` is not right, got 4522",
            ),
            # A number copied for this chapter's network only.
            (
                "def count_weights(structure, bias=True):\n    return 4522",
                "`count_weights([64, 32, 32, 32, 10], bias=False)` is not right, got 4522",
            ),
            # bias=False as the default
            (
                "def count_weights(structure, bias=False):\n"
                "    return sum(n_out * (n_in + bias) for n_in, n_out in pairwise(structure))",
                "make `bias=True` the default",
            ),
            # the bias nodes added to the caller's list
            (
                "def count_weights(structure, bias=True):\n"
                "    if bias:\n"
                "        structure[:-1] = [n + 1 for n in structure[:-1]]\n"
                "    return sum(a * b for a, b in pairwise(structure))",
                "changed the list it was given into [65, 33, 33, 33, 10]",
            ),
        ],
        "right": [
            "def count_weights(structure, bias=True):\n"
            "    sizes = np.array(structure)\n"
            "    return int(np.sum(sizes[1:] * (sizes[:-1] + int(bias))))",
            "def count_weights(structure, bias=True):\n"
            "    net = NeuralNetwork(network_structure=list(structure), learning_rate=1.0,\n"
            "                        bias=bias)\n"
            "    return sum(w.size for w in net.weights)",
        ],
    },
    "ex-deeper-adam": {
        "wrong": [
            # No bias correction.
            (
                "w = np.array([1.0, -2.0, 0.5])\nm = np.zeros(3)\nv = np.zeros(3)\n"
                "result = []\n"
                "for g in (np.array([0.4, -0.2, 0.0]), np.array([0.2, 0.1, -0.3])):\n"
                "    m = 0.9 * m + 0.1 * g\n"
                "    v = 0.999 * v + 0.001 * g**2\n"
                "    w = w - 0.1 * m / (np.sqrt(v) + 1e-8)\n"
                "    result.append(w)\n"
                "after_one, after_two = result",
                "without the bias correction",
            ),
            # β₁ and β₂ swapped: the first step is the same, the second is not.
            (
                "w = np.array([1.0, -2.0, 0.5])\nm = np.zeros(3)\nv = np.zeros(3)\n"
                "result = []\n"
                "for t, g in enumerate((np.array([0.4, -0.2, 0.0]),\n"
                "                       np.array([0.2, 0.1, -0.3])), start=1):\n"
                "    m = 0.999 * m + 0.001 * g\n"
                "    v = 0.9 * v + 0.1 * g**2\n"
                "    w = w - 0.1 * (m / (1 - 0.999**t)) / (np.sqrt(v / (1 - 0.9**t)) + 1e-8)\n"
                "    result.append(w)\n"
                "after_one, after_two = result",
                "the result with β₁ and β₂ swapped",
            ),
            # The step counter not increased: t = 1 in both corrections.
            (
                "w = np.array([1.0, -2.0, 0.5])\nm = np.zeros(3)\nv = np.zeros(3)\n"
                "result = []\n"
                "for g in (np.array([0.4, -0.2, 0.0]), np.array([0.2, 0.1, -0.3])):\n"
                "    m = 0.9 * m + 0.1 * g\n"
                "    v = 0.999 * v + 0.001 * g**2\n"
                "    w = w - 0.1 * (m / 0.1) / (np.sqrt(v / 0.001) + 1e-8)\n"
                "    result.append(w)\n"
                "after_one, after_two = result",
                "with t = 1 in the bias correction of both steps",
            ),
            # The step added instead of subtracted.
            (
                "w = np.array([1.0, -2.0, 0.5])\nm = np.zeros(3)\nv = np.zeros(3)\n"
                "result = []\n"
                "for t, g in enumerate((np.array([0.4, -0.2, 0.0]),\n"
                "                       np.array([0.2, 0.1, -0.3])), start=1):\n"
                "    m = 0.9 * m + 0.1 * g\n"
                "    v = 0.999 * v + 0.001 * g**2\n"
                "    w = w + 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)\n"
                "    result.append(w)\n"
                "after_one, after_two = result",
                "with the step added",
            ),
            # The weights after one step copied into both names.
            (
                "after_one = np.array([0.9, -1.9, 0.5])\nafter_two = after_one",
                "`after_two` is not right, got [ 0.9, -1.9, 0.5]: follow equation",
            ),
            # the weights stepped in place, and no copy kept after the first step
            (
                "w = np.array([1.0, -2.0, 0.5])\nm = np.zeros(3)\nv = np.zeros(3)\n"
                "for t, g in enumerate((np.array([0.4, -0.2, 0.0]),\n"
                "                       np.array([0.2, 0.1, -0.3])), start=1):\n"
                "    m = 0.9 * m + 0.1 * g\n"
                "    v = 0.999 * v + 0.001 * g**2\n"
                "    w -= 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)\n"
                "    if t == 1:\n"
                "        after_one = w\n"
                "after_two = w",
                "`after_one` is the same array as `after_two`",
            ),
            # the library's steps, rounded to the digits printed
            (
                "from nnlib.optimizers import Adam as LibraryAdam\n\n"
                "adam = LibraryAdam()\n"
                "w = [np.array([1.0, -2.0, 0.5])]\n"
                "adam.step(w, [np.array([0.4, -0.2, 0.0])], 0.1)\n"
                "after_one = w[0].round(4)\n"
                "adam.step(w, [np.array([0.2, 0.1, -0.3])], 0.1)\n"
                "after_two = w[0].round(4)",
                "`after_two` holds rounded values: keep every digit",
            ),
        ],
        "right": [
            "from nnlib.optimizers import Adam as LibraryAdam\n\n"
            "adam = LibraryAdam(beta1=0.9, beta2=0.999, epsilon=1e-8)\n"
            "w = [np.array([1.0, -2.0, 0.5])]\n"
            "adam.step(w, [np.array([0.4, -0.2, 0.0])], 0.1)\n"
            "after_one = w[0].copy()\n"
            "adam.step(w, [np.array([0.2, 0.1, -0.3])], 0.1)\n"
            "after_two = w[0].copy()",
        ],
    },
    "ex-deeper-depth": {
        "wrong": [
            # The ratio upside down: last over first.
            (
                _depth_ratios(ratio="np.linalg.norm(g[-1]) / np.linalg.norm(g[0])", deepest="6"),
                "is the last layer's norm over the first's",
            ),
            # Squared norms.
            (
                _depth_ratios(ratio="np.sum(g[0] ** 2) / np.sum(g[-1] ** 2)", deepest="2"),
                "holds ratios of squared norms",
            ),
            # The book's initial weights (weight_init left at its default).
            (
                _depth_ratios(weight_init="", deepest="2"),
                "comes from the book's initial weights",
            ),
            # The validation data instead of the training data.
            (
                _depth_ratios(data="validation_inputs, validation_targets", deepest="3"),
                "comes from the validation data: use all training samples",
            ),
            # The mean over the seeds instead of the median.
            (
                "depth_ratios = np.zeros(6)\n"
                "for k in range(1, 7):\n"
                "    nets = [NeuralNetwork(network_structure=[64] + [32] * k + [10],\n"
                "                          learning_rate=1.0, bias=True, seed=seed,\n"
                "                          loss='cross_entropy', weight_init='glorot')\n"
                "            for seed in range(5)]\n"
                "    grads = [net.gradients(train_inputs, train_targets) for net in nets]\n"
                "    depth_ratios[k - 1] = np.mean([np.linalg.norm(g[0]) / np.linalg.norm(g[-1])\n"
                "                                   for g in grads])\n"
                "deepest = 3",
                "holds the mean over the seeds: take the median",
            ),
            # Right ratios, but the depth counted in weight matrices (k + 1).
            (
                _depth_ratios(deepest="int(np.arange(2, 8)[depth_ratios >= 0.01].max())"),
                "count hidden layers (not weight matrices)",
            ),
            # Right ratios, but the first depth whose ratio falls below 0.01.
            (
                _depth_ratios(deepest="int(np.argmax(depth_ratios < 0.01)) + 1"),
                "take the largest k whose ratio is still at least 0.01 (not the first below)",
            ),
        ],
        "right": [
            "def ratio(k, seed):\n"
            "    net = NeuralNetwork(network_structure=[64, *[32] * k, 10], learning_rate=0.5,\n"
            "                        bias=True, seed=seed, activation='sigmoid',\n"
            "                        loss='cross_entropy', weight_init='glorot')\n"
            "    first, *_, last = net.gradients(train_inputs, train_targets)\n"
            "    return np.sqrt(np.sum(first**2) / np.sum(last**2))\n\n\n"
            "depth_ratios = np.median([[ratio(k, s) for k in range(1, 7)] for s in range(5)],\n"
            "                         axis=0)\n"
            "deepest = max(k for k in range(1, 7) if depth_ratios[k - 1] >= 0.01)",
        ],
    },
    # Chapter 14.
    "ex-fashion-scale": {
        "wrong": [
            # integer division
            (
                "unit_pixels = data.test_images[:1000] // 255",
                "holds whole numbers (uint8): `//` is integer division",
            ),
            # integer division, then float32
            (
                "unit_pixels = (data.test_images[:1000] // 255).astype(np.float32)",
                "holds whole numbers (float32): `//` is integer division",
            ),
            # float64, the default of `/`
            (
                "unit_pixels = data.test_images[:1000] / 255",
                "`unit_pixels` is float64, not float32",
            ),
            # divided by the number of grey values
            (
                "unit_pixels = data.test_images[:1000].astype(np.float32) / 256",
                "the largest value of `unit_pixels` is 0.9961, not 1: divide by 255",
            ),
            # the training images instead of the test images
            (
                "unit_pixels = data.train_images[:1000].astype(np.float32) / 255",
                "it should be the first 1,000 test images, each pixel divided by 255",
            ),
            # the centred inputs of the chapter
            (
                "unit_pixels = test_inputs[:1000]",
                "it should be the first 1,000 test images, each pixel divided by 255",
            ),
        ],
        "right": [
            "unit_pixels = np.float32(1 / 255) * data.test_images[:1000]",
        ],
    },
    "ex-fashion-classes": {
        "wrong": [
            # columns instead of rows: the precision of each answer
            (
                "class_accuracy = np.diag(confusion) / confusion.sum(axis=0)\n"
                "hardest_class = class_names[np.argmin(class_accuracy)]\n"
                "most_confused = (6, 0)",
                "divides by the column sums, the answers",
            ),
            # the chapter's one run, not the five networks
            (
                "class_accuracy = np.diag(this_run) / this_run.sum(axis=1)\n"
                "hardest_class = class_names[np.argmin(class_accuracy)]\n"
                "most_confused = (6, 0)",
                "`class_accuracy` is that of this chapter's one network, `this_run`",
            ),
            # divided by all answers
            (
                "class_accuracy = np.diag(confusion) / confusion.sum()\n"
                "hardest_class = class_names[np.argmin(class_accuracy)]\n"
                "most_confused = (6, 0)",
                "each entry should be the diagonal entry over the sum of its row",
            ),
            # the label instead of the name
            (
                "class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
                "hardest_class = np.argmin(class_accuracy)\n"
                "most_confused = (6, 0)",
                "`hardest_class` should be the name of one class, a string, got 6",
            ),
            # the diagonal not set to 0
            (
                "class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
                "hardest_class = class_names[np.argmin(class_accuracy)]\n"
                "most_confused = np.unravel_index(np.argmax(confusion), confusion.shape)",
                "on the diagonal: those are the right answers",
            ),
            # (answer, true class)
            (
                "class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
                "hardest_class = class_names[np.argmin(class_accuracy)]\n"
                "mistakes = confusion.T - np.diag(np.diag(confusion))\n"
                "most_confused = np.unravel_index(np.argmax(mistakes), mistakes.shape)",
                "the pair the wrong way round",
            ),
            # the diagonal of the chapter's matrix set to 0, not that of a copy
            (
                "off_diagonal = confusion\n"
                "np.fill_diagonal(off_diagonal, 0)\n"
                "class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
                "hardest_class = class_names[int(np.argmin(class_accuracy))]\n"
                "most_confused = tuple(int(i) for i in np.unravel_index(\n"
                "    np.argmax(off_diagonal), off_diagonal.shape))",
                "`confusion` has changed: work on a copy",
                ("confusion",),
            ),
            # percentages
            (
                "class_accuracy = 100 * np.diag(confusion) / confusion.sum(axis=1)\n"
                "hardest_class = class_names[int(np.argmin(class_accuracy))]\n"
                "most_confused = (6, 0)",
                "`class_accuracy` holds percentages",
            ),
            # a boolean mask keeps an array of one name
            (
                "class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
                "hardest_class = np.array(class_names)[class_accuracy == class_accuracy.min()]\n"
                "most_confused = (6, 0)",
                "`hardest_class` should be the name of one class, a string",
            ),
            # the names of the classes, not their labels
            (
                "class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
                "hardest_class = class_names[int(np.argmin(class_accuracy))]\n"
                "most_confused = ('Shirt', 'T-shirt/top')",
                "`most_confused` should hold two labels, whole numbers from 0 to 9",
            ),
        ],
        "right": [
            "class_accuracy = np.array([row[i] / row.sum() for i, row in enumerate(confusion)])\n"
            "hardest_class = class_names[int(class_accuracy.argmin())]\n"
            "masked = np.where(np.eye(10, dtype=bool), -1, confusion)\n"
            "most_confused = divmod(int(masked.argmax()), 10)",
        ],
    },
    "ex-fashion-subset": {
        "wrong": [
            # measured on the test data
            (
                _subset_accuracies(accuracy="np.mean(small.predict(test_inputs) == test_labels)"),
                "is the accuracy on the test data",
            ),
            # measured on the training images
            (
                _subset_accuracies(fit=f"history = {_SUBSET_FIT}", accuracy="history.accuracy[-1]"),
                "is the accuracy on the training images",
            ),
            # other settings than named: one epoch
            (
                _subset_accuracies(fit=_SUBSET_FIT.replace("epochs=3", "epochs=1")),
                "it should be the validation accuracy of the network trained exactly as described",
            ),
            # the lower one
            (
                _subset_accuracies(better="min"),
                "whose validation accuracy is higher",
            ),
            # a made-up number
            (
                "subset_accuracy = {0.0: 0.85, 0.01: 0.84}\nbetter_l2 = 0.0",
                "it should be the validation accuracy of the network trained exactly as described",
            ),
            # the validation curve stored, not the final accuracy
            (
                "subset_accuracy = {0.0: [0.79, 0.81, 0.82], 0.01: [0.79, 0.81, 0.82]}\n"
                "better_l2 = 0.0",
                "each value of `subset_accuracy` should be one number",
            ),
            # percentages
            (
                _subset_accuracies(
                    accuracy="100 * metrics.accuracy(validation_labels,"
                    " small.predict(validation_inputs))"
                ),
                "is a percentage: store the share, between 0 and 1",
            ),
        ],
        "right": [
            "def validation_accuracy_of(penalty):\n"
            "    net = NeuralNetwork(network_structure=[784, 64, 10], learning_rate=0.001,"
            " bias=True, seed=0, activation='relu', loss='cross_entropy',"
            " weight_init='he', optimizer='adam', l2=penalty)\n"
            "    net.fit(train_inputs[:5000], train_targets[:5000], epochs=3,"
            " batch_size=100, seed=0)\n"
            "    return metrics.accuracy(validation_labels, net.predict(validation_inputs))\n"
            "\n"
            "subset_accuracy = {penalty: validation_accuracy_of(penalty)"
            " for penalty in (0.0, 0.01)}\n"
            "better_l2 = sorted(subset_accuracy.items(), key=lambda item: item[1])[-1][0]",
        ],
    },
}
