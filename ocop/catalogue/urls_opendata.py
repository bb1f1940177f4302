from django.urls import path, re_path

from . import views_opendata

app_name = "opendata"

urlpatterns = [
    path("", views_opendata.index, name="index"),
    path("build/", views_opendata.build, name="build"),
    path("catalog.jsonld", views_opendata.catalog_jsonld, name="catalog"),
    re_path(r"^(?P<filename>[a-z]+\.(?:csv|jsonl|xlsx))$", views_opendata.download, name="file"),
]
