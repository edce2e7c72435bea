"""Throughput benchmark: the pipeline on scanned samples against raw Tesseract on the same images.

    python -m pipeline.devtools.bench [--variant scan300] [--limit N] [--workers N]

Prints figures as ratios against baselines measured in the same process, so a noisy machine
shifts both sides alike:
* raw bound: ``tesseract IMAGE stdout`` single-threaded (OMP_THREAD_LIMIT=1), one process per core;
* Tesseract's own threads: the same images one at a time with OpenMP threads allowed;
* the pipeline: ``read_documents`` on the scanned PDFs (render, deskew, rule removal, OCR, layout).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.batch.schedule import read_documents
from pipeline.reading.pdftext import full_page_image_dpi, render_page
from pipeline.reading.sources import InputFile
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def _page_images(pdfs: list[Path], out: Path) -> list[Path]:
    import pdfplumber

    images = []
    for pdf_path in pdfs:
        with pdfplumber.open(pdf_path) as pdf:
            dpis = [full_page_image_dpi(p) or 300 for p in pdf.pages]
        for i, dpi in enumerate(dpis):
            img = render_page(str(pdf_path), i, round(dpi))
            path = out / f"{pdf_path.stem}_{i + 1}.png"
            img.save(path, dpi=(round(dpi), round(dpi)))
            images.append(path)
    return images


def _tesseract(images: list[Path], *, workers: int, threads: int | None) -> float:
    env = dict(os.environ)
    if threads is None:
        env.pop("OMP_THREAD_LIMIT", None)
    else:
        env["OMP_THREAD_LIMIT"] = str(threads)

    def one(path: Path) -> None:
        subprocess.run(["tesseract", str(path), "stdout", "--psm", "6"], env=env, check=True, capture_output=True)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.devtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--variant", default="scan300", help="sample variant to time (default scan300)")
    parser.add_argument("--limit", type=int, default=4, help="number of sample files (default 4)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1, help="time the bound and the pipeline N times each, interleaved; best of N")
    ns = parser.parse_args(argv)
    pdfs = sorted((REPO / "samples" / "rendered").glob(f"*__{ns.variant}.pdf"))[: ns.limit]
    if not pdfs:
        print(f"no samples/rendered/*__{ns.variant}.pdf; run 'make samples' first", file=sys.stderr)
        return 2
    items = [InputFile(p, str(p)) for p in pdfs]
    raws, ours_runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        images = _page_images(pdfs, Path(tmp))
        n = len(images)
        for _ in range(max(1, ns.repeat)):
            raws.append(_tesseract(images, workers=ns.workers, threads=1))
            started = time.perf_counter()
            docs = list(read_documents(items, settings=Settings(workers=ns.workers)))
            ours_runs.append(time.perf_counter() - started)
        threaded = _tesseract(images, workers=1, threads=None)
        single = _tesseract(images[: max(1, n // 2)], workers=1, threads=1) * n / max(1, n // 2)
    raw, ours = min(raws), min(ours_runs)
    pages = sum(len(d.pages) for d in docs)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{len(pdfs)} file(s), {n} scanned page(s) ({ns.variant}), {ns.workers} worker(s)")
    print(f"raw tesseract, 1 thread/page, {ns.workers} in parallel: {raw:7.2f} s  {n / raw:5.2f} pages/s  (bound)")
    print(f"raw tesseract, 1 thread, one page at a time:       {single:7.2f} s  ratio {single / raw:4.2f}x")
    print(f"raw tesseract, its own threads, one at a time:     {threaded:7.2f} s  ratio {threaded / raw:4.2f}x")
    print(f"minutes pipeline (render+preprocess+OCR+layout):   {ours:7.2f} s  {pages / ours:5.2f} pages/s  ratio {ours / raw:4.2f}x")
    print(f"peak RSS: main process {rss_self:.0f} MiB, largest child {rss_children:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
