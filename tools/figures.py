"""Compare the figures stored in a notebook cell with freshly drawn ones.

nbval compares text outputs only, so a figure that no longer matches its code would
go unnoticed. :mod:`tools.nbval_checks` calls :func:`figure_differences` for every
cell nbval runs: each stored PNG is compared with the PNG the same cell draws now,
with matplotlib's image comparison (RMS difference of pixel values).
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from pathlib import Path

from matplotlib.testing.compare import compare_images
from PIL import Image, ImageDraw

# Largest RMS difference, in 0-255 pixel units, for two drawings to count as the same.
TOLERANCE = 1.0


def png_images(outputs) -> list[bytes]:
    """The PNG images among a cell's outputs, in order."""
    return [
        base64.b64decode(output["data"]["image/png"])
        for output in outputs
        if "image/png" in output.get("data", {})
    ]


def figure_differences(stored_outputs, fresh_outputs, workdir: Path) -> list[str]:
    """Describe every stored figure that the fresh outputs draw differently, or not at all."""
    stored, fresh = png_images(stored_outputs), png_images(fresh_outputs)
    if len(stored) != len(fresh):
        hint = " (is MPLBACKEND set? it keeps figures out of the outputs)" if not fresh else ""
        return [f"{len(stored)} stored figures, {len(fresh)} drawn now{hint}"]
    problems = []
    for number, (stored_png, fresh_png) in enumerate(zip(stored, fresh, strict=True)):
        stored_path = workdir / f"figure{number}-stored.png"
        fresh_path = workdir / f"figure{number}-fresh.png"
        stored_path.write_bytes(stored_png)
        fresh_path.write_bytes(fresh_png)
        result = compare_images(str(stored_path), str(fresh_path), tol=TOLERANCE)
        if result is not None:
            problems.append(f"figure {number}: {result}")
    return problems


def redrawn_png(png_base64: str, draw: Callable[[Image.Image], None]) -> str:
    """The base64 PNG decoded, changed by ``draw(image)`` and encoded again: for tests
    that need a figure which its code no longer draws."""
    image = Image.open(io.BytesIO(base64.b64decode(png_base64))).convert("RGBA")
    draw(image)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def strike_through(image: Image.Image) -> None:
    """Draw a red diagonal line across ``image``."""
    ImageDraw.Draw(image).line([(0, 0), image.size], fill="red", width=3)
