from django.urls import path, re_path

from . import views_gs1, views_labels

app_name = "gs1"

urlpatterns = [
    # Everything under /01/ reaches the resolver, so a malformed path answers 400, not 404
    # (also one with an encoded line break, which `.` would not match).
    re_path(r"^(?P<path>01/[\s\S]*)$", views_gs1.resolve, name="resolve"),
    path(".well-known/gs1resolver", views_gs1.resolver_description, name="resolver_description"),
    re_path(
        r"^labels/products/(?P<code>[^/]+)\.(?P<kind>svg|png)$",
        views_labels.product_label,
        name="product_label",
    ),
    re_path(
        r"^labels/certificates/(?P<pk>[0-9]+)\.(?P<kind>svg|png)$",
        views_labels.certificate_label,
        name="certificate_label",
    ),
]
