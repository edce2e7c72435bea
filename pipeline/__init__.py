"""minutes: committee minutes in, tables of meetings, attendees, proposals, decisions and actions out.

The flow, one way, one module per stage:

    files ──► ingest (sources → pdftext | ocr → layout → tables) ──► Document (document.py)
          ──► nlp (spaCy pipeline in models/minutes_nlp) ──► contract rows (records.py)
          ──► export (DataFrames → CSV + SQLite)

``run.run()`` drives a batch; ``cli`` is a thin layer over it.
"""

from pathlib import Path

__version__ = "0.1.0"

# the versioned spaCy pipeline (built by ``python -m pipeline.nlp.build_model``); named here so
# what depends on its files (the run's extractor fingerprint) need not import spaCy
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "minutes_nlp"
