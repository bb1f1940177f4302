from .applications import Application, ApplicationKind, RegistrationCounter, StageChange
from .files import EvidenceFile
from .rounds import Round, RoundLevel

__all__ = [
    "Application",
    "ApplicationKind",
    "EvidenceFile",
    "RegistrationCounter",
    "Round",
    "RoundLevel",
    "StageChange",
]
