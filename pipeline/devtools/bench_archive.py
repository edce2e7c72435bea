"""Archive benchmark: a cold batch, the re-run of the unchanged archive, and adding new files.

    python -m pipeline.devtools.bench_archive [--source samples] [--hold-back 5] [--workers N]

Copies every sample input under ``--source`` into a temporary archive, keeping ``--hold-back``
files out, then times in one process:
1. the cold run (empty database and page cache: every page read, every scan OCR'd);
2. the re-run of the unchanged archive (target: at least 20x faster than 1);
3. adding the held-back files (should cost what those files cost alone, not a full run);
4. ``--force`` with the page cache (every file extracted again, no page read again).
Figures are ratios against the cold run measured in the same process.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pipeline.batch.run import RunResult, run
from pipeline.reading.sources import discover
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def _timed(paths: list[str], out: Path, settings: Settings, **kw: bool) -> tuple[float, RunResult]:
    started = time.perf_counter()
    result = run(paths, out_dir=out, settings=settings, progress=sys.stderr.isatty(), **kw)
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.devtools.bench_archive", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=REPO / "samples", help="folder of inputs (default samples/)")
    parser.add_argument("--hold-back", type=int, default=5, help="files added after the first run (default 5)")
    parser.add_argument("--workers", type=int, default=0, help="pages read in parallel (default: one per core)")
    ns = parser.parse_args(argv)
    items, _ = discover([ns.source])
    if len(items) <= ns.hold_back:
        print(f"need more than {ns.hold_back} inputs under {ns.source}; run 'make samples' first", file=sys.stderr)
        return 2
    settings = Settings(workers=ns.workers)
    # hold back every k-th file so the new ones are a mix of kinds, like a month's new minutes
    step = max(1, len(items) // ns.hold_back)
    held = set(range(step - 1, len(items), step)[: ns.hold_back])
    with tempfile.TemporaryDirectory() as tmp:
        archive, out = Path(tmp) / "archive", Path(tmp) / "outputs"
        later = []
        for i, item in enumerate(items):
            dest = archive / item.path.relative_to(ns.source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if i in held:
                later.append((item.path, dest))
            else:
                shutil.copy(item.path, dest)
        cold_s, cold = _timed([str(archive)], out, settings)
        warm_s, warm = _timed([str(archive)], out, settings)
        for src, dest in later:
            shutil.copy(src, dest)
        new_s, new = _timed([str(archive)], out, settings)
        force_s, force = _timed([str(archive)], out, settings, force=True)
        # the same new files alone, in an empty output folder: what they cost by themselves
        alone_s, alone = _timed([str(dest) for _, dest in later], Path(tmp) / "alone", settings)
        total = len(items)
    print(f"archive: {total - len(later)} file(s) first, then {len(later)} added; {settings.n_workers} worker(s)")
    print(f"1 cold run:        {cold_s:7.1f} s  {cold.files} file(s), {cold.pages} page(s), {cold.ocr_pages} OCR'd, "
          f"{cold.pages / cold_s:4.2f} pages/s, {len(cold.errors)} error(s)")
    print(f"2 unchanged rerun: {warm_s:7.2f} s  read {warm.files}, kept {warm.reused}, OCR'd {warm.ocr_pages}  "
          f"speed-up {cold_s / warm_s:6.1f}x")
    print(f"3 add {len(later)} file(s):   {new_s:7.1f} s  read {new.files} ({new.pages} page(s), {new.ocr_pages} OCR'd), "
          f"kept {new.reused}; those files alone in an empty folder: {alone_s:.1f} s "
          f"(ratio {new_s / alone_s:.2f}; {alone.files} file(s))")
    print(f"4 --force, cached: {force_s:7.1f} s  read {force.files}, {force.cached_pages} page(s) from the cache, "
          f"speed-up {cold_s / force_s:5.1f}x")
    rows = force.frames
    print(f"database: {len(rows['meetings'])} meetings, {len(rows['decisions'])} decisions, {len(rows['actions'])} actions, "
          f"{len(rows['errors'])} error rows; every file extracted or listed: "
          f"{len(set(rows['meetings']['source_file']) | set(rows['errors']['source_file'])) == total}")
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main process {rss_self:.0f} MiB, largest worker {rss_children:.0f} MiB")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    sys.exit(main())
