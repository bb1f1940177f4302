from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("programme/", views.unit_list, name="unit_list"),
    path("programme/<str:code>/", views.programme_dashboard, name="programme_dashboard"),
    path("programme/<str:code>/report.xlsx", views.programme_xlsx, name="programme_xlsx"),
    path("programme/<str:code>/report.pdf", views.programme_pdf, name="programme_pdf"),
]
