"""Art. 5.2 of Decision 26/2026/QĐ-TTg, the central rounds: "Đợt 01 trước ngày 30 tháng 9 đối với
các hồ sơ được UBND cấp tỉnh đề nghị trước ngày 30 tháng 7; đợt 02 trước ngày 30 tháng 3 đối với các
hồ sơ được UBND cấp tỉnh đề nghị trước ngày 30 tháng 01". Settled in periods.py: the rounds follow
the decision's order (round 1 before round 2), each taking the 5★ proposals of the provincial round
of the same number, so central round 2 of 2026 runs 30 Jan → 30 Mar 2027. Also the 148-2023 era's
3★ boundary (Art. 4.1 of 26/2026 and Decision 1489/QĐ-TTg moved 3★ to the province from the
district level, abolished 1 Jul 2025)."""

from datetime import date

import pytest

from ocop.certificates.recognition import Problem, level_problem
from ocop.evaluation.models import Round
from ocop.evaluation.periods import default_round_dates
from ocop.evaluation.services.rounds import round_create


def test_art_5_2_central_round_2_of_2026_runs_january_to_march_2027():
    """Provincial round 2/2026 decides by 30 Dec 2026; its 5★ proposals reach the ministry by
    30 Jan 2027 and central round 2/2026 decides by 30 Mar 2027, after central round 1/2026
    (30 Jul → 30 Sep 2026), never before it."""
    province_2 = default_round_dates("province", 2026, 2)
    central_1 = default_round_dates("central", 2026, 1)
    central_2 = default_round_dates("central", 2026, 2)
    assert province_2 == (date(2026, 10, 30), date(2026, 12, 30))
    assert central_1 == (date(2026, 7, 30), date(2026, 9, 30))
    assert central_2 == (date(2027, 1, 30), date(2027, 3, 30))
    assert central_1[1] < central_2[0] and province_2[1] < central_2[0]
    # Provincial round 1 (decided by 30 Jun 2026) feeds central round 1 (proposals by 30 Jul).
    assert default_round_dates("province", 2026, 1)[1] < central_1[0]


@pytest.mark.django_db
def test_art_5_2_opening_central_round_2_of_2026_takes_the_2027_dates(personas):
    """A central officer opening round 2/2026 on the decision's defaults gets proposals by
    30 Jan 2027 and the decision by 30 Mar 2027."""
    created = round_create(actor=personas["central"], level="central", year=2026, number=2)
    stored = Round.objects.get(pk=created.pk)
    assert (stored.year, stored.number, stored.proposal_deadline, stored.decision_deadline) == (
        2026, 2, date(2027, 1, 30), date(2027, 3, 30),
    )  # fmt: skip


def test_art_4_1_and_1489_a_province_3_star_is_refused_up_to_30_jun_2025_only():
    """Under 148-2023 the district recognised 3★ until the district level ended (1 Jul 2025;
    Decision 1489/QĐ-TTg then gave 3★ to the province, as Art. 4.1 of 26/2026 does): a province 3★
    decided 30 Jun 2025 is refused, one of 1 Jul 2025 is not; 4★ by the province never is."""
    assert level_problem(3, "province", date(2025, 6, 30)) == Problem.PROVINCE_THREE_IN_DISTRICT_ERA
    assert level_problem(3, "province", date(2025, 7, 1)) is None
    assert level_problem(4, "province", date(2025, 6, 30)) is None
