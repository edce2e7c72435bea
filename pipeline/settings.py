"""One validated settings object for a run (dpi, language, psm, workers, time limits)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from pipeline.errors import UsageError

# the default page limit: an A3 page at 400 dpi (4678 x 6615 = 31 million pixels) or an A4 page at
# 600 dpi (4961 x 7016 = 35 million) fits; a decompression bomb or a poster-sized page does not
MAX_PIXELS = 36_000_000


@dataclass(frozen=True)
class Settings:
    dpi: int = 300  # resolution for rendering PDF pages that need OCR
    language: str = "eng"  # Tesseract language(s), e.g. "eng" or "eng+fra"
    psm: int = 6  # Tesseract page segmentation mode; 6 = a uniform block of text
    oem: int = 1  # LSTM engine
    workers: int = 0  # 0 = one per core
    page_timeout: float = 120.0  # processor seconds each stage of a page may take (Tesseract: wall seconds per pass)
    max_pixels: int = MAX_PIXELS  # largest page image decoded or rendered; larger ones are error rows
    max_memory_mb: int = 2048  # memory a page worker may take beyond its start (RLIMIT_AS); 0 = no cap
    max_text_mb: float = 16.0  # largest .txt input read
    deskew: bool = True
    binarize: bool = False
    detect_orientation: bool = True
    min_text_chars: int = 40  # a text layer with fewer usable characters counts as absent
    executor: str = "local"  # "local": one process pool here; "dask": a Dask distributed cluster
    scheduler: str | None = None  # Dask scheduler address (tcp://host:8786); None = a LocalCluster here

    def __post_init__(self) -> None:
        if not 70 <= self.dpi <= 1200:
            raise UsageError(f"--dpi {self.dpi} is out of range; use 150-600 (300 is usual)")
        if self.psm not in {1, 3, 4, 6, 11, 12}:
            raise UsageError(f"--psm {self.psm} is not a page segmentation mode for whole pages; use 1, 3, 4, 6, 11 or 12")
        if self.workers < 0:
            raise UsageError("--workers must be 0 (one per core) or a positive number")
        if self.page_timeout <= 0:
            raise UsageError("--page-timeout must be a positive number of seconds")
        if self.max_pixels < 1_000_000:
            raise UsageError(f"--max-pixels {self.max_pixels} is too small for a page; use at least 1000000 (the default, 36000000, fits A3 at 400 dpi)")
        if self.max_memory_mb < 0 or 0 < self.max_memory_mb < 256:
            raise UsageError(f"--max-memory {self.max_memory_mb} MB is too small to read a page; use 0 (no cap) or at least 256")
        if self.max_text_mb <= 0:
            raise UsageError("the largest .txt input must be a positive number of MB")
        if self.executor not in {"local", "dask"}:
            raise UsageError(f"--executor {self.executor!r} is not known; use 'local' or 'dask'")
        if self.scheduler and self.executor != "dask":
            raise UsageError("--scheduler needs --executor dask")
        if not self.language or any(not part.isalnum() and part != "_" for part in self.language.split("+")):
            raise UsageError(f"--lang {self.language!r} is not a Tesseract language such as 'eng' or 'eng+deu'")

    @property
    def n_workers(self) -> int:
        return self.workers or (os.cpu_count() or 1)
