"""Loads the catalogue's seed (catalogue.py) into the tables given, so that migration 0002
can pass its historical models and `load_award_catalogue` the current ones. What exists is
left as it is: an administrator's corrections survive a second load."""

from decimal import Decimal

from thidua.awards import catalogue as seed


def load_catalogue(award_model, rule_model, authority_model, salary_model) -> dict[str, int]:
    """Add the awards, rule versions, authorities and base salaries that are missing."""
    created = {"awards": 0, "rules": 0, "authorities": 0, "base_salaries": 0}
    awards = {}
    for position, row in enumerate(seed.AWARDS):
        defaults = {"name": row[1], "category": row[2], "subject_kinds": row[3],
                    "position": position}  # fmt: skip
        award, new = award_model.objects.get_or_create(code=row[0], defaults=defaults)
        awards[award.code] = award
        created["awards"] += new
        if not rule_model.objects.filter(award=award).exists():
            created["rules"] += _rules(rule_model, award, row)
    for codes, kind, level, title, since, until, basis, certainty in seed.AUTHORITIES:
        for code in codes:
            _, new = authority_model.objects.get_or_create(
                award=awards[code], issuer_kind=kind, issuer_level=level, valid_from=since,
                defaults={"issuer_title": title, "valid_to": until, "legal_basis": basis,
                          "certainty": certainty})  # fmt: skip
            created["authorities"] += new
    created["base_salaries"] = _salaries(salary_model)
    return created


def _rules(rule_model, award, row) -> int:
    """The versions of one award: Law 2022 with ND 98/2023, ND 152/2025, then any later."""
    _c, _n, _cat, _k, periods, types, criteria, objects, multiple, certainty, note = row
    common = {"award": award, "periods": periods, "commendation_types": types,
              "reward_objects": objects}  # fmt: skip
    later = [item for item in seed.LATER if item[0] == award.code]
    versions = [
        {"valid_from": seed.LAW_2022, "valid_to": seed.ND_152, "criteria": criteria,
         "legal_basis": seed.BASIS_2022, "certainty": "unverified", "note": seed.NO_OLD_REWARD},
        {"valid_from": seed.ND_152, "criteria": criteria, "legal_basis": seed.BASIS_152,
         "certainty": certainty, "note": note,
         "reward_multiple": Decimal(multiple) if multiple else None},
    ]  # fmt: skip
    for _code, since, name, text, basis, sure, remark in later:
        versions[-1]["valid_to"] = since
        versions.append({**versions[-1], "valid_from": since, "valid_to": None, "name": name,
                         "criteria": text or versions[-1]["criteria"], "legal_basis": basis,
                         "certainty": sure, "note": remark})  # fmt: skip
    rule_model.objects.bulk_create([rule_model(**common, **version) for version in versions])
    return len(versions)


def load_checks(rule_model, rules=None) -> int:
    """Give the seeded versions that have none their machine-checkable criteria (a version
    an administrator edited keeps its own). Returns how many versions it filled."""
    filled = 0
    rules = rule_model.objects.all() if rules is None else rules
    for rule in rules.filter(checks=[]).select_related("award"):
        checks = seed.LATER_CHECKS.get((rule.award.code, rule.valid_from),
                                       seed.CHECKS.get(rule.award.code))  # fmt: skip
        if checks:
            rule.checks = checks
            rule.save(update_fields=["checks"])
            filled += 1
    return filled


def load_limits(limit_model) -> int:
    """Add the processing limits of the seed that are missing (by level)."""
    created = 0
    for level, days in seed.PROCESSING_LIMITS:
        _, new = limit_model.objects.get_or_create(level=level, valid_from=seed.LAW_2022, defaults={
            "days": days, "working_days": True, "legal_basis": seed.OLD_TABLE,
            "certainty": "unverified"})  # fmt: skip
        created += new
    return created


def _salaries(salary_model) -> int:
    rows = sorted(seed.BASE_SALARIES, key=lambda row: row[1])
    created = 0
    for (amount, since, basis), following in zip(rows, [*rows[1:], None], strict=True):
        _, new = salary_model.objects.get_or_create(valid_from=since, defaults={
            "amount": amount, "valid_to": following[1] if following else None,
            "legal_basis": basis, "certainty": "unverified"})  # fmt: skip
        created += new
    return created


def load_documents(rule_model, rules=None) -> int:
    """Give the versions that list no required file the seed's (catalogue.DOSSIERS, the
    simplified procedure for ad-hoc forms, else the standard dossier)."""
    filled = 0
    rules = rule_model.objects.all() if rules is None else rules
    for rule in rules.filter(documents=[]).select_related("award"):
        ad_hoc = rule.periods == ["ad_hoc"]
        rule.documents = seed.DOSSIERS.get(
            rule.award.code, seed.SIMPLE_DOSSIER if ad_hoc else seed.STANDARD_DOSSIER
        )
        rule.save(update_fields=["documents"])
        filled += 1
    return filled


def load_notice_days(rule_model, rules=None) -> int:
    """Give the versions of the state's awards (catalogue.NOTICE_DAYS) their notice period
    where none is set."""
    rules = rule_model.objects.all() if rules is None else rules
    found = rules.filter(award__code__in=seed.NOTICE_DAYS, notice_days__isnull=True)
    filled = 0
    for rule in found.select_related("award"):
        rule.notice_days = seed.NOTICE_DAYS[rule.award.code]
        rule.save(update_fields=["notice_days"])
        filled += 1
    return filled


def load_everything(award_model, rule_model, authority_model, salary_model, limit_model) -> dict:
    """The whole seed for `load_award_catalogue` and a flushed database: what is missing is
    added, and only the rule versions added now get the seed's checks, files and notice
    periods, so that a version an administrator emptied on purpose stays empty."""
    before = set(rule_model.objects.values_list("pk", flat=True))
    created = load_catalogue(award_model, rule_model, authority_model, salary_model)
    new = rule_model.objects.exclude(pk__in=before)
    created["checks"] = load_checks(rule_model, new)
    created["documents"] = load_documents(rule_model, new)
    created["notice_days"] = load_notice_days(rule_model, new)
    created["limits"] = load_limits(limit_model)
    return created
