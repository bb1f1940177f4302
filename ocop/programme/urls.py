from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("targets/<int:pk>/records/", views.target_records, name="target_records"),
]
