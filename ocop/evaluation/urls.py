from django.urls import path

from .views import (
    actions,
    applications,
    councils,
    decisions,
    files,
    forms,
    minutes,
    pdfs,
    rounds,
    sessions,
    sheets,
    workbooks,
)

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
    path(
        "applications/<int:pk>/renew-rules/",
        actions.application_renew_rules_view,
        name="application_renew_rules",
    ),
    path(
        "applications/<int:pk>/next-round/",
        actions.application_move_round_view,
        name="application_move_round",
    ),
    path("applications/<int:pk>/files/", files.evidence_add, name="evidence_add"),
    path("applications/<int:pk>/dossier.zip", files.application_zip, name="application_zip"),
    path("applications/<int:pk>/mau-01.pdf", pdfs.form01_pdf, name="application_form01_pdf"),
    path("applications/<int:pk>/mau-02.pdf", pdfs.form02_pdf, name="application_form02_pdf"),
    path("files/<uuid:file_id>/", files.evidence_download, name="evidence_download"),
    path("files/<uuid:file_id>/delete/", files.evidence_delete, name="evidence_delete"),
    path("councils/", councils.council_list, name="council_list"),
    path("councils/new/", councils.council_new, name="council_new"),
    path("councils/<int:pk>/", councils.council_detail, name="council_detail"),
    path("councils/<int:pk>/members/", councils.council_member_new, name="council_member_new"),
    path("councils/<int:pk>/rules/", councils.council_rules, name="council_rules"),
    path("councils/<int:pk>/conflicts/", councils.conflict_new, name="conflict_new"),
    path(
        "councils/<int:pk>/conflicts/<int:conflict_pk>/review/",
        councils.conflict_decide,
        name="conflict_review",
    ),
    path("councils/<int:pk>/sessions/new/", sessions.session_new, name="session_new"),
    path("councils/<int:pk>/written/new/", sessions.written_new, name="written_new"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:pk>/close/", sessions.session_close_view, name="session_close"),
    path("sessions/<int:pk>/attendance/", sessions.session_attendance, name="session_attendance"),
    path(
        "sessions/<int:pk>/items/<int:item_pk>/outcome/", sessions.item_outcome, name="item_outcome"
    ),
    path("sessions/<int:pk>/minutes.pdf", sessions.minutes_pdf, name="minutes_pdf"),
    path("sessions/<int:pk>/minutes/", minutes.session_minutes, name="session_minutes"),
    path(
        "sessions/<int:pk>/items/<int:item_pk>/minutes/", minutes.item_minutes, name="item_minutes"
    ),
    path("sessions/<int:pk>/workbook.xlsx", workbooks.workbook_download, name="workbook_download"),
    path("sessions/<int:pk>/workbook/", workbooks.workbook_upload, name="workbook_upload"),
    path("sheets/", sheets.my_sheets, name="my_sheets"),
    path("sheets/<int:item_pk>/", sheets.sheet_score, name="sheet_score"),
    path("sheets/<int:item_pk>/preview/", sheets.sheet_preview, name="sheet_preview"),
    path("sheets/<int:item_pk>/paper/<int:member_pk>/", sheets.sheet_paper, name="sheet_paper"),
    path("decisions/", decisions.decision_list, name="decision_list"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>.pdf", decisions.decision_pdf, name="decision_pdf"),
]
