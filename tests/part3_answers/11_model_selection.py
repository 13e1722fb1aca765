"""Typical wrong answers (and right ones written differently) for book/11_model_selection.ipynb.

Each wrong answer comes with a piece of the one-line verdict that its check must print.
"""

ANSWERS = {
    "ex-model-selection-stratified": {
        "wrong": [
            # stratify forgotten
            (
                "_, part = train_test_split(rest_labels, test_size=0.25, random_state=1)\n"
                "validation_counts = np.bincount(part, minlength=10)",
                "the counts of a split that is not stratified: pass `stratify=rest_labels`",
            ),
            # a fifth instead of a quarter
            (
                "_, part = train_test_split(rest_labels, test_size=0.2, stratify=rest_labels,\n"
                "                           random_state=1)\n"
                "validation_counts = np.bincount(part)",
                "adds up to 288 samples: a quarter of the 1,440 samples",
            ),
            # the counts of the training part
            (
                "part, _ = train_test_split(rest_labels, test_size=0.25, stratify=rest_labels,\n"
                "                           random_state=1)\n"
                "validation_counts = np.bincount(part)",
                "adds up to 1080 samples",
            ),
            # all 1,797 digits split, the test data included
            (
                "_, part = train_test_split(labels, test_size=0.25, stratify=labels,\n"
                "                           random_state=1)\n"
                "validation_counts = np.bincount(part)",
                "adds up to 450 samples",
            ),
            # shares instead of counts
            (
                "_, part = train_test_split(rest_labels, test_size=0.25, stratify=rest_labels,\n"
                "                           random_state=1)\n"
                "validation_counts = np.bincount(part) / len(part)",
                "should hold numbers of samples",
            ),
        ],
        "right": [
            "_, validation_part = train_test_split(np.arange(len(rest_labels)), test_size=360,\n"
            "                                      stratify=rest_labels, random_state=1)\n"
            "validation_counts = np.array([np.sum(rest_labels[validation_part] == digit)\n"
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
                "it should be the validation accuracy after that epoch",
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
                "from sklearn.model_selection import KFold\n"
                "cv_folds = list(KFold(n_splits=4, shuffle=True, random_state=1)\n"
                "                .split(rest_inputs))\n"
                "fold_accuracies = []\n"
                "for t, v in cv_folds:\n"
                "    net = new_network(16, 1.0, seed=0)\n"
                "    net.fit(rest_inputs[t], rest_targets[t], epochs=10, batch_size=32, seed=0)\n"
                "    fold_accuracies.append(metrics.accuracy(rest_labels[v],\n"
                "                                            net.predict(rest_inputs[v])))\n"
                "fold_accuracies = np.array(fold_accuracies)\n"
                "cv_mean, cv_sd = fold_accuracies.mean(), fold_accuracies.std(ddof=1)",
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
                "cv_folds = list(StratifiedKFold(n_splits=4, shuffle=True, random_state=1)\n"
                "                .split(rest_inputs, rest_labels))\n"
                "fold_accuracies = []\n"
                "for t, v in cv_folds:\n"
                "    net = new_network(16, 1.0, seed=0)\n"
                "    net.fit(rest_inputs[t], rest_targets[t], epochs=10, batch_size=32, seed=0)\n"
                "    fold_accuracies.append(metrics.accuracy(rest_labels[v],\n"
                "                                            net.predict(rest_inputs[v])))\n"
                "fold_accuracies = np.array(fold_accuracies)\n"
                "cv_mean, cv_sd = fold_accuracies.mean(), fold_accuracies.std()",
                "with `ddof=1`",
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
}
