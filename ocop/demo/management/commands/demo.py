import io

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ocop.demo.seed import DEMO_PASSWORD, seed_all


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
        self.stdout.write("Đang chuẩn bị cơ sở dữ liệu trình diễn…")
        call_command("migrate", interactive=False, verbosity=0)
        log = io.StringIO()
        accounts = seed_all(log)
        if log.getvalue():
            self.stdout.write(log.getvalue().rstrip())
        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nHệ thống OCOP (trình diễn): {url}"))
        self.stdout.write(f"Tài khoản trình diễn (mật khẩu cho tất cả: {DEMO_PASSWORD}):")
        for username, role in accounts:
            self.stdout.write(f"  {username:<10} {role}")
        if no_serve:
            return
        if host not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS.append(host)
        self.stdout.write("Nhấn Ctrl+C để dừng.\n")
        call_command("runserver", f"{host}:{port}", use_reloader=False, insecure_serving=True)
