from django.urls import path  # noqa: F401

app_name = "gs1"

urlpatterns: list = []
