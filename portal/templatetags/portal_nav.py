"""``{% nav_link "app:name" _("Label") %}``: a menu item that marks itself as the current page."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    match = getattr(context.get("request"), "resolver_match", None)
    if match and match.view_name == url_name:
        return format_html(
            '<li class="nav-item"><a class="nav-link" href="{}" aria-current="page">{}</a></li>', reverse(url_name), label
        )
    return format_html('<li class="nav-item"><a class="nav-link" href="{}">{}</a></li>', reverse(url_name), label)
