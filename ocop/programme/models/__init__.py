from .budget import Allocation, Disbursement
from .cycle import BusinessPlan, CycleDefault, CycleWindow, Idea
from .plans import Plan, PlannedBudget, Target
from .promotion import Event, Showroom
from .training import Attendance, Course

__all__ = [
    "Allocation",
    "Attendance",
    "BusinessPlan",
    "Course",
    "CycleDefault",
    "CycleWindow",
    "Disbursement",
    "Event",
    "Idea",
    "PlannedBudget",
    "Plan",
    "Showroom",
    "Target",
]
