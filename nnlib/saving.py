"""Saving a network to one ``.npz`` file, and loading it again.

This module is the code of the section on saving in the chapter "Recognising
handwritten digits" (``book/08_digits.ipynb``). ``save`` and ``load`` are methods of
:class:`nnlib.NeuralNetwork`.

A file of nnlib 1.0 is an ``.npz`` archive (NumPy's zip of arrays) holding
``settings``, the constructor's arguments as JSON text, and ``weights_0``,
``weights_1``, ... one matrix per layer. Files written by nnlib 0.2, with the arrays
``no_of_in_nodes``, ``no_of_out_nodes``, ``no_of_hidden_nodes``, ``learning_rate``,
``bias``, ``weights_in_hidden`` and ``weights_hidden_out``, load as well. Nothing in
a file is unpickled, so loading runs no code from it.
"""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path

import numpy as np

from nnlib.optimizers import OPTIMIZERS

FORMAT = "nnlib 1.0"
NAMES_0_2 = ("no_of_in_nodes", "no_of_out_nodes", "no_of_hidden_nodes", "learning_rate",
             "bias", "weights_in_hidden", "weights_hidden_out")  # fmt: skip


def save(network, path: str | PathLike) -> Path:
    """Write the network's settings and weights to one ``.npz`` file.

    The suffix ``.npz`` is added to ``path`` if it has none; the path of the file
    written is returned. :meth:`NeuralNetwork.load` reads it back.
    """
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    settings = {
        "format": FORMAT, "network_structure": network.network_structure,
        "learning_rate": network.learning_rate, "bias": network.bias,
        "activation": network.activation, "loss": network.loss,
        "weight_init": network.weight_init, "optimizer": network.optimizer.name,
        "optimizer_settings": network.optimizer.settings(), "l2": network.l2,
        "dropout": network.dropout, "dtype": np.dtype(network.dtype).name,
    }  # fmt: skip
    layers = {f"weights_{layer}": weights for layer, weights in enumerate(network.weights)}
    np.savez(path, settings=np.array(json.dumps(settings)), **layers)
    return path


def load(cls, path: str | PathLike):
    """Read a network written by :meth:`NeuralNetwork.save`, of nnlib 1.0 or 0.2.

    Its random generator starts from seed 0, so that training it further, with
    dropout too, is reproducible. A file that is not such a network raises
    ``ValueError`` saying why.
    """
    path = Path(path)
    arrays = _read(path)
    try:
        if "settings" in arrays:
            network, weights = _network_1_0(cls, arrays)
        elif all(name in arrays for name in NAMES_0_2):
            network, weights = _network_0_2(cls, arrays)
        else:
            raise ValueError(
                "it holds neither the arrays of nnlib 1.0 (settings, weights_0, ...) nor those "
                f"of nnlib 0.2 ({', '.join(NAMES_0_2)}), but: {', '.join(arrays) or 'nothing'}"
            )
        network.weights = weights
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise ValueError(
            f"{path}: not a network saved by NeuralNetwork.save of nnlib 0.2 or 1.0: {error}"
        ) from None
    return network


def _read(path: Path) -> dict[str, np.ndarray]:
    """Every array of the archive at ``path``, read in full."""
    try:
        with open(path, "rb") as file:  # opened here, so that it is closed however np.load fails
            archive = np.load(file, allow_pickle=False)
            if not isinstance(archive, np.lib.npyio.NpzFile):
                raise ValueError("it holds a single array, not an .npz archive")
            return {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise
    except Exception as error:  # a damaged archive fails in many ways: zip, zlib, format, ...
        raise ValueError(
            f"{path}: not a network saved by NeuralNetwork.save (an .npz archive of its "
            f"settings and weights): {type(error).__name__}: {error}"
        ) from None


def _network_1_0(cls, arrays: dict):
    settings = json.loads(str(arrays["settings"]))
    if settings.pop("format", None) != FORMAT:
        raise ValueError(f"its settings are not those of {FORMAT}")
    optimizer = OPTIMIZERS[settings.pop("optimizer")](**settings.pop("optimizer_settings"))
    network = cls(**settings, optimizer=optimizer, seed=0)
    n_layers = len(network.network_structure) - 1
    missing = [f"weights_{layer}" for layer in range(n_layers) if f"weights_{layer}" not in arrays]
    if missing:
        raise ValueError(f"it lacks the array(s) {', '.join(missing)}")
    return network, [arrays[f"weights_{layer}"] for layer in range(n_layers)]


def _network_0_2(cls, arrays: dict):
    """A network of nnlib 0.2: one hidden layer, sigmoid, squared error, plain SGD."""
    values = {name: arrays[name][()] for name in NAMES_0_2[:5]}  # single values, not arrays
    values = {name: value.item() if isinstance(value, np.generic) else value
              for name, value in values.items()}  # fmt: skip
    network = cls(**values, seed=0)
    return network, [arrays["weights_in_hidden"], arrays["weights_hidden_out"]]
