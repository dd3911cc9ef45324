"""Accessibility: axe-core (npm axe-core 4.14.1, vendored in tests/browser/vendor with its
MPL-2.0 licence) runs over the main pages as each persona of the demo, on a desk screen and
on a phone (390 px), and finds no serious or critical violation of WCAG 2 A/AA; at 390 px no
page scrolls sideways."""

from pathlib import Path

import pytest

from thidua.conferences.models import Conference
from thidua.demo import data
from thidua.demo.seed import seed_demo
from thidua.exemplars.models import Exemplar
from thidua.inspections.models import Inspection
from thidua.pacts.models import Pact, Scorecard
from thidua.plans.models import Plan
from thidua.units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
SERIOUS = {"serious", "critical"}
PERSONAS = ["canbo.daison", "canbo.tuky", "canbo.tinh", "hoidong.tinh", "quantri"]


@pytest.fixture
def demo(transactional_db):
    """The demo, and the addresses of one of each main page (built before the browser)."""
    logins = {username: data.DEMO_PASSWORD for username, _name, _where in seed_demo()}
    commune = Unit.objects.get(code=data.COMMUNE_CODE)
    plan = Plan.objects.filter(issuer__kind="province").order_by("pk").first()
    conference = Conference.objects.filter(unit=commune).order_by("pk").first()
    exemplar = Exemplar.objects.filter(unit=commune).order_by("pk").first()
    pact, card = Pact.objects.get(), Scorecard.objects.get()
    inspection = Inspection.objects.get()
    pages = [
        "/", "/don-vi/", f"/don-vi/{commune.pk}/", f"/don-vi/{commune.pk}/sua/",
        f"/van-ban/don-vi/{commune.pk}/", "/dien-hinh/", f"/dien-hinh/{exemplar.pk}/",
        "/dien-hinh/doi-tuong/", "/ke-hoach/", f"/ke-hoach/{plan.pk}/",
        f"/ke-hoach/{plan.pk}/tien-do/", "/ke-hoach/nghia-vu/", "/hoi-nghi/",
        f"/hoi-nghi/{conference.pk}/", f"/hoi-nghi/{conference.pk}/dai-bieu/",
        "/phong-trao/", "/khen-thuong/danh-muc/", "/khen-thuong/de-nghi/",
        "/khen-thuong/quyet-dinh/", "/thong-bao/", "/tro-giup/hoi-nghi/", "/tai-khoan/",
        "/bao-cao-tong-ket/", "/bao-cao-tong-ket/tong-quan/", "/bao-cao-tong-ket/hang-nam/",
        "/thong-ke/", f"/giao-uoc/{pact.pk}/", f"/giao-uoc/{pact.pk}/cham-diem/mid/",
        f"/giao-uoc/phieu/{card.pk}/", f"/kiem-tra/{inspection.pk}/",
        f"/kiem-tra/?don_vi={commune.pk}",
    ]  # fmt: skip
    return logins, pages


def _login(page, url, username, password):
    page.goto(f"{url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda address: "/dang-nhap/" not in address)


def _violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"] if v["impact"] in SERIOUS]  # fmt: skip


def _overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


WIDE = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-6)
  .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 40))
  .join(' | ')"""


def _wide_elements(page) -> str:
    """The last elements that reach past the screen's right edge, to name in a failure."""
    return page.evaluate(WIDE)


@pytest.mark.parametrize("username", PERSONAS)
def test_the_main_pages_have_no_serious_violation_on_a_desk_or_a_phone(
    demo, browser, web_server, username
):
    logins, pages = demo
    found = {}
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": height},
                                      bypass_csp=True)  # axe is injected inline  # fmt: skip
        page = context.new_page()
        _login(page, web_server.url, username, logins[username])
        for address in pages:
            response = page.goto(web_server.url + address)
            if response.status in {403, 404}:  # outside this persona's scope
                continue
            problems = _violations(page)
            if width < 500 and (wide := _overflow(page)) > 0:
                problems.append(f"scrolls sideways by {wide} px: {_wide_elements(page)}")
            if problems:
                found[f"{width}px {address}"] = problems
        context.close()

    report = "\n".join(f"{where}: " + " | ".join(p) for where, p in found.items())
    assert not found, report


def test_the_login_page_is_accessible(demo, browser, web_server):
    page = browser.new_context(locale="vi-VN", bypass_csp=True).new_page()
    page.goto(web_server.url + "/dang-nhap/")

    assert _violations(page) == []


def test_on_a_phone_the_menu_folds_and_table_rows_are_labelled_cards(demo, browser, web_server):
    logins, _pages = demo
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    _login(page, web_server.url, "canbo.daison", logins["canbo.daison"])
    toggle, menu = page.get_by_role("button", name="Danh mục"), page.locator("#main-nav")

    folded = menu.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")

    assert not folded
    assert menu.is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.goto(web_server.url + "/dien-hinh/")
    cell = page.locator("table tbody tr td[data-label]").first
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"' + page.locator("table thead th").nth(cell.evaluate(
        "td => td.cellIndex")).inner_text().strip() + ': "'  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not page.get_by_role("button", name="Danh mục").is_visible()
    context.close()
