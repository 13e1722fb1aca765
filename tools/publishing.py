"""Where the book is published: the one setting ``repository`` of _config.yml.

The install cell of every chapter (tools/install_cell.py) and the website's launch and
repository buttons (book/_ext/publishing.py) follow it. Whoever owns an address controls
what it serves, so nothing is fetched from an address that was not set on purpose:

- ``url`` empty (as shipped): no launch or repository buttons, and the install cell
  fetches nothing; where nnlib is missing it says how to install it.
- ``url`` set: ``branch`` must pin one version, a tag (``v1.0``, ``2026.1``) or a
  commit; a branch name such as ``main`` is refused, since what it names changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.notebooks import ROOT

# A commit (7 to 40 hexadecimal digits), or a version tag: v1, v1.2, 2026.1, v1.2.3-rc1.
PINNED = re.compile(r"[0-9a-f]{7,40}|v?\d+(\.\d+)*([-.+][0-9A-Za-z.]+)?")


@dataclass(frozen=True)
class Address:
    url: str  # https://github.com/owner/name, without ".git"
    ref: str  # the tag or commit


def published_address(root: Path = ROOT) -> Address | None:
    """The address and pinned version set in ``root``'s _config.yml, or None if unset."""
    repository = yaml.safe_load((root / "_config.yml").read_text()).get("repository") or {}
    url = (repository.get("url") or "").strip().rstrip("/").removesuffix(".git")
    ref = str(repository.get("branch") or "").strip()
    if not url:
        return None
    if not url.startswith("https://"):
        raise ValueError(f"repository url: expected an https:// address, got {url!r}")
    if not PINNED.fullmatch(ref):
        raise ValueError(
            "repository branch: expected a tag (such as v1.0) or a commit that pins one "
            f"version of the book, got {ref!r}: what a branch names changes"
        )
    return Address(url, ref)
