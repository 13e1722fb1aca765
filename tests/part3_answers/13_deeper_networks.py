"""Typical answers to the exercises of book/13_deeper_networks.ipynb: wrong ones, each with a
piece of the one-line verdict its check must print, and right ones written differently."""

ANSWERS = {
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
                "ratios = []\n"
                "for k in range(1, 7):\n"
                "    values = []\n"
                "    for seed in range(5):\n"
                "        net = NeuralNetwork(network_structure=[64] + [32] * k + [10],\n"
                "                            learning_rate=1.0, bias=True, seed=seed,\n"
                "                            loss='cross_entropy', weight_init='glorot')\n"
                "        g = net.gradients(train_inputs, train_targets)\n"
                "        values.append(np.linalg.norm(g[-1]) / np.linalg.norm(g[0]))\n"
                "    ratios.append(np.median(values))\n"
                "depth_ratios = np.array(ratios)\n"
                "deepest = 6",
                "is the last layer's norm over the first's",
            ),
            # Squared norms.
            (
                "ratios = []\n"
                "for k in range(1, 7):\n"
                "    values = []\n"
                "    for seed in range(5):\n"
                "        net = NeuralNetwork(network_structure=[64] + [32] * k + [10],\n"
                "                            learning_rate=1.0, bias=True, seed=seed,\n"
                "                            loss='cross_entropy', weight_init='glorot')\n"
                "        g = net.gradients(train_inputs, train_targets)\n"
                "        values.append(np.sum(g[0] ** 2) / np.sum(g[-1] ** 2))\n"
                "    ratios.append(np.median(values))\n"
                "depth_ratios = np.array(ratios)\n"
                "deepest = 2",
                "holds ratios of squared norms",
            ),
            # The book's initial weights (weight_init left at its default).
            (
                "ratios = []\n"
                "for k in range(1, 7):\n"
                "    values = []\n"
                "    for seed in range(5):\n"
                "        net = NeuralNetwork(network_structure=[64] + [32] * k + [10],\n"
                "                            learning_rate=1.0, bias=True, seed=seed,\n"
                "                            loss='cross_entropy')\n"
                "        g = net.gradients(train_inputs, train_targets)\n"
                "        values.append(np.linalg.norm(g[0]) / np.linalg.norm(g[-1]))\n"
                "    ratios.append(np.median(values))\n"
                "depth_ratios = np.array(ratios)\n"
                "deepest = 2",
                "comes from the book's initial weights",
            ),
            # The validation data instead of the training data.
            (
                "ratios = []\n"
                "for k in range(1, 7):\n"
                "    values = []\n"
                "    for seed in range(5):\n"
                "        net = NeuralNetwork(network_structure=[64] + [32] * k + [10],\n"
                "                            learning_rate=1.0, bias=True, seed=seed,\n"
                "                            loss='cross_entropy', weight_init='glorot')\n"
                "        g = net.gradients(validation_inputs, validation_targets)\n"
                "        values.append(np.linalg.norm(g[0]) / np.linalg.norm(g[-1]))\n"
                "    ratios.append(np.median(values))\n"
                "depth_ratios = np.array(ratios)\n"
                "deepest = 3",
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
                "ratios = []\n"
                "for k in range(1, 7):\n"
                "    values = []\n"
                "    for seed in range(5):\n"
                "        net = NeuralNetwork(network_structure=[64] + [32] * k + [10],\n"
                "                            learning_rate=1.0, bias=True, seed=seed,\n"
                "                            loss='cross_entropy', weight_init='glorot')\n"
                "        g = net.gradients(train_inputs, train_targets)\n"
                "        values.append(np.linalg.norm(g[0]) / np.linalg.norm(g[-1]))\n"
                "    ratios.append(np.median(values))\n"
                "depth_ratios = np.array(ratios)\n"
                "deepest = int(np.arange(2, 8)[depth_ratios >= 0.01].max())",
                "count hidden layers, not weight matrices",
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
}
