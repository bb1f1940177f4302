"""A code field with suggestions: type a name or code, pick from the list (htmx fills a datalist)."""

from django import forms
from django.urls import reverse_lazy


class UnitCodeInput(forms.TextInput):
    template_name = "places/unit_code_input.html"

    def __init__(self, url_name: str, attrs: dict | None = None):
        self.url_name = url_name
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}-options"
        context["widget"]["attrs"].update(
            {
                "list": list_id,
                "hx-get": str(reverse_lazy(self.url_name)),
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{list_id}",
                "hx-swap": "innerHTML",
            }
        )
        context["widget"]["list_id"] = list_id
        return context
