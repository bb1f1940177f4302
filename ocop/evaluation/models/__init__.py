from .applications import Application, ApplicationKind, RegistrationCounter, StageChange
from .councils import Conflict, Council, CouncilMember, Position, SpreadPolicy
from .decisions import Decision, DecisionCounter
from .files import EvidenceFile
from .minutes import MissingScoreNote
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
    "EvidenceFile",
    "MissingScoreNote",
    "Position",
    "RegistrationCounter",
    "Round",
    "RoundLevel",
    "ScoreSheet",
    "ScoreSheetVersion",
    "Session",
    "SessionItem",
    "SpreadPolicy",
    "StageChange",
]
