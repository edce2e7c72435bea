"""Throughput benchmark: each kind of input against its bound, timed in one process.

    python -m pipeline.devtools.bench [--digital-pages 300] [--memory-pages 1000] [--scans 2] [--repeat 2] [--workers N]

Every figure is a ratio against a baseline measured in the same run, so a noisy machine
shifts both sides alike; with ``--repeat N`` the bound and the pipeline are timed
alternately N times and the best of each is kept.

* **digital**: one long born-digital PDF (the digital samples' pages repeated up to
  ``--digital-pages``). Bound: pdfplumber's own ``extract_words`` over every page, one
  process. Pipeline: the whole ``minutes run --no-cache`` command (start-up, reading, layout,
  extraction, database and CSVs), with its peak memory per process.
* **start-up**: ``minutes run`` of one small digital sample, against the 1 s target, and what
  importing spaCy and loading the model alone take (a floor for any run that extracts).
* **memory**: one ``minutes run --no-cache`` of a ``--memory-pages`` digital PDF (default
  1,000), with the peak RSS of the main process and of each worker, against 400 MB.
* **clean scans** (``scan300``) and **poor scans** (``scan200poor``): bound: raw
  ``tesseract IMAGE stdout`` single-threaded (OMP_THREAD_LIMIT=1), one page per core, on the
  same page images. Pipeline: ``read_documents`` (decode, preprocess, OCR, layout).
* **OCRmyPDF** on the same scans, when the ``ocrmypdf`` command is installed (an optional
  comparison, not a dependency).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.batch.schedule import read_documents
from pipeline.reading.pdftext import full_page_image_dpi, render_page
from pipeline.reading.sources import InputFile
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[2]
RENDERED = REPO / "samples" / "rendered"


def _best(runs: int, *timers: Callable[[], float]) -> list[float]:
    """Each timer run ``runs`` times, interleaved; the best time of each."""
    best = [float("inf")] * len(timers)
    for _ in range(max(1, runs)):
        for i, timer in enumerate(timers):
            best[i] = min(best[i], timer())
    return best


# ---------------------------------------------------------------- digital


def long_digital_pdf(out: Path, pages: int) -> Path:
    """The digital samples' pages repeated until the document has ``pages`` pages."""
    import pypdfium2 as pdfium

    sources = sorted(RENDERED.glob("*__digital.pdf"))
    if not sources:
        raise SystemExit("no samples/rendered/*__digital.pdf; run 'make samples' first")
    doc = pdfium.PdfDocument.new()
    while len(doc) < pages:
        for src in sources:
            if len(doc) >= pages:
                break
            with pdfium.PdfDocument(str(src)) as pdf:
                take = list(range(min(len(pdf), pages - len(doc))))
                doc.import_pages(pdf, take)
    path = out / f"long_{pages}.pdf"
    doc.save(str(path))
    doc.close()
    return path


def _pdfplumber_words(path: Path) -> float:
    import pdfplumber

    started = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.flush_cache()
    return time.perf_counter() - started


MEMORY_TARGET_MB = 400
STARTUP_TARGET_S = 1.0
_PEAKS = "bench-peaks "  # the line ``measured_main`` ends with: the JSON of each process's peak RSS


def _vm_hwm(pid: int) -> float | None:
    """A live process's peak resident set (VmHWM) in MiB, from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def measured_main(argv: list[str]) -> int:
    """``minutes ARGV`` that ends by printing the peak RSS of its main process and of each worker.

    Each worker's peak is read from /proc as the pool stops it; a worker replaced during the run
    is counted in ``children`` (the largest of the processes this one waited for).
    """
    import json
    import runpy

    from pipeline.batch.pool import WorkerPool

    workers: list[float] = []
    close = WorkerPool.close

    def measured_close(self: WorkerPool) -> None:
        workers.extend(filter(None, (_vm_hwm(w.process.pid) for w in self._pool)))
        close(self)

    WorkerPool.close = measured_close  # type: ignore[method-assign]
    sys.argv = ["minutes", *argv]
    code: int | str | None = 0
    try:
        runpy.run_module("pipeline", run_name="__main__", alter_sys=True)  # as ``python -m pipeline``
    except SystemExit as done:
        code = done.code
    finally:
        peaks = {"main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "workers": workers,
                 "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
        print(_PEAKS + json.dumps(peaks), file=sys.stderr)
    return code if isinstance(code, int) else 1


def _minutes_run(path: Path, out: Path, workers: int) -> tuple[float, dict]:
    """Seconds and peak RSS per process (MiB: ``main``, ``workers``) of a whole ``minutes run``."""
    import json

    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-c", "import sys; from pipeline.devtools.bench import measured_main; "
           "sys.exit(measured_main(sys.argv[1:]))",
           "run", str(path), "--out", str(out), "--no-cache", "--no-progress", "--workers", str(workers)]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"minutes run failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith(_PEAKS)]
    peaks = json.loads(lines[-1][len(_PEAKS):]) if lines else {"main": 0.0, "workers": [], "children": 0.0}
    peaks["errors"] = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    return seconds, peaks


def _peaks_text(peaks: dict) -> str:
    workers = peaks["workers"] or [peaks["children"]]
    return f"main {peaks['main']:.0f} MiB, workers " + " / ".join(f"{w:.0f}" for w in workers) + " MiB"


def bench_digital(pages: int, *, repeat: int, workers: int, tmp: Path) -> None:
    pdf = long_digital_pdf(tmp, pages)
    peaks: list[dict] = []

    def ours() -> float:
        seconds, peak = _minutes_run(pdf, tmp / "out", workers)
        peaks.append(peak)
        return seconds

    bound, run = _best(repeat, lambda: _pdfplumber_words(pdf), ours)
    print(f"digital PDF, {pages} pages, {workers} worker(s)")
    print(f"  bound: pdfplumber extract_words, one process     {bound:7.2f} s  {pages / bound:6.1f} pages/s")
    print(f"  minutes run --no-cache (whole command)           {run:7.2f} s  {pages / run:6.1f} pages/s"
          f"  ratio {run / bound:4.2f}x (target 1.50x)")
    print(f"  peak RSS per process: {_peaks_text(peaks[-1])}")
    for line in peaks[-1]["errors"]:
        print(f"  {line}")


def bench_memory(pages: int, *, workers: int, tmp: Path) -> None:
    """One whole run of a long digital PDF: the peak RSS of each process against the target."""
    pdf = long_digital_pdf(tmp, pages)
    seconds, peaks = _minutes_run(pdf, tmp / "out_memory", workers)
    largest = max([peaks["main"], *peaks["workers"], peaks["children"]])
    verdict = "within" if largest <= MEMORY_TARGET_MB else "OVER"
    print(f"memory: digital PDF, {pages} pages, one minutes run --no-cache, {workers} worker(s): {seconds:.1f} s")
    print(f"  peak RSS per process: {_peaks_text(peaks)}; largest {largest:.0f} MiB, "
          f"{verdict} the {MEMORY_TARGET_MB} MB target")
    for line in peaks["errors"]:
        print(f"  {line}")


def bench_startup(*, repeat: int, tmp: Path) -> None:
    """``minutes run`` of one small digital sample, and the part of it spaCy alone takes."""
    sample = RENDERED / "cb_55__digital.pdf"
    if not sample.exists():
        print("no samples/rendered/cb_55__digital.pdf; run 'make samples' first", file=sys.stderr)
        return
    cmd = [sys.executable, "-m", "pipeline", "run", str(sample), "--out", str(tmp / "out_small"), "--no-cache",
           "--no-progress"]
    floor = [sys.executable, "-c", "from pipeline import nlp; nlp.load()"]
    reading = [sys.executable, "-m", "pipeline", "text", str(sample)]  # the run's reading alone: no spaCy

    def timed(argv: list[str]) -> float:
        shutil.rmtree(tmp / "out_small", ignore_errors=True)  # a fresh --out: the file is read, not kept
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        return time.perf_counter() - started

    run, spacy, read = _best(max(repeat, 3), lambda: timed(cmd), lambda: timed(floor), lambda: timed(reading))
    print(f"start-up: minutes run of one small digital PDF ({sample.name}, 3 pages)")
    print(f"  minutes run --no-cache (whole command)           {run:7.2f} s  target {STARTUP_TARGET_S:.1f} s")
    print(f"  of it, python + import spaCy + load the model    {spacy:7.2f} s  (the floor of any run that extracts)")
    print(f"  minutes text (start, read every page, print)     {read:7.2f} s  (a run's reading, without the NLP stage)")


# ---------------------------------------------------------------- scans


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


def _pipeline(items: list[InputFile], workers: int) -> float:
    started = time.perf_counter()
    for _ in read_documents(items, settings=Settings(workers=workers)):
        pass
    return time.perf_counter() - started


def _ocrmypdf(pdfs: list[Path], out: Path, workers: int) -> float | None:
    if shutil.which("ocrmypdf") is None:
        return None
    started = time.perf_counter()
    for pdf in pdfs:
        subprocess.run(["ocrmypdf", "--force-ocr", "--jobs", str(workers), "--quiet", str(pdf), str(out / pdf.name)],
                       check=True, capture_output=True)
    return time.perf_counter() - started


def bench_scans(variant: str, limit: int, *, repeat: int, workers: int, tmp: Path, threads: bool) -> None:
    pdfs = sorted(RENDERED.glob(f"*__{variant}.pdf"))[:limit]
    if not pdfs:
        print(f"no samples/rendered/*__{variant}.pdf; run 'make samples' first", file=sys.stderr)
        return
    folder = tmp / variant
    folder.mkdir()
    images = _page_images(pdfs, folder)
    n = len(images)
    items = [InputFile(p, str(p)) for p in pdfs]
    bound, ours = _best(repeat, lambda: _tesseract(images, workers=workers, threads=1), lambda: _pipeline(items, workers))
    print(f"{variant}: {len(pdfs)} file(s), {n} scanned page(s), {workers} worker(s)")
    print(f"  bound: raw tesseract, 1 thread/page, {workers} in parallel {bound:7.2f} s  {n / bound:5.2f} pages/s")
    print(f"  minutes (decode+preprocess+OCR+layout)           {ours:7.2f} s  {n / ours:5.2f} pages/s  ratio {ours / bound:4.2f}x")
    if threads:
        threaded = _tesseract(images, workers=1, threads=None)
        single = _tesseract(images[: max(1, n // 2)], workers=1, threads=1) * n / max(1, n // 2)
        print(f"  raw tesseract, 1 thread, one page at a time      {single:7.2f} s  ratio {single / bound:4.2f}x")
        print(f"  raw tesseract, its own threads, one at a time    {threaded:7.2f} s  ratio {threaded / bound:4.2f}x")
    other = _ocrmypdf(pdfs, folder, workers)
    if other is not None:
        print(f"  OCRmyPDF --force-ocr (optional comparison)       {other:7.2f} s  ratio {other / bound:4.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.devtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--digital-pages", type=int, default=300, help="pages of the long digital PDF (0: skip)")
    parser.add_argument("--memory-pages", type=int, default=1000,
                        help="pages of the digital PDF whose run's peak memory is measured (0: skip)")
    parser.add_argument("--startup", type=int, default=1, help="time a run of one small file (0: skip)")
    parser.add_argument("--scans", type=int, default=2, help="scanned sample files per variant (0: skip)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=2, help="time each bound and pipeline N times, interleaved; best of N")
    parser.add_argument("--threads", action="store_true", help="also time Tesseract's own OpenMP threads")
    ns = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if ns.startup:
            bench_startup(repeat=ns.repeat, tmp=Path(tmp))
        if ns.digital_pages:
            bench_digital(ns.digital_pages, repeat=ns.repeat, workers=ns.workers, tmp=Path(tmp))
        if ns.memory_pages:
            bench_memory(ns.memory_pages, workers=ns.workers, tmp=Path(tmp))
        for variant in ("scan300", "scan200poor") if ns.scans else ():
            bench_scans(variant, ns.scans, repeat=ns.repeat, workers=ns.workers, tmp=Path(tmp), threads=ns.threads)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this benchmark process: {rss_self:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
