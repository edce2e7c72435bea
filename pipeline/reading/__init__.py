"""Reading: a file in, a :class:`~pipeline.reading.document.Document` of laid-out pages out.

``sources`` says what the inputs are and plans their pages; ``page.read_page`` reads one page
from its text layer (``pdftext``) or by OCR (``ocr``), then ``layout`` and ``tables`` give it
lines, blocks and tables. Nothing here knows about spaCy, the database or the batch.
"""
