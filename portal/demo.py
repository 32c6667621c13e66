"""Demo data plumbing: an idempotent writer, and the fictitious demo users.

Loading the demo twice must change nothing. Several models keep a history
(django-simple-history writes a row on every save), so the writer saves only
what is missing or differs, and a second run writes no row at all.
"""

import datetime
from collections import Counter, defaultdict

from django.contrib.auth import get_user_model

from organisations.models import Organisation
from policies.demo.hearings import load_demo_hearing_response
from policies.models import Administration, BodyMembership, ConsultedBody, Municipality

DEMO_PASSWORD = "demo"

# Fictitious people only: the demo must never put the names of the officials
# who signed the source documents on a login.
DEMO_USERS = [
    {"username": "admin", "name": "Demo Administrator", "is_staff": True, "is_superuser": True},
    {"username": "ejer", "name": "Demo Politikejer", "is_staff": False, "is_superuser": False},
    {"username": "sof", "name": "Demo Sagsbehandler (SOF)", "is_staff": False, "is_superuser": False},
    {"username": "bif", "name": "Demo Sagsbehandler (BIF)", "is_staff": False, "is_superuser": False},
    {"username": "kontakt", "name": "Demo Kontaktudvalgsmedlem", "is_staff": False, "is_superuser": False},
    {"username": "forening", "name": "Demo Foreningsrepræsentant", "is_staff": False, "is_superuser": False},
    {
        "username": "vhm",
        "name": "Demo Politikejer (Vesthimmerland)",
        "is_staff": False,
        "is_superuser": False,
    },
    # A citizen who signed up for the debate (portal/demo_debate.py gives the display name).
    {"username": "borger", "name": "Demo Borger", "is_staff": False, "is_superuser": False},
]


def _differs(obj, name, value):
    field = obj._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        # Compare keys, so that an unchanged foreign key costs no query.
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


class DemoWriter:
    """Creates what is missing and updates what differs, always through
    ``full_clean()`` so the demo obeys the same rules as every other write."""

    def __init__(self):
        self.created = Counter()
        self.updated = Counter()
        self.links_added = 0
        self.objects = defaultdict(set)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.links_added)

    def put(self, model, lookup, values=None, *, on_create=None):
        """The row found by the natural key ``lookup``, with ``values`` set.

        ``on_create`` prepares a new row only (a password, a starting status),
        for values a second run must not touch again.
        """
        values = dict(values or {})
        # Not every natural key here is a database constraint (an action's is
        # not), so take the oldest match rather than fail on a duplicate.
        obj = model._default_manager.filter(**lookup).order_by("pk").first()
        if obj is None:
            obj = model(**lookup, **values)
            if on_create:
                on_create(obj)
            self._save(obj)
            self.created[model] += 1
        else:
            self.update(obj, values)
        self.objects[model].add(obj.pk)
        return obj

    def update(self, obj, values):
        changed = [name for name, value in values.items() if _differs(obj, name, value)]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            self._save(obj, update_fields=changed)
            self.updated[type(obj)] += 1
        return obj

    def link(self, related_manager, objects):
        """Add to a many-to-many relation only the objects it lacks."""
        present = set(related_manager.values_list("pk", flat=True))
        missing = [obj for obj in objects if obj.pk not in present]
        if missing:
            related_manager.add(*missing)
            self.links_added += len(missing)

    @staticmethod
    def _save(obj, update_fields=None):
        obj.full_clean()
        # Read by django-simple-history: tells the history where the row came from.
        obj._change_reason = "load_demo"
        obj.save(update_fields=update_fields)


def load_demo_users(writer=None):
    """The demo users and their roles, on top of ``load_demo_policies``."""
    writer = writer or DemoWriter()
    User = get_user_model()

    def set_demo_password(user):
        user.set_password(DEMO_PASSWORD)

    users = {}
    for data in DEMO_USERS:
        lookup = {"username": data["username"]}
        values = {key: value for key, value in data.items() if key != "username"}
        users[data["username"]] = writer.put(User, lookup, values, on_create=set_demo_password)

    copenhagen = Municipality.objects.get(slug="koebenhavn")
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")

    def caseworkers(slug):
        return Administration.objects.get(municipality=copenhagen, slug=slug).caseworkers

    writer.link(copenhagen.policy_owners, [users["ejer"]])
    writer.link(caseworkers("oekonomiforvaltningen"), [users["ejer"]])
    writer.link(caseworkers("sundheds-og-omsorgsforvaltningen"), [users["sof"]])
    writer.link(caseworkers("beskaeftigelses-og-integrationsforvaltningen"), [users["bif"]])
    writer.put(
        BodyMembership,
        {
            "body": ConsultedBody.objects.get(municipality=copenhagen, slug="kontaktudvalget"),
            "user": users["kontakt"],
            "starts_on": datetime.date(2006, 1, 1),
        },
        {"on_behalf_of": "Frivilligt Forum"},
    )
    load_demo_hearing_response(writer, users["kontakt"])
    writer.link(
        Organisation.objects.get(municipality=copenhagen, slug="frivilligt-forum").representatives,
        [users["forening"]],
    )
    writer.link(vesthimmerland.policy_owners, [users["vhm"]])
    return writer
