"""How each item's meaning vector was made; existing rows get "" (outdated), so the beat task
brug.knowledge.refresh_outdated_embeddings re-embeds them after the upgrade."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_reindex_with_brug_text_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="knowledgeitem",
            name="embedding_recipe",
            field=models.CharField(blank=True, default="", editable=False, max_length=100),
        ),
    ]
