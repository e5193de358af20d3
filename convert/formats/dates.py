"""Date rules shared by the writers: zones stated, never invented; item timestamps.

A Document keeps dates exactly as read (``2014-10-06``, ``2014-10-06T10:21:00``,
``2014-10-06T10:21:00+08:00``).  A writer may attach the zone the user gave
(``WriteOptions.timezone``: an IANA name such as ``Asia/Shanghai``, or an
offset such as ``+08:00``) to a local time; it never converts a time to
another zone and never reads a local time as UTC.

``versionCreated`` is when this version of the item was made: the input's own
value, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else now.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from convert.errors import ConvertError
from convert.files import source_date_epoch

_OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?")
_FIXED = re.compile(r"([+-])(\d{2}):?(\d{2})")


def has_time(value: str) -> bool:
    return bool(_TIME.match(value))


def has_offset(value: str) -> bool:
    return has_time(value) and bool(_OFFSET.search(value))


_COLONLESS_OFFSET = re.compile(r"(?<=\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(\d{2})$")


def colon_offset(value: str) -> str:
    """``value`` with an offset written without its colon (``+0100``, which
    ISO 8601 allows but xs:dateTime and RFC 3339 do not) as ``+01:00``: the same time."""
    return _COLONLESS_OFFSET.sub(r"\1\2:\3", value)


def instant(value: str) -> datetime:
    """The moment a date-time with an offset names (for comparing two of them)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def check_timezone(zone: str) -> None:
    """Raise a usage error unless ``zone`` is a zone name or an offset."""
    _tzinfo(zone)


def _tzinfo(zone: str) -> timezone | object:
    if zone in ("Z", "UTC"):
        return timezone.utc
    fixed = _FIXED.fullmatch(zone)
    if fixed:
        sign, hours, minutes = fixed.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        return timezone(-delta if sign == "-" else delta)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConvertError(f"unknown time zone {zone!r}: give an IANA name (Europe/Berlin) "
                           "or an offset (+01:00)", code="usage") from None


def zoned(value: str, zone: str | None) -> str:
    """``value`` with the offset ``zone`` has at that local time, when it is a
    local time and a zone is given; otherwise ``value`` as it is."""
    if zone is None or not has_time(value) or has_offset(value):
        return value
    local = datetime.fromisoformat(value)
    offset = local.replace(tzinfo=_tzinfo(zone)).utcoffset()  # type: ignore[arg-type]
    if offset is None:
        return value
    if offset == timedelta(0) and zone in ("Z", "UTC"):
        return value + "Z"
    total = int(offset.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    return f"{value}{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def conversion_time() -> str:
    """SOURCE_DATE_EPOCH when set, else the time now (UTC, whole seconds)."""
    moment = source_date_epoch() or datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
