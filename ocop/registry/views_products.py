"""Product pages: list, detail, create, edit, verify, archive, standards and photos."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ocop.accounts.permissions import get_visible_or_404, role_required
from ocop.accounts.scope import sees_nationwide
from ocop.core.paging import filter_params, page_of, query_without_page

from . import services
from .choices import CertificateStatus, LegalForm
from .filters import filter_products
from .forms import ImageForm, ProductForm, StandardForm
from .models import Product
from .product_sets import CURRENT_RULES, set_choices
from .services import PRODUCT_FIELDS
from .views import OFFICERS, OFFICERS_AND_PRODUCERS, _saved_message


@role_required(*OFFICERS_AND_PRODUCERS)
def product_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    products = filter_products(
        Product.objects.visible_to(user), request.GET, territorial=not sees_nationwide(user)
    )
    context = {
        "page": page_of(request, products, ("producer",)),
        "sets": set_choices(request.GET.get("rules") or CURRENT_RULES),
        "legal_forms": LegalForm.choices,
        "statuses": [c for c in CertificateStatus.choices if c[0]],
        "query": query_without_page(request),
        "params": filter_params(request),
    }
    return render(request, "registry/product_list.html", context)


@role_required(*OFFICERS_AND_PRODUCERS)
def product_create(request: HttpRequest) -> HttpResponse:
    initial = {"producer": request.GET.get("producer")}
    form = ProductForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in PRODUCT_FIELDS}
        product = services.product_create(actor=request.user, data=data)
        messages.success(request, _("Đã tạo sản phẩm."))
        return redirect("registry:product_detail", pk=product.pk)
    return render(request, "registry/product_form.html", {"form": form})


@role_required(*OFFICERS_AND_PRODUCERS)
def product_detail(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_visible_or_404(
        Product.objects.select_related("producer__commune"), request.user, pk=pk
    )
    context = {
        "product": product,
        "standards": product.standards.all(),
        "images": product.images.all(),
        "pending": product.changes.pending(),
        "standard_form": StandardForm(),
        "image_form": ImageForm(),
    }
    return render(request, "registry/product_detail.html", context)


@role_required(*OFFICERS_AND_PRODUCERS)
def product_edit(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_visible_or_404(Product.objects.active(), request.user, pk=pk)
    form = ProductForm(request.POST or None, instance=product, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in PRODUCT_FIELDS}
        product.refresh_from_db()
        change = services.product_update(actor=request.user, product=product, data=data)
        messages.success(request, _saved_message(change))
        return redirect("registry:product_detail", pk=product.pk)
    return render(request, "registry/product_form.html", {"form": form, "product": product})


@require_POST
@role_required(*OFFICERS)
def product_verify(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_visible_or_404(Product.objects.all(), request.user, pk=pk)
    services.product_verify(actor=request.user, product=product)
    messages.success(request, _("Đã xác minh sản phẩm."))
    return redirect("registry:product_detail", pk=pk)


@require_POST
@role_required(*OFFICERS)
def product_archive(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_visible_or_404(Product.objects.all(), request.user, pk=pk)
    archive = request.POST.get("restore") != "1"
    services.product_set_archived(actor=request.user, product=product, archived=archive)
    messages.success(request, _("Đã lưu trữ sản phẩm.") if archive else _("Đã khôi phục sản phẩm."))
    return redirect("registry:product_detail", pk=pk)


@require_POST
@role_required(*OFFICERS_AND_PRODUCERS)
def product_standard_add(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_visible_or_404(Product.objects.active(), request.user, pk=pk)
    form = StandardForm(request.POST)
    if form.is_valid():
        services.product_add_standard(actor=request.user, product=product, data=form.cleaned_data)
        messages.success(request, _("Đã thêm chứng nhận."))
    else:
        messages.error(request, _("Chứng nhận chưa hợp lệ: %(e)s") % {"e": form.errors.as_text()})
    return redirect("registry:product_detail", pk=pk)


@require_POST
@role_required(*OFFICERS_AND_PRODUCERS)
def product_image_add(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_visible_or_404(Product.objects.active(), request.user, pk=pk)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.product_add_image(
                actor=request.user, product=product, data=form.cleaned_data["image"].read(),
                caption=form.cleaned_data["caption"],
            )  # fmt: skip
            messages.success(request, _("Đã thêm ảnh."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        chosen = "image" in request.FILES
        problems = (form.errors.get("image") if chosen else None) or [_("Hãy chọn một tệp ảnh.")]
        messages.error(request, " ".join(str(problem) for problem in problems))
    return redirect("registry:product_detail", pk=pk)


@role_required(*OFFICERS_AND_PRODUCERS)
def product_image(request: HttpRequest, pk: int, image_pk: int) -> FileResponse:
    """Serves a stored photo to those who may see the product (media files are private)."""
    product = get_visible_or_404(Product.objects.all(), request.user, pk=pk)
    image = get_object_or_404(product.images, pk=image_pk)
    return FileResponse(image.image.open("rb"))
