"""The knowledge base: products of the learning network, cases, dilemmas, successes, methods, analyses.

Every item belongs to the organisation that added it and has one visibility (see
`brug.knowledge.selectors.visible_items` for who sees what). The search columns (`stems`,
`search_vector`, `embedding`) are written only by `brug.knowledge.services`; see
docs/algorithms/kennisbank-zoeken.md.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse


class Kind(models.TextChoices):
    PRODUCT = "kennisproduct", "Kennisproduct"
    CASE = "casus", "Casus"
    DILEMMA = "dilemma", "Dilemma"
    SUCCESS = "succes", "Succes"
    METHOD = "methode", "Methode"
    ANALYSIS = "analyse", "Analyse"


class Visibility(models.TextChoices):
    ORGANISATION = "organisatie", "Alleen mijn organisatie"
    NETWORK = "netwerk", "Leernetwerk (alle deelnemende organisaties)"
    PUBLIC = "publiek", "Publiek (iedereen, zonder inloggen)"


class KnowledgeItem(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="knowledge_items",
        verbose_name="organisatie",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    title = models.CharField("titel", max_length=200)
    # Plain text only: tags are stripped on the way in, everything is escaped on the way out.
    body = models.TextField("tekst")
    themes = models.JSONField("thema's", default=list, blank=True)
    dividing_lines = models.JSONField("scheidslijnen", default=list, blank=True)
    visibility = models.CharField("zichtbaarheid", max_length=20, choices=Visibility.choices)
    source_label = models.CharField("bron", max_length=200, blank=True)
    # An anonymised share (e.g. of a local analysis): no page names the publishing organisation.
    anonymous = models.BooleanField("geanonimiseerd", default=False)
    # The learning app owns editions; a plain number keeps the apps independent.
    edition_id = models.PositiveIntegerField("editie", null=True, blank=True)
    pdf = models.BinaryField("pdf", null=True, blank=True, editable=False)
    # Stable key for items the platform seeds itself (methods), so seeding is idempotent.
    seed_key = models.CharField(max_length=60, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # --- search columns, maintained by services -------------------------------------------
    # " tag " tokens for filtering on theme or dividing line with one LIKE, e.g. " t:wonen l:arm-rijk ".
    tag_index = models.TextField(blank=True, default="", editable=False)
    # dutch_porter stems of title and body, space-separated and padded: " stem1 stem2 ".
    title_stems = models.TextField(blank=True, default="", editable=False)
    body_stems = models.TextField(blank=True, default="", editable=False)
    # Filled on PostgreSQL only (dutch config, title weight A, body weight B); GIN index in migration 0002.
    search_vector = SearchVectorField(null=True, editable=False)
    # USE-multilingual embedding of title + body: 512 float32, L2-normalised.
    embedding = models.BinaryField(null=True, editable=False)
    # How `embedding` was made (services.embedding_recipe: model and embedding constants); "" = unknown.
    # An item whose recipe is not the current one is re-embedded in the background.
    embedding_recipe = models.CharField(max_length=100, blank=True, default="", editable=False)
    # The index version at the last write; the per-process embedding matrix reloads rows above its version.
    index_version = models.BigIntegerField(default=0, db_index=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "kennisitem"
        verbose_name_plural = "kennisitems"
        indexes = [models.Index(fields=["visibility", "organisation"])]

    def __str__(self) -> str:
        return self.title

    @property
    def publisher_label(self) -> str:
        """Who published it, as every page shows it: never the organisation of an anonymised share."""
        return "Een gemeente (geanonimiseerd)" if self.anonymous else self.organisation.name

    def get_public_url(self) -> str:
        return reverse("knowledge:public_detail", kwargs={"pk": self.pk})

    def url_for(self, org_slug: str) -> str:
        return reverse("knowledge:detail", kwargs={"org_slug": org_slug, "pk": self.pk})


def new_token() -> str:
    return uuid.uuid4().hex


class IndexVersion(models.Model):
    """One row: a counter bumped by every write, so each process knows when its matrix is stale.

    `token` is new whenever the row is created, so a process notices a wiped or rolled-back
    database even if the counter happens to reach the same number again.
    """

    value = models.BigIntegerField(default=0)
    token = models.CharField(max_length=32, default=new_token)
