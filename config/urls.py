from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from ocop.reports import views as report_views

urlpatterns = [
    path("", report_views.home, name="home"),
    # Same URL and name as django.conf.urls.i18n, without the CSRF check: the language form sits on
    # public pages rendered once for everyone (no per-visitor token, see certificates.verify_cache),
    # and a forged request can do no more than switch the visitor's language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    # First after the home page: the public verification URL is the busiest (every QR scan), and
    # Django tries the patterns in order.
    path("", include("ocop.certificates.urls")),
    path("accounts/", include("ocop.accounts.urls")),
    path("criteria/", include("ocop.criteria.urls")),
    path("places/", include("ocop.places.urls")),
    path("", include("ocop.registry.urls")),
    path("", include("ocop.evaluation.urls")),
    path("programme/", include("ocop.programme.urls")),
    path("programme/", include("ocop.programme.urls_activity")),
    path("inspections/", include("ocop.inspections.urls")),
    path("reports/", include("ocop.reports.urls")),
    path("catalogue/", include("ocop.catalogue.urls")),
    path("", include("ocop.catalogue.urls_gs1")),
    path("open-data/", include("ocop.catalogue.urls_opendata")),
    path("api/v1/", include("ocop.api.urls")),
    path("audit/", include("ocop.accounts.audit_urls")),
    path("jobs/", include("ocop.core.urls_jobs")),
    path("admin/", admin.site.urls),
]
