from ocop.accounts.testing import client_for


def test_admin_is_titled_quan_tri_ocop(personas):
    page = client_for(personas["admin"]).get("/admin/").content.decode()
    assert "<title>Quản trị hệ thống OCOP | Quản trị OCOP</title>" in page
    assert '<a href="/admin/">Quản trị OCOP</a>' in page
    assert "Django" not in page.split("<body")[1].split("</header>")[0]


def test_admin_title_in_english(personas):
    client = client_for(personas["admin"])
    client.cookies["django_language"] = "en"
    page = client.get("/admin/").content.decode()
    assert '<a href="/admin/">OCOP administration</a>' in page
