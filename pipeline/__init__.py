"""minutes: committee minutes in, tables of meetings, attendees, proposals, decisions and actions out.

The map. Data flows one way, and each layer imports only the layers listed before it:

    settings, errors            anyone may import them
    reading/   a file in → a Document of laid-out pages
               sources (what the inputs are) → page (pdftext | ocr → layout → tables)
               → document (Word, Line, Block, Table, Page, Document)
    store/     the contract's rows (records) → SQLite (database) → CSVs (export),
               and the read-only loader the audit uses
    nlp/       Document → spaCy pipeline (``model/minutes_nlp``) → contract rows
    batch/     many files: the run, the page scheduler and its executors, the page cache,
               the fingerprints that say when a cached page or stored row is stale
    audit/     questions across the database (queries) and the HTML report; reads store only
    devtools/  evaluation against gold, benchmarks, page drawing
    cli        the command line over all of it

``batch.run.run()`` drives a batch; ``cli`` is a thin layer over it.
"""

from pathlib import Path

__version__ = "0.2.0"

# the versioned spaCy pipeline (built by ``python -m pipeline.nlp.build_model``). In the checkout
# ``pipeline/model`` links to ``models/`` (its source); in a wheel the files are copied there, so
# the installed package finds its model whatever the working directory.
MODEL_PATH = Path(__file__).resolve().parent / "model" / "minutes_nlp"
