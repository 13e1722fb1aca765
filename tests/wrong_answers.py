"""Answers that learners write to every exercise: typical wrong ones, each with a piece
of the one-line verdict its check must print, and correct ones written differently
from the solution, which the check must pass.

`make test` tries each of them in the chapter, in the students' environment, after the
empty answer and before the solution (tools/trials.py).
"""

WRONG_ANSWERS = {
    # Chapter 1: rows and columns swapped.
    "ex-weights-by-hand": (
        "layer_nodes, layer_inputs = 3, 2\nlayer_output = np.array([[-2.0], [1.0]])",
        "`layer_nodes` is not right, got 3: a layer has one node per row of W",
    ),
    "ex-weights-bound": (
        "W_25 = initial_weights(25, 10, seed=7)\nlargest_weight = W_25.max()",
        "`W_25` should be an array of shape (10, 25), got shape (25, 10)",
    ),
    # Only one tail of the distribution cut off.
    "ex-weights-mass": (
        "bounds = 1 / np.sqrt([1, 4, 100])\n"
        "inside_probability = stats.norm.cdf(bounds)\n"
        "inside_fraction = np.zeros(3)",
        "`inside_probability` is not right, got [0.8413, 0.6915, 0.5398]",
    ),
    # Chapter 2.
    "ex-activations-tanh": (
        "def tanh_from_sigmoid(x):\n    return 2 * expit(x) - 1",
        "`tanh_from_sigmoid(-3.0)` should be -0.995055, got -0.905148",
    ),
    # Plain ReLU: the example hint of the course's own description.
    "ex-activations-leaky": (
        "def leaky_relu(x, alpha=0.01):\n    return np.maximum(x, 0)\n\n\n"
        "def leaky_relu_derivative(x, alpha=0.01):\n    return (x > 0) * 1.0",
        "`leaky_relu(-2.0)` should be negative, got 0.0",
    ),
    "ex-activations-stable": (
        "def stable_sigmoid(x):\n    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))",
        "`stable_sigmoid(-1e+06)` should give no warning, but warns: overflow encountered in exp",
    ),
    # Chapter 3: hidden and output sizes swapped.
    "ex-class-digits": (
        "digits_network = LibraryNetwork(784, 100, 10, 0.1, seed=1)\ndigits_weight_count = 79_400",
        "`digits_network.weights_in_hidden` should be an array of shape (100, 784), "
        "got shape (10, 784)",
    ),
    "ex-class-bounds": (
        "network_9_16_2 = LibraryNetwork(9, 2, 16, 0.1, seed=5)\n"
        "bound_in_hidden, bound_hidden_out = 1 / np.sqrt(16), 1 / np.sqrt(9)",
        "`bound_in_hidden` is not right, got 0.25",
    ),
    "ex-class-layers": (
        "from nnlib.weights import initial_weights\n\n\nclass DeepNetwork:\n"
        "    def __init__(self, layer_sizes, learning_rate, *, seed=None):\n"
        "        rng = np.random.default_rng(seed)\n"
        "        pairs = zip(layer_sizes[:-1], layer_sizes[1:])\n"
        "        self.weights = [initial_weights(n_in, n_out, rng) for n_in, n_out in pairs]",
        "should have the shapes [(5, 3), (4, 5), (2, 4)] (nodes, inputs), "
        "got [(3, 5), (5, 4), (4, 2)]",
    ),
    # Chapter 4.
    "ex-run-shapes": (
        "shape_one_sample, shape_six_samples = (1, 4), (6, 4)",
        "`shape_one_sample` is not right, got (1, 4): one row per output node",
    ),
    "ex-run-zero-weights": (
        "zero_network = LibraryNetwork(2, 2, 4, 0.1, seed=0)\n"
        "zero_network.weights_in_hidden = np.zeros((4, 2))\n"
        "zero_network.weights_hidden_out = np.zeros((2, 4))\n"
        "zero_output = 0.0",
        "`zero_output` is not right, got 0.0: with zero weights every weighted sum is 0",
    ),
    # The input taken as rows, not as columns.
    "ex-run-any-depth": (
        "def forward(weight_matrices, input_vector):\n"
        "    values = np.array(input_vector, ndmin=2)\n"
        "    for weights in weight_matrices:\n"
        "        values = activation_function(weights @ values)\n"
        "    return values",
        "Your code raised ValueError during the check: matmul",
    ),
    # Chapter 5: the distance of the boundary taken as |b|, not divided by |w|.
    "ex-bias-origin": (
        "origin_bias = np.log(0.9 / 0.1)\nboundary_distance = abs(origin_bias)",
        "`boundary_distance` is not right, got 2.19722: the line w·x + b = 0 is |b| / |w| away",
    ),
    # The output layer's bias forgotten.
    "ex-bias-count": (
        "def number_of_weights(n_in, n_hidden, n_out, bias):\n"
        "    return n_hidden * (n_in + bias) + n_out * n_hidden",
        "`number_of_weights(64, 100, 10, True)` should be 7510, got 7500",
    ),
    # The outputs, not the sums before the sigmoid.
    "ex-bias-mirror": (
        "def output_sums(network, samples):\n    return network.run(samples)\n\n\n"
        "mirror_gap_without_bias, mirror_gap_with_bias = 0.0, 1.0",
        "`output_sums(network, samples)[1, 3]` is not right, got 0.30",
    ),
    # Chapter 6: the step taken along the slope instead of against it.
    "ex-descent-first-step": (
        "gradient_at_zero = np.mean((0.5 - targets) * 0.25 * inputs)\n"
        "weight_after_one_step = 0.0 + 10.0 * gradient_at_zero",
        "a step goes against the slope",
    ),
    # One step on all samples per epoch, whatever the batch size.
    "ex-descent-minibatch": (
        "def minibatch_epoch(weight, inputs, targets, learning_rate, batch_size):\n"
        "    return weight - learning_rate * error_gradient(weight, inputs, targets)\n\n\n"
        "errors_after_ten_epochs = {5: 0.0, 2: 0.0, 1: 0.0}",
        "an epoch takes one step per mini-batch of 3",
    ),
    # 1/c instead of 2/c.
    "ex-descent-largest-rate": (
        "lowest_weight = gradient_descent(0.0, 10.0, 200, inputs, targets)[-1]\n"
        "curvature = (error_gradient(lowest_weight + 1e-5, inputs, targets)\n"
        "             - error_gradient(lowest_weight - 1e-5, inputs, targets)) / 2e-5\n"
        "largest_stable_rate = 1 / curvature\n"
        "final_distances = (0.0, 1.0)",
        "which must stay above -1",
    ),
    # Chapter 7: the sign of the output delta turned round.
    "ex-training-one-step": (
        "h = activation_function(2.0)\n"
        "y = activation_function(-h)\n"
        "gradient_ho = (1 - y) * y * (1 - y) * h\n"
        "gradient_ih = -1.0 * (1 - y) * y * (1 - y) * h * (1 - h)",
        "`gradient_ho` is not right, got 0.128999: it is δ_o·h",
    ),
    "ex-training-batch-mean": (
        "def mean_of_sample_gradients(network, inputs, targets):\n"
        "    singles = [network.gradients(x, t) for x, t in zip(inputs, targets)]\n"
        "    return tuple(np.sum([g[layer] for g in singles], axis=0) for layer in (0, 1))",
        "is 6 times the mean for 6 samples: a sum, not a mean",
    ),
    # The factor y(1 - y) kept in the output delta.
    "ex-training-cross-entropy": (
        "class CrossEntropyNetwork(NeuralNetwork):\n    pass",
        "differs from finite differences of the mean cross-entropy",
    ),
    # Chapter 8: the diagonal left in.
    "ex-digits-confused-pair": (
        "true_digit, answer = np.unravel_index(np.argmax(confusion), confusion.shape)\n"
        "most_confused = (int(true_digit), int(answer))\n"
        "most_confused_count = confusion.max()",
        "on the diagonal: those are the right answers",
    ),
    # Measured on the test data instead of the validation data.
    "ex-digits-hidden-size": (
        "small_network = new_network(20, chosen_rate, seed=0)\n"
        "small_network.fit(train_inputs, train_targets, epochs=chosen_epochs, batch_size=16,"
        " seed=0)\n"
        "small_accuracy = metrics.accuracy(test_labels, small_network.predict(test_inputs))",
        "the test data stays untouched until the very end",
    ),
    # The threshold chosen on the test data instead of the validation data.
    "ex-digits-confidence": (
        "outputs = network.run(test_inputs)\n"
        "confidence, is_right = outputs.max(axis=0), outputs.argmax(axis=0) == test_labels\n"
        "thresholds = np.linspace(0.5, 0.99, 50)\n"
        "threshold = next(t for t in thresholds if is_right[confidence >= t].mean() >= 0.995)\n"
        "sure = confidence >= threshold\n"
        "answered_share, answered_accuracy = sure.mean(), is_right[sure].mean()",
        "choose it on the validation data",
    ),
    # Chapter 9: the bias weights left out.
    "ex-timing-count": (
        "multiply_adds_per_sample = 100 * 64 + 10 * 100\n"
        "multiply_adds_all_digits = multiply_adds_per_sample * 1797",
        "`multiply_adds_per_sample` is not right, got 7400",
    ),
    # A fit without weights, in which the longest times decide alone.
    "ex-timing-overhead": (
        "call_sizes = np.array([1, 4, 16, 64, 256, 1024, 4096])\n"
        "call_times = (1e-5 + 2e-7 * call_sizes) * np.array([1.1, 0.9, 1, 1.1, 0.9, 1.05, 0.95])\n"
        "cost_per_sample, fixed_cost = np.polyfit(call_sizes, call_times, deg=1)\n"
        "half_fixed_batch = fixed_cost / cost_per_sample",
        "`fixed_cost` comes from a fit without weights: pass w=1 / call_times",
    ),
    # tanh without the halved argument.
    "ex-timing-sigmoid": (
        "def sigmoid_by_exp(x):\n    return 1 / (1 + np.exp(-x))\n\n\n"
        "def sigmoid_by_tanh(x):\n    return 0.5 * (1 + np.tanh(x))",
        "`sigmoid_by_tanh(np.linspace(-40, 40, 101))[51]` should be 0.689974, got 0.832018",
    ),
}


ANSWERS = {label: {"wrong": [answer], "right": []} for label, answer in WRONG_ANSWERS.items()}
