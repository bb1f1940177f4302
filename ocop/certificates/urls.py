from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.certificate_list, name="certificate_list"),
    path("certificates/<int:pk>/", views.certificate_detail, name="certificate_detail"),
    path("certificates/<int:pk>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/revoke/", views.certificate_revoke, name="certificate_revoke"),
    path("verify/lookup/", views.verify_lookup, name="verify_lookup"),
    path("verify/<str:token>/<str:signature>/", views.verify, name="verify"),
]
