"""Where inputs come from and outputs go: file bytes, names, folders, the build time.

Shared by the library API, batch runs, ``bundle`` and the validator, so that
every path walks a folder, names standard input, reads a file, writes an
output and honours ``SOURCE_DATE_EPOCH`` the same way.
"""

from __future__ import annotations

import os
from collections.abc import Container, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from convert.errors import ConvertError
from convert.terminal import printable

if TYPE_CHECKING:
    from datetime import datetime


def source_date_epoch() -> datetime | None:
    """The build time ``SOURCE_DATE_EPOCH`` names (UTC), or None when it is not set.

    The one reading of the variable, so every writer refuses a bad value with
    the same message.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return None
    from datetime import datetime, timezone

    try:
        return datetime.fromtimestamp(int(raw), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ConvertError(f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds since 1970",
                           code="usage") from None


# ---------------------------------------------------------------- names

#: How standard input (``-``) is named in messages, warnings and reports.
STDIN = "<stdin>"


def display_name(name: str) -> str:
    """``name`` as messages show it: ``-`` is standard input; control characters
    and bytes that are not UTF-8 are escaped (see :mod:`convert.terminal`)."""
    return STDIN if name == "-" else printable(name)


# ---------------------------------------------------------------- reading

#: Inputs larger than this are refused (a feed this large is validated
#: streaming by ``validate``, not loaded whole for conversion).
MAX_INPUT_BYTES = 512 * 1024 * 1024


#: Why a FIFO, device or socket is not read (it may never end, or block forever).
NOT_REGULAR = "not a regular file (a FIFO, device or socket)"


def load_bytes(source: str | os.PathLike[str]) -> bytes:
    """The bytes of a path (``-`` is standard input), with clear errors.

    At most ``MAX_INPUT_BYTES`` are read, whatever the size a file claims (a
    link to ``/dev/zero`` claims 0) and however much a pipe holds; anything
    but a regular file (or standard input) is refused before it is read.
    """
    import stat
    import sys

    name = os.fspath(source)
    if name == "-":
        return _read_capped(sys.stdin.buffer, STDIN)
    try:
        if os.path.isdir(name):
            raise ConvertError("is a folder, not a file", source=name, code="io")
        # O_NONBLOCK: opening a FIFO must not wait for a writer (regular files ignore it)
        descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
        with open(descriptor, "rb") as stream:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                raise ConvertError(NOT_REGULAR, source=name, code="not-regular")
            return _read_capped(stream, name, status.st_size)
    except FileNotFoundError:
        raise ConvertError("no such file or folder", source=name, code="io") from None
    except OSError as error:
        raise ConvertError(error.strerror or str(error), source=name, code="io") from None


def _read_capped(stream: BinaryIO, name: str, expected: int = 2**24) -> bytes:
    """All of ``stream``, or a ConvertError once it passes ``MAX_INPUT_BYTES``
    (``expected``: the size it claims, read in one go when it is honest)."""
    chunks, length = [], 0
    size = expected + 1
    while chunk := stream.read(min(size, MAX_INPUT_BYTES + 1 - length)):
        size = 2**24
        chunks.append(chunk)
        length += len(chunk)
        if length > MAX_INPUT_BYTES:
            raise ConvertError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB", source=name,
                               code="too-large")
    return b"".join(chunks)


# ---------------------------------------------------------------- folders


class Found(NamedTuple):
    """A file found below a folder."""

    #: The folder and the file's path below it, joined as ``pathlib`` joins
    #: them (``.`` adds no prefix).
    path: str
    #: The path below the folder.
    relative: str
    #: The real path (symbolic links resolved): the same file under two names is one input.
    real: str
    #: False for a FIFO, device or socket (or a link to one): never to be read.
    regular: bool = True


def walk(folder: str, extensions: Container[str] | None = None) -> Iterator[Found]:
    """Every file below ``folder`` (hidden entries skipped, symbolic links to
    folders not followed), sorted by name at each level, a folder's files
    before its subfolders; only names ending in ``extensions`` (lower-cased)
    when given.

    The real path is resolved once per folder: only a symbolic link to a
    file needs a look of its own.  An unreadable folder is skipped, as
    ``os.walk`` does.
    """
    yield from _walk(folder, "", os.path.realpath(folder), extensions)


def _walk(folder: str, below: str, real_folder: str,
          extensions: Container[str] | None) -> Iterator[Found]:
    try:
        with os.scandir(folder) as scan:
            found = sorted((entry.name, entry) for entry in scan
                           if not entry.name.startswith("."))
    except OSError:
        return
    prefix = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
    folders = []
    for name, entry in found:
        if entry.is_dir():
            if not entry.is_symlink():
                folders.append(name)
        elif extensions is None or os.path.splitext(name)[1].lower() in extensions:
            real = (os.path.realpath(entry.path) if entry.is_symlink()
                    else f"{real_folder.rstrip('/')}/{name}")
            yield Found(prefix + name, below + name, real, entry.is_file())
    for name in folders:
        yield from _walk(prefix + name, f"{below}{name}/", f"{real_folder.rstrip('/')}/{name}",
                         extensions)


class Selection(NamedTuple):
    """``--include`` / ``--exclude`` globs for the files a folder walk finds.

    A glob is matched (``fnmatch``) against the path below the folder and
    against the file name.  An excluded file is never taken; with includes,
    only included files are, whatever their extension or content; without
    any glob, the formats decide (:func:`convert.formats.sniff.classify`).
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def chooses(self, relative: str) -> bool | None:
        """True: a glob takes it; False: a glob leaves it out; None: no glob says."""
        if not (self.include or self.exclude):  # the usual run: no glob at all
            return None
        from fnmatch import fnmatchcase

        name = relative.rsplit("/", 1)[-1]

        def hit(patterns: tuple[str, ...]) -> bool:
            return any(fnmatchcase(relative, pattern) or fnmatchcase(name, pattern)
                       for pattern in patterns)

        if hit(self.exclude):
            return False
        if self.include:
            return hit(self.include)
        return None


def read_head(path: str, size: int) -> bytes | None:
    """The first ``size`` bytes of a regular file; None for anything else (a
    FIFO or a device would block or never end) or an unreadable file."""
    import stat

    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        return os.read(descriptor, size)
    except OSError:
        return None
    finally:
        os.close(descriptor)


# ---------------------------------------------------------------- writing


def refuse_overwriting(target: str | os.PathLike[str], inputs: Iterable[str]) -> None:
    """A usage error when the output file ``target`` is a folder or one of the
    ``inputs`` (their real paths)."""
    if os.path.isdir(target):
        raise ConvertError(f"{os.fspath(target)} is a folder; this output is one file "
                           "(-o FILE)", code="usage")
    resolved = os.path.realpath(target)
    if resolved in inputs:
        raise ConvertError(f"the output {os.fspath(target)} would overwrite an input",
                           code="usage")


def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or chunks of bytes as they are made) to ``path``
    through a temporary file and a rename.

    A failure (full disk, Ctrl-C) never leaves a partial ``path`` behind, nor the
    temporary file: its name is chosen before it is created, so whatever stops the
    write once it may exist (a Ctrl-C between creating it and the clean-up's ``try``
    left it behind) removes it.  The part file (``.a.html.<random>.part``) is created
    as :func:`tempfile.mkstemp` creates one (exclusively, not through a link) but with
    the permissions users expect of an output (0666 less the umask, not mkstemp's
    0600).  Not ``tempfile``: importing it (with shutil, random and the compression
    modules) was ~16 M instructions of a one-file conversion.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ConvertError("cannot write here: a part of this path is a file, not a folder "
                           "(Not a directory)", source=str(target), code="io") from None
    except OSError as error:
        raise ConvertError(error.strerror or str(error), source=str(target), code="io") from None
    temporary = target.parent / f".{target.name}.{os.urandom(8).hex()}.part"
    handle = None
    try:
        handle = os.open(temporary, _PART_FLAGS, 0o666)
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                stream.writelines(data)
        os.replace(temporary, target)
    except BaseException as error:
        # Not when the open found another file of that random name: that one is not ours.
        if handle is not None or not isinstance(error, FileExistsError):
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ConvertError(error.strerror or str(error), source=str(target),
                               code="io") from None
        raise


#: Open flags of a part file: a new file only (never one already there, nor a link).
_PART_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
