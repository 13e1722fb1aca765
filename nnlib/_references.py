"""What a check compares an answer with, kept for the check's next run (see
nnlib.checking, where the chapters import :func:`reference` from): a network that an
exercise trains again after a corrected answer is trained once for the check."""

from __future__ import annotations

import hashlib
import numbers
from collections.abc import Callable

import numpy as np

from nnlib._showing import kind_of

# What checks computed to compare answers with: {(name, digest of its inputs): value}.
_REFERENCES: dict[tuple[str, str], object] = {}


def reference(name: str, compute: Callable[[], object], *inputs: object) -> object:
    """``compute()``, the value that the check ``name`` compares an answer with, kept
    for the check's next run: computed again only when ``inputs``, all that
    ``compute`` reads and an answer could change (arrays, numbers, strings, and lists
    or tuples of them), hold other values than before."""
    key = (name, _digest(inputs))
    if key not in _REFERENCES:
        _REFERENCES[key] = compute()
    return _REFERENCES[key]


def _digest(values: object) -> str:
    digest = hashlib.blake2b(digest_size=16)

    def add(value: object) -> None:
        if isinstance(value, (list, tuple)):
            digest.update(f"{type(value).__name__}{len(value)}(".encode())
            for item in value:
                add(item)
            digest.update(b")")
        elif isinstance(value, np.ndarray) and value.dtype != object:
            digest.update(f"array {value.dtype} {value.shape}:".encode())
            digest.update(np.ascontiguousarray(value).tobytes())
        elif value is None or isinstance(value, (bool, numbers.Number, str, np.generic)):
            digest.update(f"{type(value).__name__} {value!r};".encode())
        else:
            raise TypeError(
                f"reference inputs: expected arrays, numbers, strings, lists or tuples, "
                f"got {kind_of(value)}"
            )

    add(values)
    return digest.hexdigest()
