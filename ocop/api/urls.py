from django.urls import path

from . import views
from .docs import docs

app_name = "api"

urlpatterns = [
    path("", views.Index.as_view(), name="index"),
    path("products/", views.ProductList.as_view(), name="products"),
    path("products/<str:code>/", views.ProductDetail.as_view(), name="product"),
    path("producers/", views.ProducerList.as_view(), name="producers"),
    path("producers/<int:pk>/", views.ProducerDetail.as_view(), name="producer"),
    path("certificates/", views.CertificateList.as_view(), name="certificates"),
    # Certificate numbers hold slashes (001/2026/GCN-01).
    path("certificates/<path:number>/", views.CertificateDetail.as_view(), name="certificate"),
    path("decisions/", views.DecisionList.as_view(), name="decisions"),
    path("places/provinces/", views.ProvinceList.as_view(), name="provinces"),
    path("places/provinces/<str:code>/", views.ProvinceDetail.as_view(), name="province"),
    path("places/communes/", views.CommuneList.as_view(), name="communes"),
    path("places/communes/<str:code>/", views.CommuneDetail.as_view(), name="commune"),
    path("product-sets/", views.ProductSetList.as_view(), name="product_sets"),
    path("stats/", views.Stats.as_view(), name="stats"),
    path("schema/", views.Schema.as_view(), name="schema"),
    path("docs/", docs, name="docs"),
]
