import io
import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ocop.accounts.demo import DEMO_ACCOUNTS
from ocop.accounts.roles import Role
from ocop.certificates.choices import Status
from ocop.certificates.models import Certificate
from ocop.demo.seed import DEMO_PASSWORD, seed_all

WILDCARD_HOSTS = {"0.0.0.0", "::", ""}
# Static files are served by whitenoise (as in production), not by runserver's handler, which
# answers /static/../x with a 500 (SuspiciousFileOperation) instead of a 404.
RUNSERVER_OPTIONS = {"use_reloader": False, "use_static_handler": False}


def demo_site_url(host: str, port: str) -> str:
    """Where the demo is reached, for links in e-mails, pages and QR codes: the address it listens
    on (127.0.0.1 when it listens on every interface), unless OCOP_SITE_URL says otherwise."""
    if os.environ.get("OCOP_SITE_URL"):
        return settings.SITE_URL
    name = "127.0.0.1" if host in WILDCARD_HOSTS else host
    if ":" in name:  # an IPv6 address
        name = f"[{name}]"
    return f"http://{name}:{port}"


def account_table() -> list[str]:
    """One line per demo account, straight from DEMO_ACCOUNTS (so a new account is listed)."""
    width = max(len(username) for username, *_ in DEMO_ACCOUNTS)
    return [
        f"  {username:<{width}}  {Role(role).label} — {full_name}"
        for username, role, full_name, _scope in DEMO_ACCOUNTS
    ]


class Command(BaseCommand):
    help = "Chuẩn bị cơ sở dữ liệu trình diễn (nếu cần) và chạy máy chủ trình diễn."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="127.0.0.1", help="Địa chỉ lắng nghe (mặc định 127.0.0.1)"
        )
        parser.add_argument("--port", default="8000", help="Cổng (mặc định 8000)")
        parser.add_argument(
            "--no-serve", action="store_true", help="Chỉ chuẩn bị dữ liệu, không chạy máy chủ"
        )

    def handle(self, *args, host: str, port: str, no_serve: bool, **options):
        settings.SITE_URL = demo_site_url(host, port)
        mail_dir = self.mail_to_files()
        self.stdout.write(_("Đang chuẩn bị cơ sở dữ liệu trình diễn…"))
        call_command("migrate", interactive=False, verbosity=0)
        log = io.StringIO()
        seed_all(log)
        if log.getvalue():
            self.stdout.write(log.getvalue().rstrip())
        if mail_dir:
            self.stdout.write(
                _("Thư điện tử của bản trình diễn được ghi vào tệp trong: %(folder)s")
                % {"folder": mail_dir}
            )
        if no_serve:
            self.print_summary()
            return
        site_host = settings.SITE_URL.split("//", 1)[1].rsplit(":", 1)[0].strip("[]")
        for name in (host, site_host):
            if name not in settings.ALLOWED_HOSTS:
                settings.ALLOWED_HOSTS.append(name)
        self.stdout.write(_("Máy chủ trình diễn đang chạy; nhấn Ctrl+C để dừng."))
        self.print_summary()
        # runserver's own banner goes nowhere (the summary above is the last thing printed);
        # its errors and request log still go to stderr.
        call_command("runserver", f"{host}:{port}", stdout=io.StringIO(), **RUNSERVER_OPTIONS)

    def mail_to_files(self) -> str:
        """Unless OCOP_EMAIL_BACKEND chooses otherwise, the demo's e-mails go to files in
        $OCOP_DATA_DIR/demo-mail/ instead of flooding the terminal. Returns that folder or ''."""
        if os.environ.get("OCOP_EMAIL_BACKEND"):
            return ""
        folder = settings.DATA_DIR / "demo-mail"
        folder.mkdir(parents=True, exist_ok=True)
        settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
        settings.EMAIL_FILE_PATH = str(folder)
        return str(folder)

    def print_summary(self) -> None:
        sample = Certificate.objects.filter(status=Status.VALID).order_by("pk").first()
        if sample is not None:
            self.stdout.write(
                _("Xác minh một giấy chứng nhận (như quét mã QR): %(url)s")
                % {"url": sample.verification_url}
            )
        home = _("Hệ thống OCOP (trình diễn): %(url)s") % {"url": f"{settings.SITE_URL}/"}
        self.stdout.write(self.style.SUCCESS(f"\n{home}"))
        self.stdout.write(
            _("Tài khoản trình diễn (mật khẩu cho tất cả: %(password)s):")
            % {"password": DEMO_PASSWORD}
        )
        for line in account_table():
            self.stdout.write(line)
