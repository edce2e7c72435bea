"""One exception root; each error says what went wrong and what to do, and maps to an exit code."""

from __future__ import annotations


class ExitCode:
    ok = 0
    input_failed = 1
    usage = 2
    interrupted = 130


class MinutesError(Exception):
    """Root of the project's errors."""

    exit_code = ExitCode.input_failed
    stage = "pipeline"


class UsageError(MinutesError):
    exit_code = ExitCode.usage
    stage = "usage"


class DatabaseError(UsageError):
    """An output database this version cannot use; it is never dropped or rewritten."""

    stage = "store"


class InputError(MinutesError):
    """An input file that cannot be read at all."""

    stage = "ingest"


class UnsupportedFileError(InputError):
    pass


class EncryptedPdfError(InputError):
    pass


class OcrError(MinutesError):
    stage = "ocr"


class OcrTimeoutError(OcrError):
    pass


class MissingDependencyError(MinutesError):
    stage = "setup"
