"""The batch: files → reading (on a shared pool, through the page cache) → nlp → store.

``run.run`` is the API behind ``minutes run``; ``lock`` keeps one run per output folder;
``schedule`` hands every file's and page's reading to ``executors`` (``pool``: worker processes
limited in time and memory that die with the run, or Dask); ``cache`` keeps pages read;
``fingerprint`` says what a cached page or a stored row depends on.
"""
