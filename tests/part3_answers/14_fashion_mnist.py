"""Typical wrong answers and one differently written right answer for each exercise of
book/14_fashion_mnist.ipynb, with a piece of the verdict its check must print."""

ANSWERS = {
    "ex-fashion-scale": {
        "wrong": [
            # integer division
            ("unit_pixels = data.test_images[:1000] // 255",
             "holds whole numbers (uint8): `//` is integer division"),
            # float64, the default of `/`
            ("unit_pixels = data.test_images[:1000] / 255",
             "`unit_pixels` is float64, not float32"),
            # divided by the number of grey values
            ("unit_pixels = data.test_images[:1000].astype(np.float32) / 256",
             "the largest value of `unit_pixels` is 0.9961, not 1: divide by 255"),
            # the training images instead of the test images
            ("unit_pixels = data.train_images[:1000].astype(np.float32) / 255",
             "it should be the first 1,000 test images, each pixel divided by 255"),
            # the centred inputs of the chapter
            ("unit_pixels = test_inputs[:1000]",
             "it should be the first 1,000 test images, each pixel divided by 255"),
        ],
        "right": [
            "unit_pixels = np.float32(1 / 255) * data.test_images[:1000]",
        ],
    },
    "ex-fashion-classes": {
        "wrong": [
            # columns instead of rows: the precision of each answer
            ("class_accuracy = np.diag(confusion) / confusion.sum(axis=0)\n"
             "hardest_class = class_names[np.argmin(class_accuracy)]\n"
             "most_confused = (6, 0)",
             "divides by the column sums, the answers"),
            # divided by all answers
            ("class_accuracy = np.diag(confusion) / confusion.sum()\n"
             "hardest_class = class_names[np.argmin(class_accuracy)]\n"
             "most_confused = (6, 0)",
             "each entry should be the diagonal entry over the sum of its row"),
            # the label instead of the name
            ("class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
             "hardest_class = np.argmin(class_accuracy)\n"
             "most_confused = (6, 0)",
             "`hardest_class` is 6: it should be the name"),
            # the diagonal not set to 0
            ("class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
             "hardest_class = class_names[np.argmin(class_accuracy)]\n"
             "most_confused = np.unravel_index(np.argmax(confusion), confusion.shape)",
             "on the diagonal: those are the right answers"),
            # (answer, true class)
            ("class_accuracy = np.diag(confusion) / confusion.sum(axis=1)\n"
             "hardest_class = class_names[np.argmin(class_accuracy)]\n"
             "mistakes = confusion.T - np.diag(np.diag(confusion))\n"
             "most_confused = np.unravel_index(np.argmax(mistakes), mistakes.shape)",
             "the pair the wrong way round"),
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
            ("subset_accuracy = {}\n"
             "for l2 in (0.0, 0.01):\n"
             "    small = NeuralNetwork(network_structure=[784, 64, 10], learning_rate=1e-3,"
             " bias=True, seed=0, activation='relu', loss='cross_entropy',"
             " weight_init='he', optimizer='adam', l2=l2)\n"
             "    small.fit(train_inputs[:5000], train_targets[:5000], epochs=3,"
             " batch_size=100, seed=0)\n"
             "    subset_accuracy[l2] = np.mean(small.predict(test_inputs) == test_labels)\n"
             "better_l2 = max(subset_accuracy, key=subset_accuracy.get)",
             "is the accuracy on the test data"),
            # measured on the training images
            ("subset_accuracy = {}\n"
             "for l2 in (0.0, 0.01):\n"
             "    small = NeuralNetwork(network_structure=[784, 64, 10], learning_rate=1e-3,"
             " bias=True, seed=0, activation='relu', loss='cross_entropy',"
             " weight_init='he', optimizer='adam', l2=l2)\n"
             "    history = small.fit(train_inputs[:5000], train_targets[:5000], epochs=3,"
             " batch_size=100, seed=0)\n"
             "    subset_accuracy[l2] = history.accuracy[-1]\n"
             "better_l2 = max(subset_accuracy, key=subset_accuracy.get)",
             "is the accuracy on the training images"),
            # other settings than named: one epoch
            ("subset_accuracy = {}\n"
             "for l2 in (0.0, 0.01):\n"
             "    small = NeuralNetwork(network_structure=[784, 64, 10], learning_rate=1e-3,"
             " bias=True, seed=0, activation='relu', loss='cross_entropy',"
             " weight_init='he', optimizer='adam', l2=l2)\n"
             "    small.fit(train_inputs[:5000], train_targets[:5000], epochs=1,"
             " batch_size=100, seed=0)\n"
             "    subset_accuracy[l2] = np.mean(small.predict(validation_inputs) =="
             " validation_labels)\n"
             "better_l2 = max(subset_accuracy, key=subset_accuracy.get)",
             "it should be the validation accuracy of the network trained exactly as described"),
            # the lower one
            ("subset_accuracy = {}\n"
             "for l2 in (0.0, 0.01):\n"
             "    small = NeuralNetwork(network_structure=[784, 64, 10], learning_rate=1e-3,"
             " bias=True, seed=0, activation='relu', loss='cross_entropy',"
             " weight_init='he', optimizer='adam', l2=l2)\n"
             "    small.fit(train_inputs[:5000], train_targets[:5000], epochs=3,"
             " batch_size=100, seed=0)\n"
             "    subset_accuracy[l2] = np.mean(small.predict(validation_inputs) =="
             " validation_labels)\n"
             "better_l2 = min(subset_accuracy, key=subset_accuracy.get)",
             "whose validation accuracy is higher"),
            # a made-up number
            ("subset_accuracy = {0.0: 0.85, 0.01: 0.84}\nbetter_l2 = 0.0",
             "it should be the validation accuracy of the network trained exactly as described"),
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
