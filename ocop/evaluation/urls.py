from django.urls import path

from .views import actions, applications, files, forms, pdfs, rounds

app_name = "evaluation"
urlpatterns = [
    path("rounds/", rounds.round_list, name="round_list"),
    path("rounds/new/", rounds.round_new, name="round_new"),
    path("applications/", applications.application_list, name="application_list"),
    path("applications/tasks/", applications.my_tasks, name="my_tasks"),
    path("applications/new/", applications.application_new, name="application_new"),
    path("applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path("applications/<int:pk>/form01/", forms.application_form01, name="application_form01"),
    path("applications/<int:pk>/form02/", forms.application_form02, name="application_form02"),
    path(
        "applications/<int:pk>/self-score/",
        forms.application_selfscore,
        name="application_selfscore",
    ),
    path(
        "applications/<int:pk>/self-score/preview/",
        forms.application_selfscore_preview,
        name="application_selfscore_preview",
    ),
    path(
        "applications/<int:pk>/act/<slug:action>/", actions.application_act, name="application_act"
    ),
    path("applications/<int:pk>/files/", files.evidence_add, name="evidence_add"),
    path("applications/<int:pk>/dossier.zip", files.application_zip, name="application_zip"),
    path("applications/<int:pk>/mau-01.pdf", pdfs.form01_pdf, name="application_form01_pdf"),
    path("applications/<int:pk>/mau-02.pdf", pdfs.form02_pdf, name="application_form02_pdf"),
    path("files/<uuid:file_id>/", files.evidence_download, name="evidence_download"),
    path("files/<uuid:file_id>/delete/", files.evidence_delete, name="evidence_delete"),
]
