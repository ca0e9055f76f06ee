"""Crash-safe output files: write to a hidden temp file, then rename it over the target.

A run that fails half-way leaves no partial output behind and never damages a file that already
exists at the target path: the rename is the only step that touches it, and it is atomic.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from pathlib import Path
from types import TracebackType

from polyshelf.errors import InputError

_CREATE_ATTEMPTS = 20


class AtomicOutput:
    """Owns one temp file beside ``path`` until it is committed onto ``path`` or discarded.

    Usable as a context manager (see :func:`atomic_output`) or driven by hand with
    :meth:`open`, :meth:`commit` and :meth:`discard`, as the catalog writers do.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.temp_path: Path | None = None

    def open(self) -> Path:
        """Create the empty temp file and return its path."""
        if self.temp_path is not None:
            raise RuntimeError(f"temp file for {self.path} is already open")
        directory = self.path.parent
        if not directory.is_dir():
            raise InputError(f"output folder does not exist: {directory}")
        if self.path.is_dir():
            raise InputError(f"cannot write {self.path}: it is a folder")
        existing_mode = _existing_mode(self.path)
        for _ in range(_CREATE_ATTEMPTS):
            # Keep the target's suffix last: openpyxl refuses to save to unknown suffixes.
            candidate = (
                directory / f".{self.path.name}.tmp-{secrets.token_hex(4)}{self.path.suffix}"
            )
            try:
                fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            except OSError as exc:
                raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
            os.close(fd)
            if existing_mode is not None:
                # A replaced file keeps its permissions; a new one gets 0o666 minus the umask.
                with contextlib.suppress(OSError):
                    os.chmod(candidate, existing_mode)
            self.temp_path = candidate
            return candidate
        raise InputError(f"cannot write {self.path}: no free temp file name in {directory}")

    def commit(self) -> None:
        """Flush the temp file to disk and move it onto ``path``."""
        temp_path = self._require_temp()
        try:
            _fsync_file(temp_path)
            os.replace(temp_path, self.path)
        except BaseException:
            self.discard()
            raise
        self.temp_path = None
        _fsync_directory(self.path.parent)

    def discard(self) -> None:
        """Delete the temp file; ``path`` is left as it was. Safe to call more than once."""
        if self.temp_path is not None:
            with contextlib.suppress(FileNotFoundError):
                self.temp_path.unlink()
            self.temp_path = None

    def __enter__(self) -> Path:
        return self.open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()

    def _require_temp(self) -> Path:
        if self.temp_path is None:
            raise RuntimeError(f"no open temp file for {self.path}")
        return self.temp_path


def atomic_output(path: Path) -> AtomicOutput:
    """Context manager yielding a temp path beside ``path``, renamed onto it on success.

    On an exception inside the ``with`` block the temp file is deleted and the exception
    propagates; an existing file at ``path`` is untouched.
    """
    return AtomicOutput(path)


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; directories cannot be opened for fsync on Windows.
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_dir(staged: Path, target: Path) -> Path:
    """Move a fully written folder onto ``target``, replacing what was there.

    Folders cannot be renamed over each other, so the old one is moved aside first and deleted
    only after the new one is in place: an interruption never leaves a half-copied folder at
    ``target`` (between the two renames, the old one waits at ``.NAME.old``).
    """
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staged, target)
    shutil.rmtree(old, ignore_errors=True)
    return target
