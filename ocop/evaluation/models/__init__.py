from .applications import Application, ApplicationKind, RegistrationCounter, StageChange
from .councils import Conflict, Council, CouncilMember, Position, SpreadPolicy
from .decisions import Decision, DecisionCounter
from .files import EvidenceFile
from .fivestar import FiveStarDossier
from .minutes import MissingScoreNote
from .oversight import DecisionReview, ReviewConclusion
from .receipts import Receipt, ReceiptCounter, ReceiptLevel
from .rounds import Round, RoundLevel
from .scoring import ScoreSheet, ScoreSheetVersion, Session, SessionItem

__all__ = [
    "Application",
    "ApplicationKind",
    "Conflict",
    "Council",
    "CouncilMember",
    "Decision",
    "DecisionCounter",
    "DecisionReview",
    "EvidenceFile",
    "FiveStarDossier",
    "MissingScoreNote",
    "Position",
    "Receipt",
    "ReceiptCounter",
    "ReceiptLevel",
    "RegistrationCounter",
    "ReviewConclusion",
    "Round",
    "RoundLevel",
    "ScoreSheet",
    "ScoreSheetVersion",
    "Session",
    "SessionItem",
    "SpreadPolicy",
    "StageChange",
]
