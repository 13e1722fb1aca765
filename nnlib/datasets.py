"""Fashion-MNIST: 70,000 grey pictures of clothes, 28 by 28 pixels, in 10 classes.

This module is the data of the Fashion-MNIST chapter, where the network of
:mod:`nnlib.network` learns to tell a sneaker from a sandal. It reads the four
official files, in MNIST's IDX format, from the first place that holds them: the
``folder`` argument; the folder in the environment variable ``NNLIB_FASHION_MNIST``;
``/usr/share/datasets/fashion-mnist``, from Debian's package ``dataset-fashion-mnist``;
the cache folder, ``~/.cache/nnlib/fashion-mnist``, where ``download=True`` puts
them after checking each against its official MD5. (Debian rewrote the gzip headers
of its copies, so their MD5s differ although the data are the same.)
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import math
import os
import struct
import sys
import tempfile
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

FASHION_MNIST_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
"""The class names, in the order of the labels 0 to 9."""

FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)
"""The four files, without ``.gz``: each may be gzipped or not."""

CHECKSUMS = {
    "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
    "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
    "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
    "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
}
"""The MD5 of each official ``.gz`` file, as the Fashion-MNIST README gives them."""

DOWNLOAD_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
ENVIRONMENT_VARIABLE = "NNLIB_FASHION_MNIST"
DEBIAN_PACKAGE = "dataset-fashion-mnist"
DEBIAN_FOLDER = Path("/usr/share/datasets/fashion-mnist")
DEFAULT_CACHE_FOLDER = Path("~/.cache/nnlib/fashion-mnist")

_IDX_TYPES = {
    0x08: "unsigned byte",
    0x09: "signed byte",
    0x0B: "short",
    0x0C: "int",
    0x0D: "float",
    0x0E: "double",
}


class FashionMNIST(NamedTuple):
    """The data set: images as ``uint8`` arrays of shape ``(n, 28, 28)`` (or
    ``(n, 784)``), pixel values 0 (background) to 255, and labels as ``uint8``
    arrays of shape ``(n,)``, 0 to 9, indices into ``FASHION_MNIST_CLASSES``."""

    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file of unsigned bytes, gzipped or not, into a ``uint8`` array.

    The format: two zero bytes, a type code (0x08 for unsigned bytes), the number
    of dimensions, one big-endian 32-bit size per dimension, then the data, the
    last dimension changing fastest.
    """
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":  # the magic number of gzip
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:
            raise ValueError(
                f"{path}: expected a complete gzip file, got one that fails: {error}"
            ) from error
    if len(data) < 4 or data[:2] != b"\0\0":
        raise ValueError(
            f"{path}: expected an IDX file, whose magic number starts with two zero bytes, "
            f"got a file starting with {data[:4].hex(' ') or 'nothing'}"
        )
    type_code, ndim = data[2], data[3]
    if type_code != 0x08:
        kind = _IDX_TYPES.get(type_code, "no IDX type")
        raise ValueError(
            f"{path}: expected type code 0x08 (unsigned byte), got 0x{type_code:02x} ({kind})"
        )
    start = 4 + 4 * ndim
    if len(data) < start:
        raise ValueError(
            f"{path}: expected {ndim} sizes of 4 bytes after the magic number, "
            f"got a file of {len(data)} bytes"
        )
    shape = struct.unpack(f">{ndim}I", data[4:start])
    if len(data) - start != math.prod(shape):
        raise ValueError(
            f"{path}: expected {math.prod(shape)} bytes of data for the sizes {shape}, "
            f"got {len(data) - start}"
        )
    return np.frombuffer(bytearray(data), dtype=np.uint8, offset=start).reshape(shape)


def load_fashion_mnist(
    folder: str | os.PathLike | None = None,
    *,
    download: bool = False,
    cache_folder: str | os.PathLike | None = None,
    progress: bool = False,
    flatten: bool = False,
) -> FashionMNIST:
    """Load Fashion-MNIST: 60,000 training and 10,000 test images with their labels.

    ``folder``, or else the folder in the environment variable
    ``NNLIB_FASHION_MNIST``, must hold the four files when it is given. Without
    either, Debian's folder is read, else ``cache_folder`` (by default
    ``~/.cache/nnlib/fashion-mnist``). If neither holds them all and ``download``
    is true, the missing files are downloaded into ``cache_folder`` (never into
    ``folder``), with how far each has come on standard error if ``progress`` is true.
    ``flatten=True`` gives each image as one row of 784 pixels, as a network
    with 784 inputs takes it; the pictures are then ``image.reshape(28, 28)``.

    Raises ``FileNotFoundError`` when no place holds the files, or a download
    fails, with a message that names every way to get them; ``ValueError`` for a
    file that is not what it should be, or a download whose MD5 is wrong.

    >>> data = load_fashion_mnist()  # doctest: +SKIP
    >>> FASHION_MNIST_CLASSES[data.train_labels[0]]  # doctest: +SKIP
    'Ankle boot'
    """
    cache = Path(DEFAULT_CACHE_FOLDER if cache_folder is None else cache_folder).expanduser()
    given = folder if folder is not None else os.environ.get(ENVIRONMENT_VARIABLE) or None
    if given is not None:
        files = _files_in(Path(given))
        if len(files) < 4:
            source = "folder" if folder is not None else ENVIRONMENT_VARIABLE
            missing = ", ".join(name for name in FILES if name not in files)
            raise FileNotFoundError(
                f"{source}: expected the four Fashion-MNIST files in {given}, gzipped or not, "
                f"got none for {missing}.\n{_options(cache)}"
            )
    else:
        complete = [place for place in (DEBIAN_FOLDER, cache) if len(_files_in(place)) == 4]
        if not complete and not download:
            raise FileNotFoundError(
                f"Fashion-MNIST: found neither in {DEBIAN_FOLDER} nor in {cache}.\n"
                f"{_options(cache)}"
            )
        if not complete:
            _download(cache, progress)
        files = _files_in(complete[0] if complete else cache)
    train_images, train_labels = _images_and_labels(files, "train")
    test_images, test_labels = _images_and_labels(files, "t10k")
    if flatten:
        train_images, test_images = (
            images.reshape(len(images), 28 * 28) for images in (train_images, test_images)
        )
    return FashionMNIST(train_images, train_labels, test_images, test_labels)


def _images_and_labels(files: dict[str, Path], kind: str) -> tuple[np.ndarray, np.ndarray]:
    """Read the images and labels of ``kind`` ("train" or "t10k") and check they match."""
    images_path = files[f"{kind}-images-idx3-ubyte"]
    labels_path = files[f"{kind}-labels-idx1-ubyte"]
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise ValueError(
            f"{images_path}: expected images of shape (n, 28, 28), got shape {images.shape}"
        )
    if labels.shape != (len(images),):
        raise ValueError(
            f"{labels_path}: expected one label for each of the {len(images)} images of "
            f"{images_path}, got labels of shape {labels.shape}"
        )
    if labels.max(initial=0) >= len(FASHION_MNIST_CLASSES):
        raise ValueError(f"{labels_path}: expected labels from 0 to 9, got {labels.max()}")
    return images, labels


def _files_in(folder: Path) -> dict[str, Path]:
    """The files of ``FILES`` that ``folder`` holds, gzipped or not."""
    found = {}
    for name in FILES:
        for path in (folder / f"{name}.gz", folder / name):
            if path.is_file():
                found[name] = path
                break
    return found


def _options(cache: Path) -> str:
    return (
        "Get the four files in one of these ways:\n"
        "- pass the folder that holds them: load_fashion_mnist(folder=...);\n"
        f"- set the environment variable {ENVIRONMENT_VARIABLE} to that folder;\n"
        f"- install Debian's package {DEBIAN_PACKAGE} (apt-get install {DEBIAN_PACKAGE}), "
        f"which puts them in {DEBIAN_FOLDER};\n"
        f"- download them once, online, into {cache}: load_fashion_mnist(download=True)."
    )


def _download(cache: Path, progress: bool) -> None:
    """Download the files missing from ``cache``, each written to a temporary file,
    checked against ``CHECKSUMS`` and only then renamed to its own name."""
    cache.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        if name in _files_in(cache):
            continue
        file_name, url = f"{name}.gz", f"{DOWNLOAD_URL}{name}.gz"
        handle, part = tempfile.mkstemp(prefix=f".{file_name}.", suffix=".part", dir=cache)
        try:
            md5 = hashlib.md5()
            with (
                os.fdopen(handle, "wb") as out,
                urllib.request.urlopen(url, timeout=60) as response,
            ):
                size, done = int(response.headers.get("Content-Length") or 0), 0
                while chunk := response.read(1 << 20):
                    out.write(chunk)
                    md5.update(chunk)
                    done += len(chunk)
                    if progress:
                        total = (
                            f" of {size / 1e6:.1f} MB ({100 * done // size} %)" if size else " MB"
                        )
                        print(f"\r{file_name}: {done / 1e6:.1f}{total}", end="", file=sys.stderr)
            if progress:
                print(file=sys.stderr)
            if md5.hexdigest() != CHECKSUMS[file_name]:
                raise ValueError(
                    f"{url}: checksum mismatch, expected MD5 {CHECKSUMS[file_name]}, got "
                    f"{md5.hexdigest()}: the download is corrupted and was not kept; try again"
                )
            os.replace(part, cache / file_name)
        except (OSError, http.client.HTTPException) as error:
            if isinstance(error, urllib.error.HTTPError):
                error.close()  # it holds the server's answer, open
            raise FileNotFoundError(
                f"Fashion-MNIST: could not download {url} ({error}).\n{_options(cache)}"
            ) from error
        finally:
            Path(part).unlink(missing_ok=True)
