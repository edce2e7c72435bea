"""One exception root; each error says what went wrong and what to do, and maps to an exit code."""

from __future__ import annotations


class ExitCode:
    ok = 0
    input_failed = 1
    usage = 2
    interrupted = 130  # SIGINT (Ctrl-C): what finished is kept
    terminated = 143  # SIGTERM: what finished is kept


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


class OutputLockedError(UsageError):
    """Another run holds the output folder."""

    stage = "store"


class OutputError(MinutesError):
    """The outputs could not be written (a full disk, a read-only folder); earlier outputs are kept."""

    stage = "store"


class InputError(MinutesError):
    """An input file that cannot be read at all."""

    stage = "ingest"


class UnsupportedFileError(InputError):
    """Not a PDF, an image or text: the file is skipped."""


class EncryptedPdfError(InputError):
    pass


class LimitError(InputError):
    """A page or file breaks a limit set for the run (pixels, time, memory)."""


class TooLargeError(LimitError):
    """More pixels than ``--max-pixels`` (a decompression bomb, a huge declared page)."""


class PageTimeoutError(LimitError):
    """A stage of reading a page took longer than ``--page-timeout``."""


class ReaderCrashError(LimitError):
    """Reading a page killed its worker process (a crash in a PDF or image library, or memory)."""


class OcrError(MinutesError):
    stage = "ocr"


class OcrTimeoutError(OcrError):
    pass


class MissingDependencyError(MinutesError):
    stage = "setup"


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: the run stops, what finished is kept, exit status 143."""
