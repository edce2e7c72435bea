"""minutes: committee minutes in, tables of meetings, attendees, proposals, decisions and actions out.

The flow, one way, one module per stage:

    files ──► ingest (sources → pdftext | ocr → layout → tables) ──► Document (document.py)
          ──► nlp (spaCy pipeline in models/minutes_nlp) ──► contract rows (records.py)
          ──► export (DataFrames → CSV + SQLite)

``run.run()`` drives a batch; ``cli`` is a thin layer over it.
"""

__version__ = "0.1.0"
