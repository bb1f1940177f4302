# Art. 7.6.d: a council may decide a re-evaluation by written opinions instead of a session.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0007_round_basis_extra_rounds")]

    operations = [
        migrations.AddField(
            model_name="session",
            name="mode",
            field=models.CharField(
                choices=[("meeting", "Họp trực tiếp"), ("written", "Lấy ý kiến bằng văn bản")],
                default="meeting",
                max_length=7,
                verbose_name="hình thức",
            ),
        ),
        migrations.AddField(
            model_name="session",
            name="reply_by",
            field=models.DateField(blank=True, null=True, verbose_name="hạn gửi ý kiến"),
        ),
        migrations.AddConstraint(
            model_name="session",
            constraint=models.CheckConstraint(
                condition=models.Q(("mode", "meeting"), ("reply_by__isnull", True))
                | models.Q(("mode", "written"), ("reply_by__gte", models.F("held_on"))),
                name="session_written_has_reply_date",
            ),
        ),
    ]
