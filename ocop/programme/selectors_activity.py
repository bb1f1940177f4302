"""Reads of the annual cycle, training and promotion, through the scoped QuerySets: the lineage
idea → plan → product → dossier → certificate, and the cost of a course or event from the
disbursements linked to it."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum

from ocop.certificates.models import Certificate
from ocop.evaluation.models import Application
from ocop.registry.models import Product

from .choices import BusinessPlanStatus, IdeaStatus
from .models import Attendance, BusinessPlan, Course, Disbursement, Event, Idea
from .units import Unit


@dataclass
class Lineage:
    """One plan's line from its idea to the certificates of its product (what the user may see)."""

    idea: Idea
    plan: BusinessPlan | None = None
    product: Product | None = None
    dossiers: list = field(default_factory=list)
    certificates: list = field(default_factory=list)


def lineage_of(plan: BusinessPlan, user) -> Lineage:
    line = Lineage(idea=plan.idea, plan=plan, product=plan.product)
    if plan.product_id:
        line.dossiers = list(
            Application.objects.visible_to(user).filter(product_id=plan.product_id).order_by("pk")
        )
        line.certificates = list(
            Certificate.objects.visible_to(user).filter(product_id=plan.product_id).order_by("pk")
        )
    return line


def lineages_of_idea(idea: Idea, user) -> list[Lineage]:
    plans = idea.business_plans.select_related("product").order_by("created_at")
    return [lineage_of(plan, user) for plan in plans]


def origins_of_product(product: Product) -> list[BusinessPlan]:
    """The business plans (and through them the ideas) a product came from."""
    return list(product.business_plans.select_related("idea").order_by("created_at"))


def ideas_for(user, year: int | None = None, status: str = "") -> QuerySet[Idea]:
    ideas = Idea.objects.visible_to(user).select_related("producer", "commune")
    if year:
        ideas = ideas.filter(year=year)
    if status in IdeaStatus.values:
        ideas = ideas.filter(status=status)
    return ideas.annotate(plans=Count("business_plans"))


def cycle_counts(unit: Unit, year: int, user) -> dict[str, int]:
    """Ideas and plans of the unit's communes in the year, by stage (what the user may see)."""
    ideas = Idea.objects.visible_to(user).filter(year=year, commune__in=unit.communes())
    plans = BusinessPlan.objects.visible_to(user).filter(idea__in=ideas)
    counts = ideas.aggregate(
        ideas=Count("pk"),
        **{f"ideas_{s}": Count("pk", filter=Q(status=s)) for s in IdeaStatus.values},
    )
    counts.update(
        plans.aggregate(
            plans=Count("pk"),
            **{f"plans_{s}": Count("pk", filter=Q(status=s)) for s in BusinessPlanStatus.values},
        )
    )
    return counts


def courses_for(user) -> QuerySet[Course]:
    # a subquery: summed over the attendance join, each payment would count once per attendee
    paid = Disbursement.objects.filter(course=OuterRef("pk")).values("course")
    cost = Subquery(paid.annotate(total=Sum("amount")).values("total"))
    courses = Course.objects.visible_to(user).select_related("commune", "historic_unit", "province")
    return courses.annotate(attendees=Count("attendances"), cost=cost).order_by(
        "-start_date", "title", "pk"
    )


def course_cost(course: Course) -> int:
    return course.disbursements.aggregate(total=Sum("amount"))["total"] or 0


def event_cost(event: Event) -> int:
    return event.disbursements.aggregate(total=Sum("amount"))["total"] or 0


def my_trainings(user) -> QuerySet[Attendance]:
    """A producer's own attendances (the courses its representatives followed)."""
    return (
        Attendance.objects.visible_to(user)
        .select_related("course", "producer")
        .order_by("-course__start_date", "name", "pk")
    )
