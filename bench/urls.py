"""The project's URLs plus /bench/hello/: the baseline view, through the same middleware."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urls


def hello(request):
    return HttpResponse(b"Hello, world", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), *project_urls]
