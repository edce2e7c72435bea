"""Audit answers across the database (``queries``) and the self-contained HTML ``report``.
Reads the store's tables only, never the reading or extraction code."""
