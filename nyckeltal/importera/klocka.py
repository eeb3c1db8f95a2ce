"""Swedish local time: the day the checks call "today" (a period after it lies in the
future), and the moment the audit log records."""

import datetime as dt
from zoneinfo import ZoneInfo

TIDSZON = ZoneInfo("Europe/Stockholm")


def idag() -> dt.date:
    return dt.datetime.now(TIDSZON).date()


def nu() -> dt.datetime:
    """Swedish local time, to the second, for the audit log."""
    return dt.datetime.now(TIDSZON).replace(tzinfo=None, microsecond=0)
