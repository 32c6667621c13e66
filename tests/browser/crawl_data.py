"""What the crawl of every page needs besides ``load_demo``.

The demo data transcribes the source documents, so it shows no state that only
people's work in the portal creates, and some pages no link leads to (a link in
an e-mail). When ``test_every_page_is_reached`` names a page no role reached, add
the state it needs to ``complete_the_demo()`` or its address to ``extra_urls()``.
Better still, have ``load_demo`` show the state, and drop it from here.

``complete_the_demo()`` runs with ``MEDIA_ROOT`` in a temporary folder.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from organisations import services as organisation_services
from organisations.models import Organisation, Photo, Premises
from policies import council_services, meeting_services, services
from policies.models import (
    ConsultedBody,
    CouncilStatutes,
    Hearing,
    HearingDocument,
    HearingStatus,
    HearingSubscription,
    ImplementationPlan,
    Meeting,
    MeetingDocument,
    MeetingSignup,
    Municipality,
    VolunteerCouncil,
    VolunteerPolicy,
)
from portal import debate_services
from portal.models import CalendarFeed, Topic

INVITED = "inviteret@example.org"
SUBSCRIBER = "abonnent@example.org"
# A citizen who has signed up for the conference and not yet followed the mailed link.
SIGNED_UP = "tilmeldt@example.org"
CONFERENCE = "Årlig konference for organiserede og uorganiserede frivillige (demo)"
NEW_PARTICIPANT = "ny-deltager@example.org"
# A one-pixel PNG: the photo of a house (the demo data has no files).
PHOTO = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xd0\xcb\xee\x02\x00\x01\xee\x01$\x92c\xe4\xa3\x00\x00\x00\x00IEND\xaeB`\x82"
)


def complete_the_demo():
    """Add what people's work would have added: a draft plan, a follow-up in progress, a hearing past
    its deadline with a document, a meeting's document and a citizen's sign-up awaiting confirmation,
    a subscription to new hearings, an invited representative, a fresh debate post, a participant
    who has not confirmed their address, a council election taking nominations and a municipality
    without a council."""
    policy = VolunteerPolicy.objects.get(slug="koebenhavn-2006")
    copenhagen = policy.municipality
    economy = policy.administrations.get(slug="oekonomiforvaltningen")  # its caseworker is ejer

    # The plan editor needs a draft with an action and an exemption (the demo's plans are submitted).
    if not ImplementationPlan.objects.filter(policy=policy, administration=economy).exists():
        first, second = policy.points.order_by("number")[:2]
        draft = services.plan_start(policy=policy, administration=economy)
        services.action_create(plan=draft, point=first, text="Økonomiforvaltningen holder møde med Kontaktudvalget.")
        services.exemption_create(plan=draft, point=second, reason="Forvaltningen har ingen borgerrettede opgaver.")

    # The follow-up editor needs a follow-up.
    health = ImplementationPlan.objects.get(policy=policy, administration__slug="sundheds-og-omsorgsforvaltningen")
    if not health.follow_ups.exists():
        due_on = health.follow_up_dates(until=timezone.localdate())[0]
        services.follow_up_create(plan=health, due_on=due_on, statuses={})

    # The hearing note needs a hearing closed after its deadline; the download, a document.
    if not Hearing.objects.filter(administration=economy, status=HearingStatus.CLOSED).exists():
        deadline = timezone.localdate() - datetime.timedelta(days=10)
        hearing = Hearing(
            administration=economy,
            title="Høring om frivilligcentre (crawl)",
            summary="Lukket høring, så høringsnotatet kan skrives.",
            opens_on=deadline - datetime.timedelta(days=copenhagen.minimum_hearing_period_days + 7),
            response_deadline=deadline,
            deciding_meeting_on=deadline + datetime.timedelta(days=30),
            status=HearingStatus.CLOSED,
        )
        hearing.full_clean()
        hearing.save()
        hearing.consulted_bodies.add(ConsultedBody.objects.get(municipality=copenhagen, slug="kontaktudvalget"))
        document = HearingDocument(
            hearing=hearing, title="Udkast", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="udkast.pdf")
        )
        document.full_clean()
        document.save()

    # The photo view needs a photo.
    house = Premises.objects.get(municipality=copenhagen, slug="frivillighus-noerrebro")
    if not house.photos.exists():
        photo = Photo(premises=house, file=ContentFile(PHOTO, name="hus.png"), alt_text="Frivillighuset set fra gaden")
        photo.full_clean()
        photo.save()

    # The meeting's document download needs a document; the mailed sign-up links, a sign-up.
    conference = Meeting.objects.get(municipality=copenhagen, title=CONFERENCE)
    if not conference.documents.exists():
        document = MeetingDocument(
            meeting=conference, title="Program", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="program.pdf")
        )
        document.full_clean()
        document.save()
    if not MeetingSignup.objects.filter(meeting=conference, email=SIGNED_UP).exists():
        meeting_services.signup_citizen(meeting=conference, name="Tilmeldt Borger", email=SIGNED_UP)

    # The edit page needs a post young enough to change; the link mailed to a new participant, an
    # address not confirmed yet.
    citizen = get_user_model().objects.get(username="borger")
    if not citizen.debate_posts.filter(body__startswith="Tilføjelse").exists():
        topic = Topic.objects.public().filter(municipality=copenhagen).order_by("pk").first()
        debate_services.reply_create(topic=topic, author=citizen, body="Tilføjelse: biblioteket har også en opslagstavle.")
    if not get_user_model().objects.filter(email=NEW_PARTICIPANT).exists():
        debate_services.participant_sign_up(email=NEW_PARTICIPANT, display_name="Ny deltager", password="Kanelsnegl-2026")

    # The council pages of an election while nominations are open (Vesthimmerland's demo election is
    # voting): Copenhagen gets a council of its own for the crawl, in which Frivilligt Forum's "forening"
    # has put up itself and "kontakt", who has not agreed yet; "ejer" decides the candidates.
    if not VolunteerCouncil.objects.filter(municipality=copenhagen).exists():
        _council_in_nomination(copenhagen)
    # Setting up a council needs a municipality without one: "ejer" keeps a second, crawl-only one.
    without_council, _created = Municipality.objects.get_or_create(slug="uden-raad", defaults={"name": "Kommune uden råd (crawl)"})
    without_council.policy_owners.add(get_user_model().objects.get(username="ejer"))

    # The links mailed to a subscriber and to an invited representative.
    subscription, _created = HearingSubscription.objects.get_or_create(email=SUBSCRIBER)
    subscription.administrations.add(economy)
    if not get_user_model().objects.filter(email=INVITED).exists():
        organisation_services.organisation_invite(municipality=copenhagen, name="Inviteret Forening", email=INVITED)


def _council_in_nomination(copenhagen):
    today = timezone.localdate()
    body = ConsultedBody.objects.create(municipality=copenhagen, name="Frivilligrådet (crawl)", slug="frivilligraad-crawl")
    council = VolunteerCouncil.objects.create(municipality=copenhagen, body=body)
    CouncilStatutes.objects.create(council=council, adopted_on=today - datetime.timedelta(days=30), seats=5)
    election = council_services.election_open(
        council=council, starts_on=today + datetime.timedelta(days=60), nominations_open_on=today,
        nominations_close_on=today + datetime.timedelta(days=14),
    )
    users = get_user_model().objects.in_bulk(["forening", "kontakt"], field_name="username")
    forum = Organisation.objects.get(municipality=copenhagen, slug="frivilligt-forum")
    crawl = Organisation.objects.create(municipality=copenhagen, name="Crawlforeningen", slug="crawlforeningen")
    crawl.representatives.add(users["forening"], users["kontakt"])
    for organisation, person in ((forum, users["forening"]), (crawl, users["kontakt"])):
        council_services.candidate_nominate(
            election=election, organisation=organisation, person=person, nominated_by=users["forening"]
        )


def extra_urls(user):
    """Addresses no page links to and no ``get_absolute_url()`` gives, for ``user`` (None: a citizen)."""
    if user is None:
        subscription = HearingSubscription.objects.get(email=SUBSCRIBER)
        signup = MeetingSignup.objects.get(email=SIGNED_UP)
        return [
            reverse_token("policies:meeting_signup_confirm", meeting_services.confirm_token(signup)),
            reverse_token("policies:meeting_signup_cancel", meeting_services.cancel_token(signup)),
            # Links in e-mails.
            organisation_services.invitation_path(get_user_model().objects.get(email=INVITED)),
            reverse_token("policies:hearing_unsubscribe", services.unsubscribe_token(subscription)),
            reverse_token("policies:hearing_subscription_confirm", services.confirm_token(subscription)),
            debate_services.confirmation_path(get_user_model().objects.get(email=NEW_PARTICIPANT)),
        ]
    # The dashboard's button (a POST) makes the private calendar address, public by its token.
    feed, _renewed = CalendarFeed.objects.issue(user)
    return [feed.get_absolute_url()]


def reverse_token(name, token):
    return reverse(name, kwargs={"token": token})
