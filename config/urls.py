from django.contrib import admin
from django.urls import include, path

from ocop.reports import views as report_views

urlpatterns = [
    path("", report_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("ocop.accounts.urls")),
    path("criteria/", include("ocop.criteria.urls")),
    path("places/", include("ocop.places.urls")),
    path("", include("ocop.registry.urls")),
    path("", include("ocop.evaluation.urls")),
    path("", include("ocop.certificates.urls")),
    path("programme/", include("ocop.programme.urls")),
    path("programme/", include("ocop.programme.urls_activity")),
    path("reports/", include("ocop.reports.urls")),
    path("catalogue/", include("ocop.catalogue.urls")),
    path("", include("ocop.catalogue.urls_gs1")),
    path("open-data/", include("ocop.catalogue.urls_opendata")),
    path("api/v1/", include("ocop.api.urls")),
    path("audit/", include("ocop.accounts.audit_urls")),
    path("jobs/", include("ocop.core.urls_jobs")),
    path("admin/", admin.site.urls),
]
