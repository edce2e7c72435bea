"""Sample generator for ``minutes``: renders meeting specs into PDFs, scans and gold files."""
