from django import forms

from brug.core.forms_base import BrugForm


class NeighbourhoodForm(BrugForm):
    name = forms.CharField(label="Naam van de wijk", max_length=120)
    cbs_code = forms.RegexField(
        label="CBS-wijkcode (optioneel)",
        regex=r"^WK\d{6}$",
        required=False,
        max_length=10,
        help_text="Bijvoorbeeld WK051301. Laat leeg als u de code niet weet.",
        error_messages={"invalid": "Een CBS-wijkcode ziet eruit als WK gevolgd door zes cijfers."},
    )
    nicknames = forms.CharField(
        label="Bijnamen (optioneel)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Namen die mensen voor de wijk gebruiken, één per regel. Geanonimiseerd delen vervangt ook deze.",
    )
