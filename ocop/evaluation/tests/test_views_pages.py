"""What the producer's pages do: create a dossier, fill the forms, the live self-score, PDFs."""

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Application


def test_producer_creates_fills_and_previews(personas, world):
    client = client_for(personas["producer_a"])
    response = client.post(
        "/applications/new/",
        {"product": world.product_a.pk, "round": world.round.pk, "kind": "first"},
    )
    application = Application.objects.get()
    assert response["Location"] == f"/applications/{application.pk}/form01/"
    assert application.form01["producer_name"] == "HTX Phú Xuyên"
    preview = client.post(
        f"/applications/{application.pk}/self-score/preview/", {"score_1.1": "3", "score_1.2": "2"}
    )
    assert 'data-selfscore-total="5"' in preview.content.decode()
    assert "đã chấm 2/32 tiêu chí" in preview.content.decode()
    client.post(f"/applications/{application.pk}/self-score/", {"score_1.1": "3", "score_1.2": "9"})
    application.refresh_from_db()
    assert application.self_scores == {}  # 9 is not a level of 1.2: nothing saved


def test_upgrade_is_refused_for_an_unrecognised_product(personas, world):
    client = client_for(personas["producer_a"])
    response = client.post(
        "/applications/new/",
        {"product": world.product_a.pk, "round": world.round.pk, "kind": "upgrade"},
    )
    assert response.status_code == 200
    assert "chỉ có thể đăng ký đánh giá lần đầu" in response.content.decode()
    assert not Application.objects.exists()


def test_pdfs_are_pdfs(personas, world):
    from ocop.evaluation.testing import new_dossier

    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    client = client_for(personas["producer_a"])
    for url in ("mau-01.pdf", "mau-02.pdf"):
        response = client.get(f"/applications/{application.pk}/{url}")
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


def test_self_score_advice_lists_steps_towards_three_stars(personas, world):
    from ocop.evaluation.testing import new_dossier

    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    client = client_for(personas["producer_a"])
    preview = client.post(
        f"/applications/{application.pk}/self-score/preview/", {"score_1.1": "3"}
    ).content.decode()
    total_line, advice = preview.split('id="selfscore-advice"')
    # The sticky line is the total only; the advice comes out of band, aimed at 3★ (not 2★).
    assert 'data-selfscore-total="3"' in total_line
    assert "Để đạt" not in total_line
    assert 'hx-swap-oob="true"' in advice
    assert 'data-advice-target="3"' in advice
    assert "Để đạt 3 sao" in advice and "2 sao" not in advice
    assert advice.count("data-advice-step=") >= 2
    page = client.get(f"/applications/{application.pk}/self-score/").content.decode()
    assert page.count('id="selfscore-advice"') == 1
    assert "hx-swap-oob" not in page
