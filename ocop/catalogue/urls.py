from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("", views.catalogue_list, name="list"),
    path("decisions/", views.decision_list, name="decisions"),
    path("<str:code>/", views.product_detail, name="product"),
    path("<str:code>/images/<int:image_pk>/", views.product_image, name="image"),
]
