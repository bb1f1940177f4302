"""Store each submitted sheet's computed result (ScoreSheet.scored) and fill it for the sheets
already submitted, so that consolidating a session reads numbers instead of scoring answers."""

from django.db import migrations, models

BATCH = 2000


def fill_scored(apps, schema_editor):
    """The engine's record of every submitted sheet without one. A sheet whose rule set cannot be
    loaded or whose answers no longer fit is left empty: consolidation scores it as before."""
    from ocop.criteria.engine import AnswerError, score_sheet, sheet_record
    from ocop.evaluation.selfscore import sheet_for

    ScoreSheet = apps.get_model("evaluation", "ScoreSheet")
    pending = ScoreSheet.objects.filter(status="submitted", scored="")
    ids = list(pending.order_by("id").values_list("id", flat=True))
    # Read a batch, then write it: SQLite gives no isolation between a read in progress and a
    # write on the same connection.
    for start in range(0, len(ids), BATCH):
        rows = (
            ScoreSheet.objects.filter(pk__in=ids[start : start + BATCH])
            .select_related("item__application")
            .only("id", "answers", "item__application__rules", "item__application__set_number")
        )
        filled = []
        for row in rows:
            application = row.item.application
            sheet = sheet_for(application.rules, application.set_number)
            if sheet is None:
                continue
            try:
                row.scored = sheet_record(score_sheet(sheet, row.answers))
            except (AnswerError, TypeError):  # answers not a mapping of the sheet's codes
                continue
            filled.append(row)
        ScoreSheet.objects.bulk_update(filled, ["scored"])


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0012_outcome_rules_minutes_notes"),
    ]

    operations = [
        migrations.AddField(
            model_name="scoresheet",
            name="scored",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_scored, migrations.RunPython.noop),
    ]
