"""Two posts sent by one person at the same moment meet the rate limit one after the other: the author's
row is locked while a post is written (PostgreSQL only)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from portal import debate_services as services
from portal.models import Post, posting_refusal
from portal.models import debate as debate_models
from tests.organisations.postgresql import requires_postgresql

pytestmark = requires_postgresql


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_once_by_one_person_let_one_through(postgresql, topic, citizen, monkeypatch):
    # Make the check slow, so that without the lock both posts would look before either is saved.
    def slow_refusal(author, at):
        refusal = posting_refusal(author, at)
        time.sleep(0.5)
        return refusal

    monkeypatch.setattr(debate_models, "posting_refusal", slow_refusal)
    start = threading.Barrier(2, timeout=10)
    outcomes = []

    def reply(text):
        try:
            start.wait()
            services.reply_create(topic=topic, author=citizen, body=text)
            outcomes.append("posted")
        except ValidationError as error:
            outcomes.append(error.error_dict["body"][0].code)
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reply, args=(text,)) for text in ("Første", "Anden")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["posted", "too_soon"]
    assert Post.objects.filter(author=citizen, is_opening=False).count() == 1
