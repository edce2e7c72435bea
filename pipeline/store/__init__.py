"""The contract's tables: row types (``records``), the accumulating SQLite database
(``database``), CSV export (``export``) and the read-only loader (``load``) for the audit."""
