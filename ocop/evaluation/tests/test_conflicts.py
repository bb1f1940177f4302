"""Automatic conflict flags (pure rules) and their review by the secretary."""

import pytest
from django.core.exceptions import ValidationError

from ocop.evaluation.conflicts import MemberFacts, ProducerFacts, family_name, flags
from ocop.evaluation.models import Conflict
from ocop.evaluation.services.councils import conflict_review, conflicts_flag

PRODUCER = ProducerFacts(name="HTX Phú Xuyên", commune_id=7, commune_name="Xã Phú Xuyên",
                         representative_name="Đỗ Văn Hợp", street_address="Thôn 2")  # fmt: skip


def test_family_name_keeps_diacritics():
    assert family_name("  Đỗ   Quang Chủ") == "đỗ"
    assert family_name("Đo Văn A") != family_name("Đỗ Văn A")


def test_each_rule():
    same_commune = MemberFacts("Lê Văn A", 7, "", advised=False)
    assert list(flags(same_commune, PRODUCER)) == ["same_commune"]
    advised = MemberFacts("Lê Văn A", None, "", advised=True)
    assert flags(advised, PRODUCER) == {
        "advised": "Thành viên đã tham gia xử lý hoặc tư vấn hồ sơ này."
    }
    family = MemberFacts("Đỗ Thị B", None, "thôn 2", advised=False)
    assert list(flags(family, PRODUCER)) == ["family"]
    assert flags(MemberFacts("Đỗ Thị B", None, "Thôn 3", advised=False), PRODUCER) == {}


@pytest.mark.django_db
def test_flags_block_until_the_secretary_dismisses_them(council_world, territory):
    w = council_world
    other = w.members[1]
    other.home_commune = territory.commune_x
    other.save()
    application = w.items[0].application
    assert conflicts_flag(council=w.council, applications=[application]) == 1
    assert conflicts_flag(council=w.council, applications=[application]) == 0  # idempotent
    flag = Conflict.objects.get()
    assert (flag.member, flag.source, flag.status) == (other, "same_commune", "flagged")
    with pytest.raises(ValidationError, match="ghi lý do"):
        conflict_review(actor=w.members[-1].user, conflict=flag, confirmed=False)
    conflict_review(actor=w.members[-1].user, conflict=flag, confirmed=False,
                    note="Không có quan hệ với chủ thể")  # fmt: skip
    assert Conflict.objects.blocking().count() == 0
