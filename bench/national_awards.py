"""The award history of the national dataset (national_data.py's step "awards"): at scale
1.0, 10,000,000 award records, five distinct years of 2016–2025 for each subject, each the
title its kind gets in a yearly round (LĐTT or CSTĐCS for a person, TTLĐTT or TTLĐXS for a
collective, Giấy khen for a household), under a decision numbered per unit and year, a
few revoked. By COPY, with the indexes rebuilt after (national_data.Context.load_big)."""

import datetime

import national_db as db

from thidua.awards.models import Award, AwardRecord
from thidua.exemplars.models import Subject

PER_SUBJECT = 5
YEARS = list(range(2016, 2026))
TITLES = {"individual": [("ldtt", 85), ("cstdcs", 15)],
          "collective": [("ttldtt", 70), ("ttldxs", 30)],
          "household": [("giay_khen", 100)]}  # fmt: skip
COLUMNS = ["id", "subject_id", "unit_id", "award_id", "title", "year", "commendation_type",
           "decision_number", "decision_date", "issuer", "source", "revoked_on",
           "revocation_note", "created_at"]  # fmt: skip


def step_awards(ctx) -> int:
    rng, first = ctx.rng("awards"), db.next_id(ctx.cursor, AwardRecord)
    awards = {a.code: a for a in Award.objects.all()}
    tables = {kind: ([awards[code] for code, _w in rows], [w for _c, w in rows])
              for kind, rows in TITLES.items()}  # fmt: skip
    subjects = db.fetch(ctx.cursor, "SELECT id, kind, unit_id FROM {s} ORDER BY id", s=Subject)

    def rows():
        pk = first
        for subject_id, kind, unit_id in subjects:  # five each: they scale with the subjects
            choices, weights = tables[kind]
            for year in sorted(rng.sample(YEARS, PER_SUBJECT)):
                award = rng.choices(choices, weights=weights)[0]
                revoked = datetime.date(year + 1, 6, 1) if rng.random() < 0.001 else None
                yield (pk, subject_id, unit_id, award.pk, award.name, year, "merit",
                       f"{unit_id % 997 + 1}/QĐ-UBND", datetime.date(year, 12, 20),
                       "Chủ tịch Ủy ban nhân dân", "imported", revoked,
                       "Phát hiện khai man thành tích." if revoked else "", ctx.now)  # fmt: skip
                pk += 1

    return ctx.load_big(AwardRecord, COLUMNS, rows())
