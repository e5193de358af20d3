"""Where inputs come from and outputs go: file bytes, names, the build time.

Shared by the library API, batch runs and the validator, so that every path
names standard input, reads a file and honours ``SOURCE_DATE_EPOCH`` the same way.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from convert.errors import ConvertError

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
