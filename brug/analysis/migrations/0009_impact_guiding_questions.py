"""The social impact scan asks its guiding questions in rows instead of three free texts.

Existing scans keep every word: each line of the old "geraakte groepen", "verwachte spanningen" and
"wat doen we eraan" becomes one row of the new questions (the reverse joins the rows again).
"""

from django.db import migrations, models


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def forwards(apps, schema_editor):
    ImpactScan = apps.get_model("analysis", "ImpactScan")
    for scan in ImpactScan.objects.all():
        scan.groups = [{"name": line, "how": ""} for line in _lines(scan.affected_groups)]
        scan.tensions = [{"what": line, "between": ""} for line in _lines(scan.expected_tensions)]
        scan.measures = [{"what": line, "who": "", "due": ""} for line in _lines(scan.mitigation)]
        scan.save(update_fields=["groups", "tensions", "measures"])


def _join(rows, *keys):
    return "\n".join(" – ".join(row[k] for k in keys if row.get(k)) for row in rows)


def backwards(apps, schema_editor):
    ImpactScan = apps.get_model("analysis", "ImpactScan")
    for scan in ImpactScan.objects.all():
        scan.affected_groups = _join(scan.groups, "name", "how")
        scan.expected_tensions = _join(scan.tensions, "what", "between")
        scan.mitigation = _join(scan.measures, "what", "who", "due")
        scan.save(update_fields=["affected_groups", "expected_tensions", "mitigation"])


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0008_decision_explanations"),
    ]

    operations = [
        migrations.AddField(
            model_name="impactscan",
            name="groups",
            field=models.JSONField(blank=True, default=list, verbose_name="welke groepen raakt het"),
        ),
        migrations.AddField(
            model_name="impactscan",
            name="measures",
            field=models.JSONField(blank=True, default=list, verbose_name="welke maatregelen"),
        ),
        migrations.AddField(
            model_name="impactscan",
            name="tensions",
            field=models.JSONField(blank=True, default=list, verbose_name="welke spanningen kunnen ontstaan"),
        ),
        # The old texts become rows first; only then the old columns go.
        migrations.AlterField(
            model_name="impactscan",
            name="affected_groups",
            field=models.TextField(blank=True, default="", verbose_name="geraakte groepen"),
        ),
        migrations.AlterField(
            model_name="impactscan",
            name="expected_tensions",
            field=models.TextField(blank=True, default="", verbose_name="verwachte spanningen"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="impactscan", name="affected_groups"),
        migrations.RemoveField(model_name="impactscan", name="expected_tensions"),
        migrations.RemoveField(model_name="impactscan", name="mitigation"),
        migrations.AlterField(
            model_name="impactscan",
            name="owner",
            field=models.CharField(max_length=160, verbose_name="wie volgt het op (rol of afdeling)"),
        ),
        migrations.AlterField(
            model_name="impactscan",
            name="review_date",
            field=models.DateField(verbose_name="wanneer kijken we opnieuw"),
        ),
    ]
