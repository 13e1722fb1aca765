"""Empty code frames on printed pages: the part of a code cell left at the foot of a page
when its code went on to the next. Seen on the pages rendered as small grey images with
pdftoppm (Debian's poppler-utils); ``tools/pdf.py`` looks at every PDF it prints, and
tests/test_pdf.py judges what it found."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image
from scipy import ndimage

from tools.site import file_digest

# A code cell's frame is filled with this grey (myst-nb's source background, #f7f7f7,
# in the light theme that the PDFs are printed in); the page is white, text darker.
CODE_BACKGROUND = 0xF7
INK = 0xEB  # darker than this is something printed: text, even at a low resolution
RENDER_DPI = 30  # enough to see a line of code as ink; 1 pixel is 0.85 mm
MM_PER_PIXEL = 25.4 / RENDER_DPI


def empty_code_frames(page: np.ndarray) -> list[tuple[int, int]]:
    """Top and height (in pixels) of each frame on a grey page image that is filled
    with the code background and holds nothing. Frames are told from the grey strips of
    shadows by their exact colour and from inline code by their width."""
    background = np.abs(page.astype(int) - CODE_BACKGROUND) <= 1
    labels, _ = ndimage.label(background)
    empty = []
    for rows, columns in ndimage.find_objects(labels):
        if columns.stop - columns.start < 0.3 * page.shape[1] or rows.stop - rows.start < 2:
            continue
        inside = page[rows.start + 1 : rows.stop - 1, columns.start + 1 : columns.stop - 1]
        if inside.size and inside.min() > INK:
            empty.append((rows.start, rows.stop - rows.start))
    return empty


def page_count(pdf: Path) -> int:
    """How many pages ``pdf`` has, as pdfinfo (poppler-utils) reads it."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(info.stdout.split("Pages:")[1].split()[0])


def empty_code_frames_in(pdfs: list[Path], root: Path) -> dict[str, dict]:
    """For each PDF, by its path below ``root``: its SHA-256 and where on which page it
    shows an empty code frame, in words."""
    with tempfile.TemporaryDirectory() as images:
        # One pdftoppm per PDF, all at once: together they take a few seconds.
        renderings = [
            subprocess.Popen(
                ["pdftoppm", "-r", str(RENDER_DPI), "-gray", str(pdf), f"{images}/{i}"]
            )
            for i, pdf in enumerate(pdfs)
        ]
        if [rendering.wait() for rendering in renderings] != [0] * len(pdfs):
            raise RuntimeError("pdftoppm could not render every PDF")
        found = {}
        for i, pdf in enumerate(pdfs):
            frames = []
            for image in sorted(Path(images).glob(f"{i}-*.pgm")):
                page = int(image.stem.rsplit("-", 1)[1])
                for top, height in empty_code_frames(np.asarray(Image.open(image))):
                    frames.append(
                        f"page {page}: {height * MM_PER_PIXEL:.0f} mm high, "
                        f"{top * MM_PER_PIXEL:.0f} mm from the top"
                    )
            found[pdf.relative_to(root).as_posix()] = {
                "sha256": file_digest(pdf),
                "emptyCodeFrames": frames,
            }
    return found
