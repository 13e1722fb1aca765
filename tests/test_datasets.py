"""Tests of nnlib.datasets: the real Fashion-MNIST files of Debian's package against the
official checksums and published statistics, the IDX reader on files written here from
the format's description, where the files are looked for, and downloads from a server on
127.0.0.1 (nothing is downloaded from the internet)."""

import contextlib
import gzip
import hashlib
import http.server
import struct
import threading
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from nnlib import datasets
from nnlib.datasets import FASHION_MNIST_CLASSES, load_fashion_mnist, read_idx

# The MD5 of each official file, as the README of Fashion-MNIST lists them.
OFFICIAL_MD5 = {
    "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
    "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
    "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
    "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
}
# Debian's build dropped the file name from the gzip header of each official file and
# replaced its date with the package's. These are the official dates (2017-08-31,
# 10:50:06 and 10:50:27 UTC), found by trying dates until the official MD5 came out.
OFFICIAL_GZIP_DATE = {"train": 1504176606, "t10k": 1504176627}

NAMES = tuple(name.removesuffix(".gz") for name in OFFICIAL_MD5)


def idx_bytes(array: np.ndarray) -> bytes:
    """The IDX encoding of a uint8 array: two zero bytes, type code 0x08, the number of
    dimensions, each size as a big-endian 32-bit integer, then the values."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.tobytes()


def write_set(folder, label, *, gzipped=True, n_train=3, n_test=2):
    """Write four small IDX files into ``folder``: random images, every label ``label``."""
    rng = np.random.default_rng(label)
    arrays = {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte": np.full(n_train, label, dtype=np.uint8),
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte": np.full(n_test, label, dtype=np.uint8),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, array in arrays.items():
        if gzipped:
            (folder / f"{name}.gz").write_bytes(gzip.compress(idx_bytes(array)))
        else:
            (folder / name).write_bytes(idx_bytes(array))
    return arrays


def assert_names_every_option(message, cache):
    """``message`` ends with the four ways to get the files, the last into ``cache``."""
    options = (
        "Get the four files in one of these ways:\n"
        "- pass the folder that holds them: load_fashion_mnist(folder=...);\n"
        "- set the environment variable NNLIB_FASHION_MNIST to that folder;\n"
        "- install Debian's package dataset-fashion-mnist (apt-get install "
        f"dataset-fashion-mnist), which puts them in {datasets.DEBIAN_FOLDER};\n"
        f"- download them once, online, into {cache}: load_fashion_mnist(download=True)."
    )
    assert message.endswith(options), message


# The real data: Debian's package dataset-fashion-mnist, which `make test` installs.


@pytest.fixture(scope="module")
def fashion_mnist():
    missing = [name for name in NAMES if not (datasets.DEBIAN_FOLDER / f"{name}.gz").is_file()]
    if missing:
        pytest.fail(
            f"{datasets.DEBIAN_FOLDER} lacks {missing}: install Debian's package "
            "dataset-fashion-mnist (`make test` does)"
        )
    return load_fashion_mnist(datasets.DEBIAN_FOLDER)


@pytest.mark.parametrize("name", NAMES)
def test_the_debian_files_are_the_official_files_with_a_rewritten_gzip_header(name):
    data = (datasets.DEBIAN_FOLDER / f"{name}.gz").read_bytes()
    assert data[:4] == b"\x1f\x8b\x08\x00", "expected a gzip header without a file name"
    date = struct.pack("<I", OFFICIAL_GZIP_DATE[name[:5].rstrip("-")])
    official = b"\x1f\x8b\x08\x08" + date + data[8:10] + name.encode() + b"\0" + data[10:]
    assert hashlib.md5(official).hexdigest() == OFFICIAL_MD5[f"{name}.gz"]
    assert datasets.CHECKSUMS == OFFICIAL_MD5


def test_fashion_mnist_has_60000_training_and_10000_test_images_of_28_by_28_pixels(
    fashion_mnist,
):
    assert fashion_mnist.train_images.shape == (60000, 28, 28)
    assert fashion_mnist.test_images.shape == (10000, 28, 28)
    assert fashion_mnist.train_labels.shape == (60000,)
    assert fashion_mnist.test_labels.shape == (10000,)
    assert all(array.dtype == np.uint8 for array in fashion_mnist)
    # Ten classes, balanced: 6,000 training and 1,000 test images each.
    np.testing.assert_array_equal(np.bincount(fashion_mnist.train_labels), [6000] * 10)
    np.testing.assert_array_equal(np.bincount(fashion_mnist.test_labels), [1000] * 10)
    assert fashion_mnist.train_images.max() == 255 and fashion_mnist.train_images.min() == 0


def test_the_labels_and_pixels_match_published_values(fashion_mnist):
    # TensorFlow's classification tutorial prints train_labels as [9, 0, 0, ..., 3, 0, 5]:
    # the first training image is an ankle boot, and so is the first test image.
    assert fashion_mnist.train_labels[:3].tolist() == [9, 0, 0]
    assert fashion_mnist.train_labels[-3:].tolist() == [3, 0, 5]
    assert FASHION_MNIST_CLASSES[fashion_mnist.test_labels[0]] == "Ankle boot"
    # The normalisation constants in common use: mean 0.2860 and standard deviation
    # 0.3530 of the training pixels scaled to [0, 1]; mean pixel 72.9404 (training)
    # and 73.1466 (test) on the scale 0 to 255.
    pixels = fashion_mnist.train_images.ravel()
    total = int(pixels.sum(dtype=np.uint64))  # exact sums, with no array of floats
    squares = int(np.einsum("i,i->", pixels, pixels, dtype=np.uint64, casting="unsafe"))
    mean = total / pixels.size
    std = np.sqrt(squares / pixels.size - mean**2)
    assert mean == pytest.approx(72.9404, abs=1e-4)
    assert mean / 255 == pytest.approx(0.2860, abs=5e-5)
    assert std / 255 == pytest.approx(0.3530, abs=5e-5)
    assert fashion_mnist.test_images.mean() == pytest.approx(73.1466, abs=1e-4)


def test_the_class_names_follow_the_labels_0_to_9():
    assert len(FASHION_MNIST_CLASSES) == 10
    assert FASHION_MNIST_CLASSES[0] == "T-shirt/top" and FASHION_MNIST_CLASSES[9] == "Ankle boot"
    assert FASHION_MNIST_CLASSES[5] == "Sandal" and FASHION_MNIST_CLASSES[7] == "Sneaker"


# The IDX reader, on files written here.


@pytest.mark.parametrize("gzipped", [False, True])
def test_read_idx_gives_back_the_array_written(tmp_path, gzipped):
    rng = np.random.default_rng(0)
    for array in (rng.integers(0, 256, (3, 4, 5), dtype=np.uint8), np.arange(7, dtype=np.uint8)):
        path = tmp_path / ("file.gz" if gzipped else "file")
        data = idx_bytes(array)
        path.write_bytes(gzip.compress(data) if gzipped else data)
        read = read_idx(path)
        assert read.dtype == np.uint8 and read.flags.writeable
        np.testing.assert_array_equal(read, array)


GOOD = idx_bytes(np.arange(24, dtype=np.uint8).reshape(2, 3, 4))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG" + GOOD[4:], "zero bytes, got a file starting with 89 50 4e 47$"),
        (b"", "magic number .* got a file starting with nothing"),
        (GOOD[:2] + b"\x0d" + GOOD[3:], r"type code 0x08 \(unsigned byte\), got 0x0d \(float\)"),
        (GOOD[:-1], r"expected 24 bytes of data for the sizes \(2, 3, 4\), got 23"),
        (GOOD + b"\0", r"expected 24 bytes of data for the sizes \(2, 3, 4\), got 25"),
        (GOOD[:10], "expected 3 sizes of 4 bytes after the magic number, got a file of 10"),
        (GOOD[:4], "expected 3 sizes of 4 bytes after the magic number, got a file of 4 bytes$"),
        (GOOD[:2] + b"\x01" + GOOD[3:], r"got 0x01 \(no IDX type\)$"),
        (gzip.compress(GOOD)[:-12], "expected a complete gzip file"),
    ],
    ids=[
        *("magic", "empty", "type", "truncated", "too-long", "header"),
        *("magic-alone", "no-type", "gzip-truncated"),
    ],
)
def test_read_idx_says_what_is_wrong_with_a_bad_file(tmp_path, data, message):
    path = tmp_path / "bad-idx3-ubyte"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=message) as error:
        read_idx(path)
    assert str(path) in str(error.value)


def test_a_label_file_of_another_length_than_its_images_is_an_error(tmp_path):
    write_set(tmp_path, 1, n_train=3)
    labels = tmp_path / "train-labels-idx1-ubyte.gz"
    labels.write_bytes(gzip.compress(idx_bytes(np.ones(2, dtype=np.uint8))))
    with pytest.raises(ValueError, match=r"one label for each of the 3 images .* shape \(2,\)"):
        load_fashion_mnist(tmp_path)


def test_images_of_another_size_and_labels_above_9_are_errors(tmp_path):
    write_set(tmp_path, 1)
    images = tmp_path / "t10k-images-idx3-ubyte.gz"
    images.write_bytes(gzip.compress(idx_bytes(np.ones((2, 28, 27), dtype=np.uint8))))
    with pytest.raises(ValueError, match=r"shape \(n, 28, 28\), got shape \(2, 28, 27\)"):
        load_fashion_mnist(tmp_path)
    write_set(tmp_path, 10)
    with pytest.raises(ValueError, match="labels from 0 to 9, got 10"):
        load_fashion_mnist(tmp_path)


def test_flatten_gives_each_image_as_a_row_of_784_pixels(tmp_path):
    arrays = write_set(tmp_path, 4, gzipped=False)
    data = load_fashion_mnist(tmp_path, flatten=True)
    assert data.train_images.shape == (3, 784) and data.test_images.shape == (2, 784)
    np.testing.assert_array_equal(
        data.train_images[1].reshape(28, 28), arrays["train-images-idx3-ubyte"][1]
    )
    np.testing.assert_array_equal(data.test_labels, [4, 4])


# Where the files are looked for.


@pytest.fixture
def places(tmp_path, monkeypatch):
    """Four folders, each with a set whose labels name it: the folder argument 1, the
    environment variable 2 (unzipped files), Debian's folder 3, the cache 4."""
    folders = {place: tmp_path / place for place in ("argument", "variable", "debian", "cache")}
    for label, (place, folder) in enumerate(folders.items(), start=1):
        write_set(folder, label, gzipped=place != "variable")
    monkeypatch.setenv("NNLIB_FASHION_MNIST", str(folders["variable"]))
    monkeypatch.setattr(datasets, "DEBIAN_FOLDER", folders["debian"])
    return folders


def test_the_folder_beats_the_variable_beats_debian_beats_the_cache(places, monkeypatch):
    def source(**arguments):
        return int(load_fashion_mnist(cache_folder=places["cache"], **arguments).test_labels[0])

    assert source(folder=places["argument"]) == 1
    assert source() == 2
    monkeypatch.delenv("NNLIB_FASHION_MNIST")
    assert source() == 3
    (places["debian"] / "t10k-labels-idx1-ubyte.gz").unlink()  # an incomplete folder is passed
    assert source() == 4
    monkeypatch.setattr(datasets, "DEFAULT_CACHE_FOLDER", places["cache"])
    assert int(load_fashion_mnist().test_labels[0]) == 4


def test_the_default_cache_folder_is_in_the_users_cache():
    assert datasets.DEFAULT_CACHE_FOLDER == Path("~/.cache/nnlib/fashion-mnist")
    assert datasets.DEBIAN_FOLDER == Path("/usr/share/datasets/fashion-mnist")


def test_a_named_folder_without_the_files_is_an_error_not_passed_over(places, monkeypatch):
    (places["argument"] / "train-labels-idx1-ubyte.gz").unlink()
    (places["argument"] / "t10k-labels-idx1-ubyte.gz").unlink()
    missing = "none for train-labels-idx1-ubyte, t10k-labels-idx1-ubyte.\n"
    with pytest.raises(FileNotFoundError, match=rf"folder: .* {missing}") as error:
        load_fashion_mnist(places["argument"], cache_folder=places["cache"])
    assert_names_every_option(str(error.value), places["cache"])
    (places["variable"] / "t10k-images-idx3-ubyte").unlink()
    with pytest.raises(FileNotFoundError, match=r"NNLIB_FASHION_MNIST: .* none for t10k-images"):
        load_fashion_mnist(cache_folder=places["cache"])


def test_nothing_found_and_no_download_is_an_error_naming_every_option(tmp_path, monkeypatch):
    monkeypatch.delenv("NNLIB_FASHION_MNIST", raising=False)
    monkeypatch.setattr(datasets, "DEBIAN_FOLDER", tmp_path / "debian")
    with pytest.raises(FileNotFoundError, match="found neither in") as error:
        load_fashion_mnist(cache_folder=tmp_path / "cache")
    assert_names_every_option(str(error.value), tmp_path / "cache")
    assert str(tmp_path / "debian") in str(error.value)
    assert not (tmp_path / "cache").exists()


# Downloads, from a server on 127.0.0.1.


@contextlib.contextmanager
def serving(folder, *, sizes=True):
    """Serve ``folder`` over HTTP on 127.0.0.1; yield its address and the paths asked for.
    With ``sizes`` false, the answers do not say how long they are (HTTP/1.0: the end of
    the connection ends the file)."""
    asked = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *arguments, **keywords):
            super().__init__(*arguments, directory=str(folder), **keywords)

        def send_header(self, keyword, value):
            if sizes or keyword != "Content-Length":
                super().send_header(keyword, value)

        def log_message(self, format, *arguments):
            asked.append(self.path)

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# Training images enough for a file of more than 1 MiB, which a download reads in two parts.
BIG = 1400


@pytest.fixture
def offline(tmp_path, monkeypatch):
    """No variable, an empty Debian folder, no proxy; the checksums of a served set."""
    for variable in ("NNLIB_FASHION_MNIST", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(datasets, "DEBIAN_FOLDER", tmp_path / "debian")
    served = tmp_path / "served"
    write_set(served, 7, n_train=BIG)
    files = [served / f"{name}.gz" for name in NAMES]
    checksums = {path.name: hashlib.md5(path.read_bytes()).hexdigest() for path in files}
    monkeypatch.setattr(datasets, "CHECKSUMS", checksums)
    return served


def test_a_download_fetches_the_missing_files_into_the_cache(
    offline, tmp_path, monkeypatch, capsys
):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "train-labels-idx1-ubyte.gz").write_bytes(
        (offline / "train-labels-idx1-ubyte.gz").read_bytes()
    )
    with serving(offline) as (url, asked):
        monkeypatch.setattr(datasets, "DOWNLOAD_URL", url)
        data = load_fashion_mnist(download=True, cache_folder=cache, progress=True)
        assert asked == [f"/{name}.gz" for name in NAMES if "train-labels" not in name]
        load_fashion_mnist(download=True, cache_folder=cache)
        assert len(asked) == 3, "a second load downloads nothing"
    np.testing.assert_array_equal(data.train_labels, [7] * BIG)
    assert sorted(path.name for path in cache.iterdir()) == sorted(datasets.CHECKSUMS)
    # Each file's progress on one line, rewritten after each read of 1 MiB (2**20 bytes).
    images = (offline / "train-images-idx3-ubyte.gz").stat().st_size
    mb = f"{images / 1e6:.1f}"
    assert capsys.readouterr().err == (
        f"\rtrain-images-idx3-ubyte.gz: 1.0 of {mb} MB ({100 * 2**20 // images} %)"
        f"\rtrain-images-idx3-ubyte.gz: {mb} of {mb} MB (100 %)\n"
        "\rt10k-images-idx3-ubyte.gz: 0.0 of 0.0 MB (100 %)\n"
        "\rt10k-labels-idx1-ubyte.gz: 0.0 of 0.0 MB (100 %)\n"
    )


def test_a_download_shows_no_progress_unless_asked_and_counts_mb_without_a_size(
    offline, tmp_path, monkeypatch, capsys
):
    cache = tmp_path / "home" / "cache"  # made with the folders above it
    with serving(offline, sizes=False) as (url, _):
        monkeypatch.setattr(datasets, "DOWNLOAD_URL", url)
        load_fashion_mnist(download=True, cache_folder=cache)
        assert capsys.readouterr().err == ""
        (cache / "t10k-labels-idx1-ubyte.gz").unlink()
        load_fashion_mnist(download=True, cache_folder=cache, progress=True)
    assert capsys.readouterr().err == "\rt10k-labels-idx1-ubyte.gz: 0.0 MB\n"


def test_a_download_is_kept_apart_in_the_cache_until_complete_and_gives_up_after_a_minute(
    offline, tmp_path, monkeypatch
):
    cache, asked = tmp_path / "cache", []
    real_urlopen = urllib.request.urlopen

    def urlopen(url, **options):  # what the cache holds as each download starts
        asked.append((sorted(path.name for path in cache.iterdir()), options))
        return real_urlopen(url, **options)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    with serving(offline) as (url, _):
        monkeypatch.setattr(datasets, "DOWNLOAD_URL", url)
        load_fashion_mnist(download=True, cache_folder=cache)
    (first, options), (second, _) = asked[:2]
    assert options == {"timeout": 60}
    assert len(first) == 1 and first[0].startswith(".train-images-idx3-ubyte.gz.")
    assert first[0].endswith(".part")
    # The first file, checked, has its own name; the second is on its way.
    assert second[1] == "train-images-idx3-ubyte.gz"
    assert second[0].startswith(".train-labels-idx1-ubyte.gz.") and second[0].endswith(".part")


def test_a_set_with_no_test_images_loads_as_empty_arrays(tmp_path):
    write_set(tmp_path, 3, n_test=0)
    data = load_fashion_mnist(tmp_path)
    assert data.test_images.shape == (0, 28, 28) and data.test_labels.shape == (0,)


def test_a_corrupted_download_is_an_error_and_is_not_kept(offline, tmp_path, monkeypatch):
    corrupted = offline / "t10k-images-idx3-ubyte.gz"
    data = bytearray(corrupted.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte changed, as a faulty connection might
    corrupted.write_bytes(bytes(data))
    expected = datasets.CHECKSUMS[corrupted.name]
    cache = tmp_path / "cache"
    with serving(offline) as (url, _), pytest.raises(ValueError) as error:
        monkeypatch.setattr(datasets, "DOWNLOAD_URL", url)
        load_fashion_mnist(download=True, cache_folder=cache)
    message = str(error.value)
    assert "t10k-images-idx3-ubyte.gz: checksum mismatch" in message
    assert f"expected MD5 {expected}, got {hashlib.md5(data).hexdigest()}" in message
    # The files before it were verified and stay; the corrupted one left nothing behind.
    assert sorted(path.name for path in cache.iterdir()) == [
        "train-images-idx3-ubyte.gz",
        "train-labels-idx1-ubyte.gz",
    ]


def test_a_server_that_is_down_gives_the_error_naming_every_option(offline, tmp_path, monkeypatch):
    with serving(offline) as (url, _):
        pass  # the server is shut down: its port now refuses connections
    monkeypatch.setattr(datasets, "DOWNLOAD_URL", url)
    with pytest.raises(FileNotFoundError, match=r"could not download .*/train-images") as error:
        load_fashion_mnist(download=True, cache_folder=tmp_path / "cache")
    assert_names_every_option(str(error.value), tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_file_missing_on_the_server_gives_the_same_error(offline, tmp_path, monkeypatch):
    (offline / "t10k-labels-idx1-ubyte.gz").unlink()
    with serving(offline) as (url, _):
        monkeypatch.setattr(datasets, "DOWNLOAD_URL", url)
        with pytest.raises(
            FileNotFoundError, match=r"t10k-labels-idx1-ubyte\.gz \(HTTP Error 404"
        ) as error:
            load_fashion_mnist(download=True, cache_folder=tmp_path / "cache")
    assert_names_every_option(str(error.value), tmp_path / "cache")
