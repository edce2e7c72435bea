"""Render the meeting specs in ``samples/specs/`` into sample documents and gold files.

    .venv/bin/python samples/generate.py [--out samples/rendered] [--only KEY...]
        [--variants digital,scan300,scan200poor,tiff,mixed] [--force] [--gold samples/gold]

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
from generator.render import VARIANTS, build_pdf, render_variant, scanned_pages  # noqa: E402

HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "rendered", help="folder for rendered files")
    ap.add_argument("--gold", type=Path, default=HERE / "gold", help="folder for gold JSON files")
    ap.add_argument("--only", nargs="+", metavar="KEY", help="render only these spec keys")
    ap.add_argument(
        "--variants",
        default=",".join(VARIANTS),
        help=f"comma-separated subset of {','.join(VARIANTS)}",
    )
    ap.add_argument("--force", action="store_true", help="overwrite existing rendered files")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: all CPUs)")
    args = ap.parse_args(argv)
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
