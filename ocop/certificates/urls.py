from django.urls import path

from . import notice_views, views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.certificate_list, name="certificate_list"),
    path("certificates/<int:pk>/", views.certificate_detail, name="certificate_detail"),
    path("certificates/<int:pk>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/revoke/", views.certificate_revoke, name="certificate_revoke"),
    path("notices/", notice_views.notice_list, name="notice_list"),
    path("notices/<int:pk>/pdf/", notice_views.notice_pdf, name="notice_pdf"),
    path("verify/lookup/", views.verify_lookup, name="verify_lookup"),
    path("verify/<str:token>/<str:signature>/", views.verify, name="verify"),
]
