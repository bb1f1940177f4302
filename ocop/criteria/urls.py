from django.urls import path

from ocop.criteria import views

app_name = "criteria"
urlpatterns = [
    path("", views.ruleset_list, name="ruleset_list"),
    path("<str:rules>/", views.set_list, name="set_list"),
    path("<str:rules>/<int:number>/", views.sheet_detail, name="sheet_detail"),
    path("<str:rules>/<int:number>/phieu-trang.pdf", views.sheet_pdf, name="sheet_pdf"),
]
