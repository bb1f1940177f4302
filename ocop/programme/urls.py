from django.urls import path

from . import views, views_budget

app_name = "programme"

urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("targets/<int:pk>/records/", views.target_records, name="target_records"),
    path("budget/", views_budget.budget_overview, name="budget"),
    path("budget/allocations/new/", views_budget.allocation_create, name="allocation_create"),
    path("budget/allocations/<int:pk>/", views_budget.allocation_detail, name="allocation_detail"),
    path(
        "budget/allocations/<int:pk>/disburse/",
        views_budget.disbursement_create,
        name="disbursement_create",
    ),
    path(
        "budget/disbursements/<int:pk>/",
        views_budget.disbursement_detail,
        name="disbursement_detail",
    ),
    path(
        "budget/disbursements/<int:pk>/attachment/",
        views_budget.disbursement_attachment,
        name="disbursement_attachment",
    ),
]
