"""What the results of a benchmark were measured on, written beside them."""

from __future__ import annotations

import datetime
import os
import platform
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_info


def cpu_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def blas_libraries(*, threads: bool = True) -> list[str]:
    """Each BLAS library loaded (NumPy's, SciPy's), with its version and threads."""
    return [
        f"{info['internal_api']} {info.get('version') or ''}"
        + (f" ({info['num_threads']} threads)" if threads else "")
        for info in threadpool_info()
        if info["user_api"] == "blas"
    ]


def machine() -> dict:
    return {
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": ", ".join(blas_libraries()),
    }


def provenance(script: str, started: float) -> dict:
    """How, when and where a script's results were made, for the head of its file:
    ``script`` is its file name in benchmarks/, ``started`` its ``time.perf_counter()``."""
    return {
        "command": f".venv/bin/python benchmarks/{script}",
        "date": datetime.date.today().isoformat(),
        "machine": machine(),
        "seconds": round(time.perf_counter() - started, 1),
    }
