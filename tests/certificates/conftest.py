import datetime

import pytest

from tests.awards.test_decisions import approved
from thidua.awards import decisions


@pytest.fixture
def issued(officer_a, commune_a):
    """An issued decision of Xã An Phú for two awardees, one with full diacritics."""
    lines = [approved(officer_a, commune_a, name) for name in ("Đặng Thị Ngọc Ánh", "Vũ Văn Hải")]
    decision = decisions.draft_decision(actor=officer_a, issuer=commune_a, nominations=lines)
    decision.signer_name, decision.signed_on = "Nguyễn Văn Chủ", datetime.date(2025, 12, 20)
    decision.save()
    return decisions.issue_decision(actor=officer_a, decision=decision)
