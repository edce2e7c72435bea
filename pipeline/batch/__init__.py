"""The batch: files → reading (on a shared pool, through the page cache) → nlp → store.

``run.run`` is the API behind ``minutes run``; ``schedule`` hands page tasks to ``executors``
(a local process pool or Dask); ``cache`` keeps pages read; ``fingerprint`` says what a cached
page or a stored row depends on.
"""
