"""``{{ amount|kr }}``: an amount in kroner as the municipality writes it (“100.000 kr.”)."""

from django import template

from grants.models import kroner

register = template.Library()


@register.filter
def kr(amount):
    if amount is None or amount == "":
        return ""
    return kroner(amount)
