"""Writes the transcribed policies and plans (``copenhagen``, ``vesthimmerland``)."""

from organisations.models import Organisation
from policies.demo import copenhagen, vesthimmerland
from policies.demo.hearings import load_demo_hearings
from policies.models import (
    Action,
    Administration,
    ConsultedBody,
    ImplementationPlan,
    Municipality,
    PlanStatus,
    PolicyPoint,
    VolunteerPolicy,
)
from portal.demo import DemoWriter

SOURCES = (copenhagen, vesthimmerland)


def _split(data, *keys):
    """(natural key, other values) of a transcribed record."""
    return {key: data[key] for key in keys}, {key: value for key, value in data.items() if key not in keys}


def load_demo_policies(writer=None):
    writer = writer or DemoWriter()
    for source in SOURCES:
        _load_municipality(writer, source)
    load_demo_hearings(writer)
    return writer


def _load_municipality(writer, source):
    municipality = writer.put(Municipality, *_split(source.MUNICIPALITY, "slug"))

    administrations = {}
    for data in source.ADMINISTRATIONS:
        lookup, values = _split(data, "slug")
        administrations[data["slug"]] = writer.put(Administration, {"municipality": municipality, **lookup}, values)

    bodies = {}
    for data in source.CONSULTED_BODIES:
        lookup, values = _split(data, "slug")
        bodies[data["slug"]] = writer.put(ConsultedBody, {"municipality": municipality, **lookup}, values)

    for data in source.ORGANISATIONS:
        lookup, values = _split(data, "slug")
        writer.put(Organisation, {"municipality": municipality, **lookup}, values)

    lookup, values = _split(source.POLICY, "slug")
    policy = writer.put(VolunteerPolicy, lookup, {"municipality": municipality, **values})
    # Before the plans: a plan validates only for an administration named under its policy.
    writer.link(policy.administrations, [administrations[slug] for slug in source.POLICY_ADMINISTRATIONS])
    writer.link(policy.consulted_bodies, [bodies[slug] for slug in source.POLICY_CONSULTED_BODIES])

    points = {}
    for data in source.POINTS:
        lookup, values = _split(data, "number")
        points[data["number"]] = writer.put(PolicyPoint, {"policy": policy, **lookup}, values)

    for data in source.PLANS:
        _load_plan(writer, policy, administrations[data["administration"]], points, data)


def _load_plan(writer, policy, administration, points, data):
    def start_as_draft(plan):
        plan.status = PlanStatus.DRAFT

    # A plan is created as a draft and submitted once its actions are in, as in
    # the portal: a plan that answers no points cannot be submitted.
    plan = writer.put(
        ImplementationPlan,
        {"policy": policy, "administration": administration},
        data["fields"],
        on_create=start_as_draft,
    )
    if plan.actions.exists():
        # From the first load on, the plan's answers and its status are the caseworkers' and the
        # policy owner's to keep: they edit, move and remove actions, submit, return and adopt
        # in the portal, and a submitted plan refuses changes. A reload must not undo that.
        return
    for number, texts in data["actions"].items():
        for position, text in enumerate(texts, start=1):
            writer.put(Action, {"plan": plan, "point": points[number], "position": position}, {"text": text})
    writer.update(plan, {"status": data["status"]})
