"""Launch and repository buttons only for a book published at an address set on purpose.

Jupyter Book builds the buttons from ``repository`` in _config.yml; this extension keeps
them only when tools/publishing.py finds an address there, pinned to a tag or commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.publishing import published_address

NO_LAUNCH_BUTTONS = {"thebe": False}


def buttons_for(theme_options: dict, root: Path) -> dict:
    """``theme_options`` with the buttons that the address set in ``root`` allows."""
    address = published_address(root)
    if address is None:
        return {
            **theme_options,
            "launch_buttons": NO_LAUNCH_BUTTONS,
            "use_repository_button": False,
            "repository_url": "",
        }
    return {
        **theme_options,
        "use_repository_button": True,
        "repository_url": address.url,
        "repository_branch": address.ref,
    }


def _set_buttons(app, config):
    config.html_theme_options = buttons_for(config.html_theme_options, Path(app.srcdir))


def setup(app):
    app.connect("config-inited", _set_buttons)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
