"""Demo topics and replies in the debate forum, on top of the demo users.

Seed 003 (point 3, Beskæftigelses- og Integrationsforvaltningen) says "der er et debatforum for
borgere og frivillige"; the seeds give no posts, so these are realistic, fictitious ones about the
policies' points. Copenhagen moderates afterwards; Vesthimmerland, for the demo, approves posts
first. One post is reported and waits for Copenhagen's moderators; one is hidden in Vesthimmerland
with the reason its author reads; one awaits Vesthimmerland's approval.

``load_demo_debate(writer)`` runs after ``load_demo_users`` (only when demo users are made:
every post needs an author). Besides the demo users, a few fictitious participants write; they
have no password, so no one logs in as them. The posts' times are set when first written, relative
to that day, and never moved: a second run, on any day, writes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from policies.models import Municipality, PolicyPoint
from portal.models import Post, PostStatus, Report, Topic

# Fictitious participants without a login: only their display names are shown.
PARTICIPANTS = [
    {"username": "debat-ali", "display_name": "Ali på Amager"},
    {"username": "debat-karsten", "display_name": "Karsten K."},
    {"username": "debat-hanne", "display_name": "Hanne fra Aars"},
    {"username": "debat-jens", "display_name": "Jens i Løgstør"},
]

# What the demo users are called in the debate, and the address they confirmed.
DEMO_DISPLAY_NAMES = {
    "borger": "Bo på Nørrebro",
    "forening": "Frivilligt Forum",
    "ejer": "Økonomiforvaltningen, Københavns Kommune",
    "vhm": "Vesthimmerlands Kommune",
}


def _ago(days, hours=0):
    return timezone.now() - datetime.timedelta(days=days, hours=hours)


def _participants(writer):
    User = get_user_model()
    people = {user.username: user for user in User.objects.filter(username__in=DEMO_DISPLAY_NAMES)}
    for data in PARTICIPANTS:
        email = f"{data['username']}@example.org"

        def no_login(user):
            user.set_unusable_password()

        people[data["username"]] = writer.put(
            User,
            {"username": data["username"]},
            {"name": "Demo Debattør", "display_name": data["display_name"], "email": email, "confirmed_email": email},
            on_create=no_login,
        )
    for username, display_name in DEMO_DISPLAY_NAMES.items():
        user = people[username]
        email = user.email or f"{username}@example.org"
        writer.update(user, {"display_name": display_name, "email": email, "confirmed_email": email})
    return people


def _topic(writer, *, municipality, title, author, days, point=None, body, shown_after_hours=0, approved_by=None):
    """A topic with its opening post, written ``days`` ago and shown (approved, where the municipality
    approves first, ``shown_after_hours`` later)."""

    def written(obj):
        obj.created_at = _ago(days)

    topic = writer.put(
        Topic,
        {"municipality": municipality, "title": title},
        {"author": author, "policy": point.policy if point else None, "point": point},
        on_create=written,
    )
    _post(writer, topic=topic, author=author, days=days, body=body, opening=True,
          shown_after_hours=shown_after_hours, approved_by=approved_by)
    return topic


def _post(writer, *, topic, author, days, body, opening=False, status=PostStatus.PUBLISHED, shown_after_hours=0,
          approved_by=None, hidden_reason="", moderator=None):
    """A post written ``days`` ago. A hidden one is written shown first and hidden after, as in the
    portal: the author's rules and the rate limit apply to the writing, the reason to the hiding."""

    def written(post):
        post.status = PostStatus.PUBLISHED if status == PostStatus.HIDDEN else status
        post.created_at = _ago(days)
        if post.status == PostStatus.PUBLISHED:
            post.published_at = post.created_at + datetime.timedelta(hours=shown_after_hours)
        if approved_by or moderator:
            post.moderated_by = moderator or approved_by
            post.moderated_at = post.created_at + datetime.timedelta(hours=shown_after_hours or 2)

    # An opening post is its topic's one; a reply is known by its text (one author may write two).
    if opening:
        post = writer.put(Post, {"topic": topic, "is_opening": True}, {"author": author, "body": body}, on_create=written)
    else:
        post = writer.put(Post, {"topic": topic, "author": author, "is_opening": False, "body": body}, on_create=written)
    if status == PostStatus.HIDDEN:
        writer.update(post, {"status": status, "hidden_reason": hidden_reason})
    return post


def load_demo_debate(writer):
    people = _participants(writer)
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")
    writer.update(vesthimmerland, {"debate_moderation": Municipality.DebateModeration.BEFORE})

    def point(municipality, number):
        return PolicyPoint.objects.get(policy__municipality=municipality, policy__status="adopted", number=number)

    # Copenhagen: shown at once, moderated afterwards.
    young = _topic(
        writer,
        municipality=copenhagen,
        title="Hvordan får vi flere unge med i det frivillige arbejde?",
        author=people["borger"],
        days=12,
        point=point(copenhagen, 3),
        body=(
            "Politikken siger, at kommunen løbende skal gøre opmærksom på mulighederne for at deltage i frivilligt "
            "arbejde. Jeg er 24 og har aldrig hørt om det gennem kommunen, kun gennem venner.\n\n"
            "Hvor ville I selv have opdaget det: på uddannelsen, på biblioteket eller her på siden?"
        ),
    )
    _post(writer, topic=young, author=people["forening"], days=11, body=(
        "Tak for spørgsmålet. Vores erfaring er, at unge bliver, når de kan prøve en enkelt vagt først uden at "
        "melde sig ind. Vi holder åbent hus i Frivilligt Forum den første tirsdag i måneden."
    ))
    _post(writer, topic=young, author=people["debat-ali"], days=10, body=(
        "Jeg startede som lektiehjælper, fordi en lærer på gymnasiet fortalte om lektiecaféen. Det var en person, "
        "ikke en folder, der gjorde forskellen."
    ))
    _post(writer, topic=young, author=people["ejer"], days=9, body=(
        "Tak for de gode input. Vi tager dem med, når forvaltningerne følger op på implementeringsplanerne, og "
        "vejviseren her på portalen viser allerede foreningernes aktiviteter for nye frivillige."
    ))

    grants = _topic(
        writer,
        municipality=copenhagen,
        title="Dokumentation for § 79-tilskud: hvor meget er nødvendigt?",
        author=people["forening"],
        days=6,
        point=point(copenhagen, 7),
        body=(
            "Punkt 7 siger, at tilskud skal gives, så foreningernes selvbestemmelse ikke anfægtes. Vi bruger mange "
            "timer på fremmødelister og medlemsdokumentation. Hvordan gør andre foreninger det enkelt?"
        ),
    )
    _post(writer, topic=grants, author=people["borger"], days=5, body=(
        "Som kasserer i en lille klub bruger vi et fælles regneark til fremmødet, som alle trænere kan skrive i. "
        "Så er dokumentationen klar, når ansøgningen skal skrives."
    ))
    advert = _post(writer, topic=grants, author=people["debat-karsten"], days=4, body=(
        "Køb vores foreningsprogram FrivilligPro: alt om tilskud klaret på fem minutter. Ring i dag og få "
        "første år til halv pris!"
    ))
    writer.put(
        Report,
        {"post": advert, "reported_by": people["borger"]},
        {"reason": "Indlægget er reklame for et firmas produkt og handler ikke om debatten."},
    )

    # Vesthimmerland: posts are shown once a moderator has approved them.
    council = _topic(
        writer,
        municipality=vesthimmerland,
        title="Hvem skal stille op til Frivilligrådet?",
        author=people["debat-hanne"],
        days=8,
        point=point(vesthimmerland, 1),
        body=(
            "Frivilligrådet skal vælges af og blandt de frivillige organisationer. Jeg håber, at også de små "
            "foreninger og grupper uden bestyrelse stiller op, så rådet ikke kun består af de store."
        ),
        shown_after_hours=3,
        approved_by=people["vhm"],
    )
    _post(writer, topic=council, author=people["debat-jens"], days=7, body=(
        "Enig. Gåturene i Aars har ingen bestyrelse, men vi vil gerne have en stemme. Kan man stille op som "
        "netværk?"
    ), shown_after_hours=2, approved_by=people["vhm"])
    _post(
        writer,
        topic=council,
        author=people["borger"],
        days=6,
        body=(
            "Jeg kender en, der sidder i rådet i dag, og som har været syg hele foråret, så han kan ikke passe det."
        ),
        status=PostStatus.HIDDEN,
        hidden_reason=(
            "Indlægget fortæller om en navngivet persons helbred. Skriv gerne igen uden personlige oplysninger "
            "om andre."
        ),
        moderator=people["vhm"],
    )
    _post(writer, topic=council, author=people["debat-jens"], days=1, status=PostStatus.PENDING, body=(
        "Hvornår åbner kommunen for opstilling, og skal kandidaterne være medlem af en forening i kommunen?"
    ))
    return writer
