"""Render the meeting specs in ``samples/specs/`` into sample documents and gold files.

    .venv/bin/python samples/generate.py [--out samples/rendered] [--only KEY...]
        [--variants digital,scan300,scan200poor,tiff,mixed] [--force] [--gold samples/gold]
    .venv/bin/python samples/generate.py --split tuning,unseen [--only KEY...] [--force]

``--split`` renders the drawn splits instead (``generator/drawn.py``: specs drawn from the
split's seed): files ``samples/rendered/<split>/<key>__{digital,scan,poor}.pdf`` and gold
``samples/splits/<split>/gold/<key>.json`` (``minutes eval samples/rendered/<split>
--gold samples/splits/<split>/gold``).

Output is deterministic: rendering twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.compose import compose, gold  # noqa: E402
from generator.drawn import SPLITS, split_specs  # noqa: E402
from generator.render import VARIANTS, build_pdf, render_variant, scanned_pages  # noqa: E402
from generator.scans import SPLIT_VARIANTS, render_split_variant  # noqa: E402

HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
SPLIT_DIR = HERE / "splits"
PROTECTED_GOLD = {"csc_15_seed"}  # written by hand elsewhere


def load_specs(keys: list[str] | None = None, spec_dir: Path = SPECS) -> list[dict[str, Any]]:
    specs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(spec_dir.glob("*.json"))]
    if keys:
        unknown = set(keys) - {s["key"] for s in specs}
        if unknown:
            raise SystemExit(f"unknown spec key(s): {', '.join(sorted(unknown))}")
        specs = [s for s in specs if s["key"] in keys]
    return specs


def gold_for(spec: dict[str, Any]) -> dict[str, Any]:
    layout = compose(spec)
    return gold(spec, layout, mixed_pages=scanned_pages(layout))


def render_spec(
    spec: dict[str, Any],
    out: Path,
    *,
    variants: list[str],
    force: bool = False,
    gold_dir: Path | None = None,
) -> list[Path]:
    """Render one spec into ``out`` (skipping existing files unless ``force``) and write its gold."""
    layout = compose(spec)
    digital = build_pdf(spec, layout)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for variant in variants:
        path = out / f"{spec['key']}__{variant}.{VARIANTS[variant]}"
        if path.exists() and not force:
            print(f"skip   {path} (exists)", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        render_variant(spec, layout, digital, variant, path)
        print(
            f"wrote  {path}  {len(layout.pages)} pages  {path.stat().st_size / 1024:.0f} KiB"
            f"  {time.perf_counter() - t0:.1f}s",
            file=sys.stderr,
        )
        written.append(path)
    if gold_dir is not None and spec["key"] not in PROTECTED_GOLD:
        gold_dir.mkdir(parents=True, exist_ok=True)
        text = (
            json.dumps(
                gold(spec, layout, mixed_pages=scanned_pages(layout)), indent=2, ensure_ascii=False
            )
            + "\n"
        )
        gpath = gold_dir / f"{spec['key']}.json"
        if not gpath.exists() or gpath.read_text(encoding="utf-8") != text:
            gpath.write_text(text, encoding="utf-8")
    return written


def split_gold(spec: dict[str, Any], layout: Any = None) -> dict[str, Any]:
    """Gold of a drawn spec: the sample schema; every page is an image in ``scan`` and ``poor``."""
    layout = layout or compose(spec)
    record = gold(spec, layout, mixed_pages=[])
    pages = list(range(1, len(layout.pages) + 1))
    record["scanned_pages"] = {"scan": pages, "poor": pages}
    return record


def _write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def render_split_spec(
    spec: dict[str, Any],
    out: Path,
    *,
    variants: list[str],
    force: bool = False,
    gold_dir: Path | None = None,
    spec_dir: Path | None = None,
) -> list[Path]:
    """Render one drawn spec into ``out`` (skipping existing files unless ``force``)."""
    layout = compose(spec)
    digital = build_pdf(spec, layout)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for variant in variants:
        path = out / f"{spec['key']}__{variant}.{SPLIT_VARIANTS[variant]}"
        if path.exists() and not force:
            continue
        t0 = time.perf_counter()
        render_split_variant(spec, layout, digital, variant, path)
        print(
            f"wrote  {path}  {len(layout.pages)} pages  {path.stat().st_size / 1024:.0f} KiB"
            f"  {time.perf_counter() - t0:.1f}s",
            file=sys.stderr,
        )
        written.append(path)
    if gold_dir is not None:
        _write_json(gold_dir / f"{spec['key']}.json", split_gold(spec, layout))
    if spec_dir is not None:
        _write_json(spec_dir / f"{spec['key']}.json", spec)
    return written


def _run(tasks: list[tuple[Any, ...]], fn: Any, jobs: int) -> None:
    workers = min(len(tasks), jobs or os.cpu_count() or 1)
    if workers <= 1:
        for args, kwargs in tasks:
            fn(*args, **kwargs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for f in [pool.submit(fn, *args, **kwargs) for args, kwargs in tasks]:
            f.result()


def main_split(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    splits = list(SPLITS) if args.split == "all" else [s.strip() for s in args.split.split(",")]
    bad = [s for s in splits if s not in SPLITS]
    if bad:
        ap.error(f"unknown split(s) {', '.join(bad)}; choose from {', '.join(SPLITS)} or all")
    variants = [v.strip() for v in args.variants.split(",") if v.strip()] if args.variants else list(
        SPLIT_VARIANTS
    )
    bad = [v for v in variants if v not in SPLIT_VARIANTS]
    if bad:
        ap.error(f"unknown variant(s) {', '.join(bad)}; choose from {', '.join(SPLIT_VARIANTS)}")
    tasks = []
    for split in splits:
        specs = split_specs(split)
        if args.only:
            specs = [s for s in specs if s["key"] in args.only]
        out = args.out / split if args.out else HERE / "rendered" / split
        gold_dir = args.gold / split / "gold" if args.gold else SPLIT_DIR / split / "gold"
        spec_dir = args.dump_specs / split if args.dump_specs else None
        tasks += [
            ((spec, out), {"variants": variants, "force": args.force, "gold_dir": gold_dir,
                           "spec_dir": spec_dir})
            for spec in specs
        ]
    if not tasks:
        ap.error("no spec selected")
    _run(tasks, render_split_spec, args.jobs)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None,
                    help="folder for rendered files (default samples/rendered; with --split "
                         "samples/rendered/<split>, or OUT/<split>)")
    ap.add_argument("--gold", type=Path, default=None,
                    help="folder for gold JSON files (default samples/gold; with --split "
                         "samples/splits/<split>/gold, or GOLD/<split>/gold)")
    ap.add_argument("--only", nargs="+", metavar="KEY", help="render only these spec keys")
    ap.add_argument(
        "--variants",
        default=None,
        help=f"comma-separated subset of {','.join(VARIANTS)} "
             f"(with --split: {','.join(SPLIT_VARIANTS)})",
    )
    ap.add_argument("--force", action="store_true", help="overwrite existing rendered files")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: all CPUs)")
    ap.add_argument("--split", help=f"render drawn split(s) instead: {','.join(SPLITS)} or all")
    ap.add_argument("--dump-specs", type=Path, default=None,
                    help="with --split: also write the drawn specs to DUMP_SPECS/<split>/")
    args = ap.parse_args(argv)
    if args.split:
        return main_split(args, ap)
    args.out = args.out or HERE / "rendered"
    args.gold = args.gold or HERE / "gold"
    args.variants = args.variants or ",".join(VARIANTS)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    bad = [v for v in variants if v not in VARIANTS]
    if bad:
        ap.error(f"unknown variant(s) {', '.join(bad)}; choose from {', '.join(VARIANTS)}")
    specs = load_specs(args.only)
    workers = min(len(specs), args.jobs or os.cpu_count() or 1)
    if workers <= 1:
        for spec in specs:
            render_spec(spec, args.out, variants=variants, force=args.force, gold_dir=args.gold)
        return 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(
                render_spec, spec, args.out, variants=variants, force=args.force, gold_dir=args.gold
            )
            for spec in specs
        ]
        for f in futures:
            f.result()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
