from django.urls import path

from . import views_jobs

app_name = "jobs"

urlpatterns = [
    path("<uuid:job_id>/", views_jobs.job_detail, name="detail"),
    path("<uuid:job_id>/result/", views_jobs.job_result, name="result"),
]
