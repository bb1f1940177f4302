"""The dossier workflow as data: stage → {action: (next stage, roles that may take it)}. No Django.

Services check every transition against ALLOWED and refuse anything else; the stage's actors (who
must act next) and its deadline in Vietnamese working days are read from here too. The numbers are
defaults justified in docs/evaluation-workflow.md; a deployment may override them with the setting
OCOP_EVALUATION_DEADLINES ({stage: working days}).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ocop.core.messages import MessageError
from ocop.core.workdays import add_working_days

# Stages, in procedure order (Decision 26/2026, Art. 7).
DRAFT = "draft"
SUBMITTED = "submitted"  # with the commune, which checks it and writes Mẫu 03
RETURNED = "returned"  # back to the producer for completion
PROPOSED = "proposed"  # proposed by the commune, awaiting the provincial intake
ADDITIONS_REQUESTED = "additions_requested"  # the province asked for additions
ADVISORY_REVIEW = "advisory_review"  # accepted; the advisory team reviews and visits the site
TESTS_REQUESTED = "tests_requested"  # the advisory team asked for extra test results
READY_FOR_COUNCIL = "ready_for_council"  # the advisory report is sent to the council
IN_COUNCIL_SESSION = "in_council_session"  # on the agenda of a provincial council session
SCORED = "scored"  # the provincial session closed: the council's result is recorded
PROPOSED_CENTRAL = "proposed_central"  # provincial average ≥ 90 (any minima): sent to the ministry
IN_CENTRAL_SESSION = "in_central_session"  # on the agenda of a central council session
CENTRAL_SCORED = "central_scored"  # the central session closed
DECIDED = "decided"  # a recognition decision lists it (or records that it is not recognised)
REJECTED = "rejected"  # a rejection rule ended the evaluation (council decision with reason)
STOPPED = "stopped"  # scoring was stopped (e.g. hazardous impurities), with reason
# The sheet's "Không đánh giá …" rule (Phụ lục II: common products of key groups): not evaluated.
NOT_EVALUATED = "not_evaluated"
WITHDRAWN = "withdrawn"

STAGES = (
    DRAFT, SUBMITTED, RETURNED, PROPOSED, ADDITIONS_REQUESTED, ADVISORY_REVIEW, TESTS_REQUESTED,
    READY_FOR_COUNCIL, IN_COUNCIL_SESSION, SCORED, PROPOSED_CENTRAL, IN_CENTRAL_SESSION,
    CENTRAL_SCORED, DECIDED, REJECTED, STOPPED, WITHDRAWN, NOT_EVALUATED,
)  # fmt: skip
# Stages after which the council has finished with the dossier.
FINAL = frozenset({DECIDED, REJECTED, STOPPED, WITHDRAWN, NOT_EVALUATED})
# Ends the council gives outside the points, each tied to a rule of the product's sheet.
COUNCIL_ENDINGS = frozenset({REJECTED, STOPPED, NOT_EVALUATED})
# Taken only through the council and decision services (they need a session or a decision).
COUNCIL_ACTIONS = frozenset(
    {"schedule", "close_scoring", "reject", "stop", "not_evaluate", "decide", "propose_central",
     "decide_fallback", "send_central", "evaluate_provincially"}
)  # fmt: skip
COUNCIL_STAGES = frozenset(
    {READY_FOR_COUNCIL, IN_COUNCIL_SESSION, SCORED, PROPOSED_CENTRAL, IN_CENTRAL_SESSION,
     CENTRAL_SCORED}
)  # fmt: skip

# Role values (the same strings as ocop.accounts.roles.Role).
PRODUCER = "producer"
COMMUNE = "commune"
PROVINCE = "province"
ADVISOR = "advisor"
CENTRAL = "central"
# Not a user role: the secretary or the chair acting for their council (services.councils).
COUNCIL = "council"


@dataclass(frozen=True)
class Transition:
    target: str
    roles: frozenset[str]
    needs_reason: bool = False  # a free-text reason is required
    needs_items: bool = False  # a list of (item, reason) is required
    needs_report: bool = False  # a structured report (Mẫu 03, site visit, advisory report)


def _t(target: str, *roles: str, **flags: bool) -> Transition:
    return Transition(target, frozenset(roles), **flags)


ALLOWED: Mapping[str, Mapping[str, Transition]] = {
    DRAFT: {
        "submit": _t(SUBMITTED, PRODUCER),
        "withdraw": _t(WITHDRAWN, PRODUCER, needs_reason=True),
    },
    SUBMITTED: {
        "return": _t(RETURNED, COMMUNE, needs_items=True),
        "propose": _t(PROPOSED, COMMUNE, needs_report=True),
    },
    RETURNED: {
        "resubmit": _t(SUBMITTED, PRODUCER),
        "withdraw": _t(WITHDRAWN, PRODUCER, needs_reason=True),
    },
    PROPOSED: {
        "accept": _t(ADVISORY_REVIEW, PROVINCE),
        "request_additions": _t(ADDITIONS_REQUESTED, PROVINCE, needs_items=True),
    },
    ADDITIONS_REQUESTED: {
        "complete_additions": _t(PROPOSED, PRODUCER, COMMUNE),
    },
    ADVISORY_REVIEW: {
        "record_site_visit": _t(ADVISORY_REVIEW, ADVISOR, PROVINCE, needs_report=True),
        "request_tests": _t(TESTS_REQUESTED, ADVISOR, PROVINCE, needs_reason=True),
        "report_to_council": _t(READY_FOR_COUNCIL, ADVISOR, PROVINCE, needs_report=True),
    },
    TESTS_REQUESTED: {
        "submit_tests": _t(ADVISORY_REVIEW, PRODUCER),
    },
    READY_FOR_COUNCIL: {
        "schedule": _t(IN_COUNCIL_SESSION, PROVINCE, COUNCIL),
        # Art. 6.3.b, 7.6.e: a 5★ re-evaluation goes to the ministry with the agency's report,
        # without a provincial council score (services/fivestar.fivestar_send).
        "send_central": _t(PROPOSED_CENTRAL, PROVINCE),
    },
    IN_COUNCIL_SESSION: {
        "close_scoring": _t(SCORED, PROVINCE, COUNCIL),
        "reject": _t(REJECTED, PROVINCE, COUNCIL, needs_reason=True),
        "stop": _t(STOPPED, PROVINCE, COUNCIL, needs_reason=True),
        "not_evaluate": _t(NOT_EVALUATED, PROVINCE, COUNCIL, needs_reason=True),
    },
    SCORED: {
        "decide": _t(DECIDED, PROVINCE),
        "propose_central": _t(PROPOSED_CENTRAL, PROVINCE),
    },
    PROPOSED_CENTRAL: {
        "schedule": _t(IN_CENTRAL_SESSION, CENTRAL, COUNCIL),
    },
    IN_CENTRAL_SESSION: {
        "close_scoring": _t(CENTRAL_SCORED, CENTRAL, COUNCIL),
        "reject": _t(REJECTED, CENTRAL, COUNCIL, needs_reason=True),
        "stop": _t(STOPPED, CENTRAL, COUNCIL, needs_reason=True),
        "not_evaluate": _t(NOT_EVALUATED, CENTRAL, COUNCIL, needs_reason=True),
    },
    CENTRAL_SCORED: {
        "decide": _t(DECIDED, CENTRAL),  # 5★ recognised by the ministry
        "decide_fallback": _t(DECIDED, PROVINCE),  # below 90: the province recognises 3★/4★
        # Art. 7.4.g "hoặc tổ chức đánh giá và phân hạng sản phẩm theo thẩm quyền": back to the
        # provincial council (services/fivestar.fivestar_own_evaluation).
        "evaluate_provincially": _t(READY_FOR_COUNCIL, PROVINCE, needs_reason=True),
    },
    DECIDED: {},
    REJECTED: {},
    STOPPED: {},
    WITHDRAWN: {},
    NOT_EVALUATED: {},
}

# Working days the actors of a stage have (None: no deadline). See docs/evaluation-workflow.md.
DEFAULT_DEADLINES: Mapping[str, int | None] = {
    DRAFT: None,
    SUBMITTED: 15,  # Art. 7.2: the commune checks and reports within 15 working days
    RETURNED: 10,
    PROPOSED: 10,
    ADDITIONS_REQUESTED: 10,
    ADVISORY_REVIEW: 20,
    TESTS_REQUESTED: 15,
    READY_FOR_COUNCIL: None,
    IN_COUNCIL_SESSION: None,  # the session's own date governs
    SCORED: 10,  # the provincial chair's decision
    PROPOSED_CENTRAL: None,  # the central rounds' dates govern
    IN_CENTRAL_SESSION: None,
    CENTRAL_SCORED: 10,
    DECIDED: None,
    REJECTED: None,
    STOPPED: None,
    WITHDRAWN: None,
    NOT_EVALUATED: None,
}

# Art. 7.6.g: a re-evaluation is finished "không quá 45 ngày kể từ ngày nhận đủ hồ sơ đề nghị".
# Its defaults: intake 5 + advisory (the agency's report) 10 + decision 5 = 20 working days (four
# weeks, 28 calendar days) from the complete dossier, leaving 17 days for the council's written
# opinions (Art. 7.6.d) or, when needed, extra tests (10).
REEVALUATION_DEADLINES: Mapping[str, int | None] = {
    PROPOSED: 5,
    ADDITIONS_REQUESTED: 5,
    ADVISORY_REVIEW: 10,
    TESTS_REQUESTED: 10,
    SCORED: 5,
    CENTRAL_SCORED: 5,
}

# Stages where the producer may edit the dossier and upload evidence.
PRODUCER_EDITABLE = frozenset({DRAFT, RETURNED, ADDITIONS_REQUESTED, TESTS_REQUESTED})
# Stages an advisor sees (the province's dossiers from the advisory review on).
ADVISOR_VISIBLE = frozenset({ADVISORY_REVIEW, TESTS_REQUESTED, READY_FOR_COUNCIL})


class TransitionError(MessageError):
    """A transition the map does not allow; its code is worded in evaluation.messages."""


# Art. 10.1.b: the central level may send a decided dossier back to the province to be evaluated
# again ("đề nghị UBND cấp tỉnh chỉ đạo thực hiện lại công tác đánh giá, phân hạng"). Kept apart
# from ALLOWED so that a decided dossier still needs nobody's action (tasks, uploads): only
# services/oversight.py takes it, for a whole review of the decision.
OVERSIGHT: Mapping[str, Mapping[str, Transition]] = {
    DECIDED: {"redo": _t(ADVISORY_REVIEW, CENTRAL, needs_reason=True)},
}


def transition_for(stage: str, action: str, role: str) -> Transition:
    """The allowed transition, or TransitionError saying why not."""
    actions = ALLOWED.get(stage, {})
    if action not in actions:
        raise TransitionError("workflow.not_allowed", action=action)
    transition = actions[action]
    if role not in transition.roles:
        raise TransitionError("workflow.wrong_role")
    return transition


def actions_for(stage: str, role: str) -> list[str]:
    return [name for name, t in ALLOWED.get(stage, {}).items() if role in t.roles]


def actors_of(stage: str) -> frozenset[str]:
    """The roles that must act at this stage (empty when nobody has to)."""
    roles: set[str] = set()
    for transition in ALLOWED.get(stage, {}).values():
        roles |= transition.roles
    return frozenset(roles)


def due_date(
    stage: str,
    start: date,
    overrides: Mapping[str, int | None] | None = None,
    kind: str = "first",
) -> date | None:
    """`start` + the stage's working days: the defaults, a re-evaluation's shorter ones (Art.
    7.6.g), then the deployment's overrides (which apply to every kind)."""
    shorter = REEVALUATION_DEADLINES if kind == "reevaluation" else {}
    days = {**DEFAULT_DEADLINES, **shorter, **(overrides or {})}.get(stage)
    return None if days is None else add_working_days(start, days)


def is_overdue(due: date | None, today: date) -> bool:
    return due is not None and today > due
