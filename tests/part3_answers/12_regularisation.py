"""Typical wrong answers (and one right answer written differently from the solution)
for the exercises of book/12_regularisation.ipynb; each wrong answer with a piece of
the one-line verdict its check must print."""

_SHIFT_BY_PADDING = '''
def shift(inputs, down, right):
    padded = np.pad(inputs.reshape(-1, 8, 8), ((0, 0), (8, 8), (8, 8)))
    return padded[:, 8 - down:16 - down, 8 - right:16 - right].reshape(-1, 64)
'''
_DIAGONALS = '''
diagonal_inputs = np.vstack([train_inputs] + [shift(train_inputs, d, r)
                            for d, r in [(-1, -1), (-1, 1), (1, -1), (1, 1)]])
'''

ANSWERS = {
    "ex-regularisation-penalty": {
        "wrong": [
            (
                "l2_penalty = 0.5 * l2_network.l2 * sum(np.sum(w ** 2) for w in l2_network.weights)",
                "includes the bias column",
            ),
            (
                "l2_penalty = l2_network.l2 * sum(np.sum(w[:, :-1] ** 2) for w in l2_network.weights)",
                "the ½ of ½λ‖W‖² is missing",
            ),
            (
                "l2_penalty = l2_network.l2 * sum(np.linalg.norm(w) ** 2 for w in l2_network.weights)",
                "includes the bias column and leaves out the ½",
            ),
            (
                "l2_penalty = 0.5 * l2_network.l2 * sum(np.linalg.norm(w[:, :-1]) for w in l2_network.weights)",
                "sum of the squares of all weights of both matrices",
            ),
            (
                "l2_penalty = 0.5 * l2_network.l2 * np.sum(l2_network.weights_in_hidden[:, :-1] ** 2)",
                "sums only the first matrix",
            ),
            ("l2_penalty = 0.5 * sum(np.sum(w[:, :-1] ** 2) for w in l2_network.weights)",
             "leaves out λ"),
            ("l2_penalty = 0.007", "sum of the squares of all weights of both matrices"),
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
                + _DIAGONALS + "diagonal_labels = np.tile(train_labels, 5)",
                "wraps around, as np.roll does",
            ),
            (
                "def shift(inputs, down, right):\n"
                "    padded = np.pad(inputs.reshape(-1, 8, 8), ((0, 0), (8, 8), (8, 8)))\n"
                "    return padded[:, 8 - right:16 - right, 8 - down:16 - down].reshape(-1, 64)\n"
                + _DIAGONALS + "diagonal_labels = np.tile(train_labels, 5)",
                "moves the image right, not down",
            ),
            (
                "def shift(inputs, down, right):\n"
                "    padded = np.pad(inputs.reshape(-1, 8, 8), ((0, 0), (8, 8), (8, 8)))\n"
                "    return padded[:, 8 + down:16 + down, 8 + right:16 + right].reshape(-1, 64)\n"
                + _DIAGONALS + "diagonal_labels = np.tile(train_labels, 5)",
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
}
