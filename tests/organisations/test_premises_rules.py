"""The rules of premises, rooms and photos."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from organisations.models import Photo, Room
from tests.organisations.premises_factories import (
    AdministrationFactory,
    MunicipalityFactory,
    PremisesFactory,
    RoomFactory,
)

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_managing_administration_belongs_to_the_municipality():
    premises = PremisesFactory.build(
        municipality=MunicipalityFactory(), administration=AdministrationFactory(municipality=MunicipalityFactory())
    )
    with pytest.raises(ValidationError) as error:
        premises.full_clean()
    assert error.value.error_dict["administration"][0].code == "administration_elsewhere"


def test_a_room_holds_at_least_one_person():
    room = Room(premises=PremisesFactory(), name="Skabet", capacity=0)
    with pytest.raises(ValidationError) as error:
        room.full_clean()
    assert "capacity" in error.value.error_dict


def test_rooms_get_a_slug_unique_in_their_house():
    premises = PremisesFactory()
    assert RoomFactory(premises=premises, name="Salen").slug == "salen"
    assert RoomFactory(premises=PremisesFactory(), name="Salen").slug == "salen"


def test_a_photo_is_recognised_by_its_content():
    premises = PremisesFactory()
    photo = Photo(premises=premises, file=ContentFile(PNG, name="sal.png"), alt_text="Salen med stole i rækker")
    photo.full_clean()
    photo.save()
    assert photo.kind == "png"
    assert photo.content_type == "image/png"


def test_a_file_that_is_not_a_photo_is_refused_whatever_its_name():
    photo = Photo(premises=PremisesFactory(), file=ContentFile(b"<script>", name="sal.jpg"), alt_text="Salen")
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert error.value.error_dict["file"][0].code == "unsupported_type"


def test_a_photo_needs_a_text_alternative():
    photo = Photo(premises=PremisesFactory(), file=ContentFile(PNG, name="sal.png"), alt_text="")
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "alt_text" in error.value.error_dict


def test_a_photo_of_a_room_belongs_to_the_rooms_house():
    photo = Photo(
        premises=PremisesFactory(), room=RoomFactory(), file=ContentFile(PNG, name="sal.png"), alt_text="Salen"
    )
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert error.value.error_dict["room"][0].code == "room_elsewhere"
