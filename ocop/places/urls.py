from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    path("communes/", views.commune_options, name="commune_options"),
    path("historic/", views.historic_options, name="historic_options"),
]
