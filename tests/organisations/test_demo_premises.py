import io

from django.core.management import call_command

from organisations.demo_premises import load_demo_premises
from organisations.models import Booking, BookingStatus, Premises
from portal.demo import DemoWriter


def test_demo_premises_are_idempotent_and_show_every_state(db):
    call_command("load_demo", with_users=True, stdout=io.StringIO())
    second = load_demo_premises(DemoWriter())
    assert not second.changed, (second.created, second.updated, second.links_added)
    assert set(Premises.objects.values_list("municipality__slug", flat=True)) == {"koebenhavn", "vesthimmerland"}
    assert {BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.DECLINED} <= set(
        Booking.objects.values_list("status", flat=True)
    )


def test_the_demo_roles_reach_their_bookings(client, db):
    call_command("load_demo", with_users=True, stdout=io.StringIO())
    client.login(username="forening", password="demo")
    assert len(client.get("/vejviser/lokaler/bookinger/").context["bookings"]) == 3
    for username in ("sof", "vhm"):
        client.login(username=username, password="demo")
        assert len(client.get("/vejviser/lokaler/behandling/").context["requests"]) == 1
