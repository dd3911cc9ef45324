"""The demo tells Hải Phòng's 2025 conference cycle (samples 000–004) as if today were
1 September 2025: Đại Sơn held its conference a week ago, the communes' window closes at
the end of the month, the city's congress is three months away. Every date of that story
moves by the days between 1 September 2025 and the day the demo is loaded, so that each
workflow can be tried on the day of `make run`: a conference can be approved and held on
today's date, deadlines are still to come or just passed. Dates the law fixes (the
mergers of 1 July 2025) and the five-year period 2025–2030 do not move."""

import datetime

from django.utils import timezone

STORY_TODAY = datetime.date(2025, 9, 1)


def story(day: datetime.date) -> datetime.date:
    """The date `day` of the story, moved to where it falls when the demo is loaded."""
    return day + (timezone.localdate() - STORY_TODAY)


def story_dates(fields: dict) -> dict:
    """`fields` with every date moved (a rule set's window, deadlines)."""
    return {k: story(v) if isinstance(v, datetime.date) else v for k, v in fields.items()}
