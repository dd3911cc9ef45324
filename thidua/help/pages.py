"""The help pages, one per area of work: where each is reached from (the apps whose pages
link to it) and its title. Their text is in templates/help/<slug>.html; each states the
legal basis of the rules the area's pages apply (LAW.md)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpPage:
    slug: str
    title: str
    apps: tuple[str, ...]  # the URL namespaces whose pages link here


PAGES = [
    HelpPage("don-vi", "Đơn vị, cụm và khối thi đua", ("units",)),
    HelpPage("dien-hinh", "Điển hình tiên tiến, cá nhân và tập thể", ("exemplars", "imports")),
    HelpPage("phong-trao", "Phong trào thi đua và chỉ tiêu của cụm, khối", ("movements", "quotas")),
    HelpPage("ke-hoach", "Kế hoạch, mốc tiến độ và nghĩa vụ của đơn vị", ("plans", "inbox")),
    HelpPage(
        "hoi-nghi", "Hội nghị điển hình tiên tiến và Đại hội Thi đua yêu nước", ("conferences",)
    ),
    HelpPage("khen-thuong", "Khen thưởng: đề nghị, hội đồng, quyết định", ("awards",)),
    HelpPage("van-ban", "Văn bản theo thể thức và tệp xuất", ("documents", "exports")),
]
BY_SLUG = {page.slug: page for page in PAGES}
BY_APP = {app: page for page in PAGES for app in page.apps}
