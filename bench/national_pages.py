"""The pages the national benchmark measures, for each persona: (key, label, the table
whose stock admin changelist it is compared with, URL for (refs, persona), None where the
persona has no such page). No Django here: national.py reads the labels without it."""

TYPO, WORDS = "nguyne vna an", "nguyen van an"
DEEP_PAGE, API_PAGE = 1000, 50
EXPORT_FILTER = "stage=recognised"  # about 8,500 rows of Hải Phòng at full scale


def _conference(r, who):
    return r["conference"] if who == "commune" else r["congress"]


def _export(fmt):
    def url(r, who):
        where = f"&unit={r['province'].pk}" if who == "national" else ""
        return f"/dien-hinh/xuat/{fmt}/?{EXPORT_FILTER}{where}"

    return url


# (key, label, table compared with the admin, url for (refs, persona) or None if not theirs)
PAGES = [
    ("units_tree", "units: tree (children of the root)", "unit",
     lambda r, who: f"/don-vi/{r['root'][who].pk}/"),
    ("units_list", "units: list of the villages", "unit",
     lambda r, who: "/don-vi/tim-kiem/?level=village"),
    ("units_search", "units: search «dai son»", "unit",
     lambda r, who: "/don-vi/tim-kiem/?q=dai+son"),
    ("subjects_list", "subjects: list", "subject", lambda r, who: "/dien-hinh/doi-tuong/"),
    ("subjects_search", f"subjects: search «{WORDS}»", "subject",
     lambda r, who: "/dien-hinh/doi-tuong/?q=nguyen+van+an"),
    ("subjects_typo", f"subjects: typo «{TYPO}»", "subject",
     lambda r, who: "/dien-hinh/doi-tuong/?q=nguyne+vna+an"),
    ("exemplars_list", "exemplars: list", "exemplar", lambda r, who: "/dien-hinh/"),
    ("exemplars_search", f"exemplars: search «{WORDS}»", "exemplar",
     lambda r, who: "/dien-hinh/?q=nguyen+van+an"),
    ("exemplars_typo", f"exemplars: typo «{TYPO}»", "exemplar",
     lambda r, who: "/dien-hinh/?q=nguyne+vna+an"),
    ("quota_compliance", "quota compliance (commune: its own page)", None,
     lambda r, who: f"/chi-tieu/thanh-vien/{r['membership'].pk}/" if who == "commune"
     else f"/chi-tieu/cum-khoi/{r['cluster'].pk}/"),
    ("plans_list", "plans: list", None, lambda r, who: "/ke-hoach/"),
    ("plan_board", "plans: board of the national plan", None,
     lambda r, who: f"/ke-hoach/{r['plan'].pk}/tien-do/"),
    ("obligations_list", "plans: obligations owed", None, lambda r, who: "/ke-hoach/nghia-vu/"),
    ("conferences_list", "conferences: list", None, lambda r, who: "/hoi-nghi/"),
    ("conference_detail", "conferences: detail (congress; commune: own)", None,
     lambda r, who: f"/hoi-nghi/{_conference(r, who).pk}/"),
    ("delegates", "conferences: delegate page", None,
     lambda r, who: f"/hoi-nghi/{_conference(r, who).pk}/dai-bieu/"),
    ("congress_rollup", "conferences: roll-up of the congress", None,
     lambda r, who: None if who == "commune" else f"/hoi-nghi/{r['congress'].pk}/chi-tieu/"),
    ("awards_register", "awards: register (Sổ khen thưởng)", "awardrecord",
     lambda r, who: "/khen-thuong/so-khen-thuong/"),
    ("awards_register_year", "awards: register, year 2024", "awardrecord",
     lambda r, who: "/khen-thuong/so-khen-thuong/?nam=2024"),
    ("awards_register_search", f"awards: register, search «{WORDS}»", "awardrecord",
     lambda r, who: "/khen-thuong/so-khen-thuong/?q=nguyen+van+an"),
    ("api_units", "API: /units, page 1", "unit", lambda r, who: "/api/v1/units"),
    ("api_subjects", "API: /subjects, page 1", "subject", lambda r, who: "/api/v1/subjects"),
    ("api_subjects_deep", "API: /subjects, page 1000 (or the last)", "subject",
     lambda r, who: r["deep"][who]["subject"]),
    ("api_exemplars", "API: /exemplars, page 1", "exemplar", lambda r, who: "/api/v1/exemplars"),
    ("api_exemplars_deep", "API: /exemplars, page 1000 (or the last)", "exemplar",
     lambda r, who: r["deep"][who]["exemplar"]),
    ("dashboard", "reports: dashboard 2020–2025 (the persona's unit)", None,
     lambda r, who: f"/bao-cao-tong-ket/tong-quan/?don_vi={r['root'][who].pk}"
                    "&tu_nam=2020&den_nam=2025"),
    ("statistics_0603", "reports: statistics form 0603.N, year 2024 (the persona's unit)",
     "awardrecord", lambda r, who: f"/thong-ke/?bieu=0603n-2023&don_vi={r['root'][who].pk}"
                                   "&nam=2024"),
    ("export_xlsx", f"export: exemplars XLSX ({EXPORT_FILTER})", "exemplar", _export("xlsx")),
    ("export_docx", f"export: exemplars DOCX ({EXPORT_FILTER})", "exemplar", _export("docx")),
]  # fmt: skip
ADMIN = {"unit": "/django-admin/units/unit/", "subject": "/django-admin/exemplars/subject/",
         "exemplar": "/django-admin/exemplars/exemplar/",
         "awardrecord": "/django-admin/awards/awardrecord/"}  # fmt: skip
