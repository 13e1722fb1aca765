"""Typical wrong answers (and a right one written differently) for book/10_softmax.ipynb."""

ANSWERS = {
    "ex-softmax-by-hand": {
        "wrong": [
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.exp(scores)\n"
                "shifted_probabilities = np.exp(scores - scores.max())\n",
                "`probabilities` sum to",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = scores / scores.sum()\n"
                "shifted_probabilities = probabilities\n",
                "softmax takes the exponential of each score",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.exp(scores) / np.exp(scores).sum()\n"
                "shifted_probabilities = np.exp(scores - scores.max())\n",
                "`shifted_probabilities` sum to",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
                "probabilities = np.array([0.82, 0.11, 0.05, 0.02])\n"
                "shifted_probabilities = probabilities\n",
                "`probabilities` is not right",
            ),
            (
                "scores = np.array([3.0, 1.0, 0.2, -1.0]) - 3.0\n"
                "probabilities = np.exp(scores) / np.exp(scores).sum()\n"
                "shifted_probabilities = probabilities\n",
                "keep the scores of the exercise",
            ),
        ],
        "right": [
            "scores = np.array([3.0, 1.0, 0.2, -1.0])\n"
            "probabilities = np.exp(scores) / np.sum(np.exp(scores))\n"
            "shifted = scores - np.max(scores)\n"
            "shifted_probabilities = np.exp(shifted) / np.sum(np.exp(shifted))\n",
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
}
