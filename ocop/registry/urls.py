from django.urls import path

from . import views, views_excel, views_products

app_name = "registry"
KIND = {"producers": {"kind": "producers"}, "products": {"kind": "products"}}

urlpatterns = [
    path("producers/", views.producer_list, name="producer_list"),
    path("producers/new/", views.producer_create, name="producer_create"),
    path("producers/<int:pk>/", views.producer_detail, name="producer_detail"),
    path("producers/<int:pk>/edit/", views.producer_edit, name="producer_edit"),
    path("producers/<int:pk>/verify/", views.producer_verify, name="producer_verify"),
    path("producers/<int:pk>/archive/", views.producer_archive, name="producer_archive"),
    path("producers/<int:pk>/documents/", views.producer_document_add, name="producer_document_add"),
    path("products/", views_products.product_list, name="product_list"),
    path("products/new/", views_products.product_create, name="product_create"),
    path("products/<int:pk>/", views_products.product_detail, name="product_detail"),
    path("products/<int:pk>/edit/", views_products.product_edit, name="product_edit"),
    path("products/<int:pk>/verify/", views_products.product_verify, name="product_verify"),
    path("products/<int:pk>/archive/", views_products.product_archive, name="product_archive"),
    path("products/<int:pk>/standards/", views_products.product_standard_add, name="product_standard_add"),
    path("products/<int:pk>/images/", views_products.product_image_add, name="product_image_add"),
    path("products/<int:pk>/images/<int:image_pk>/", views_products.product_image, name="product_image"),
    path("registry/changes/", views.change_list, name="change_list"),
    path("registry/changes/<int:pk>/accept/", views.change_accept, name="change_accept"),
    path("registry/changes/<int:pk>/reject/", views.change_reject, name="change_reject"),
]  # fmt: skip

for kind, kwargs in KIND.items():
    urlpatterns += [
        path(f"{kind}/template.xlsx", views_excel.import_template, kwargs, name=f"{kind}_template"),
        path(f"{kind}/export.xlsx", views_excel.export, kwargs, name=f"{kind}_export"),
        path(f"{kind}/import/", views_excel.import_upload, kwargs, name=f"{kind}_import"),
        path(
            f"{kind}/import/<str:token>/",
            views_excel.import_confirm,
            kwargs,
            name=f"{kind}_import_confirm",
        ),
    ]
