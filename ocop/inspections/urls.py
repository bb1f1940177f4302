from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.inspection_list, name="inspection_list"),
    path("new/", views.inspection_new, name="inspection_new"),
    path("<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("<int:pk>/record/", views.inspection_record, name="inspection_record"),
    path("<int:pk>/conclude/", views.inspection_conclude, name="inspection_conclude"),
    path("<int:pk>/revoke/", views.inspection_revoke, name="inspection_revoke"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/add/", views.plan_add, name="plan_add"),
    path("plans/<int:pk>/xlsx/", views.plan_export, name="plan_export"),
]
