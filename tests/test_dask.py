"""The same page tasks on a Dask distributed cluster (a LocalCluster of two worker
processes here) give tables identical to the local process pool's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
from conftest import RENDERED, REPO

from pipeline.batch.run import run
from pipeline.reading.pdftext import render_page
from pipeline.settings import Settings


def test_dask_local_cluster_gives_the_same_tables_as_the_local_pool(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(REPO / "samples" / "csc_15_seed__ocrtext.txt", archive / "csc_15_seed.txt")
    shutil.copy(RENDERED / "cb_59__digital.pdf", archive / "cb_59.pdf")
    for i in range(2):  # two scanned pages: real OCR on both workers
        render_page(str(RENDERED / "csc_16__scan300.pdf"), i, 300).save(archive / f"csc_16_p{i + 1}.png", dpi=(300, 300))

    local = run([str(archive)], out_dir=tmp_path / "local", settings=Settings(workers=2), cache=False)
    dask = run([str(archive)], out_dir=tmp_path / "dask", settings=Settings(workers=2, executor="dask"), cache=False)

    assert local.ocr_pages == dask.ocr_pages == 2 and local.errors == dask.errors == []
    assert len(local.frames["decisions"]) > 10
    for table, frame in local.frames.items():
        pd.testing.assert_frame_equal(dask.frames[table], frame, obj=table)
    for name in ("meetings", "attendees", "identifiers", "decisions", "actions", "errors"):
        assert (tmp_path / "dask" / f"{name}.csv").read_bytes() == (tmp_path / "local" / f"{name}.csv").read_bytes()
