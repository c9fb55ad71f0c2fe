"""Reference data: the Dutch municipalities (CBS) and the neighbourhoods a municipality adds."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SizeClass(models.TextChoices):
    SMALL = "klein", "Klein"
    MEDIUM = "middel", "Middelgroot"
    LARGE = "groot", "Groot"


def size_class_for(population: int) -> SizeClass:
    # Bounds are settings so that a learning network can use another division.
    if population < settings.BRUG_SIZE_SMALL_BELOW:
        return SizeClass.SMALL
    if population > settings.BRUG_SIZE_LARGE_ABOVE:
        return SizeClass.LARGE
    return SizeClass.MEDIUM


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def real(self) -> MunicipalityQuerySet:
        """The CBS municipalities: made-up demo ones never appear in reference lists."""
        return self.filter(fictional=False)


class Municipality(models.Model):
    cbs_code = models.CharField("CBS-code", max_length=6, unique=True)
    name = models.CharField("naam", max_length=100)
    province = models.CharField("provincie", max_length=40)
    population = models.PositiveIntegerField("inwoners")
    reference_year = models.PositiveSmallIntegerField("peiljaar")
    # Demo municipalities are made up; they never appear in the public reference lists.
    fictional = models.BooleanField(default=False)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self) -> str:
        return self.name

    @property
    def size_class(self) -> SizeClass:
        return size_class_for(self.population)

    @property
    def size_class_label(self) -> str:
        return str(self.size_class.label)


class Neighbourhood(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="neighbourhoods")
    name = models.CharField("naam", max_length=120)
    cbs_code = models.CharField("CBS-wijkcode", max_length=10, blank=True)
    # Names people use for the neighbourhood ("achter het spoor"): an anonymised share replaces them too.
    nicknames = models.TextField("bijnamen", blank=True, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = "wijk"
        verbose_name_plural = "wijken"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_neighbourhood_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def nickname_list(self) -> list[str]:
        return [n.strip() for n in self.nicknames.replace(",", "\n").splitlines() if n.strip()]
