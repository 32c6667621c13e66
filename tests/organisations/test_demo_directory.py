import io
from django.core.management import call_command
from organisations.demo import load_demo_directory
from organisations.models import Activity, Organisation
from portal.demo import DemoWriter

def test_demo_directory_is_idempotent(db):
    call_command("load_demo", with_users=True, stdout=io.StringIO())
    load_demo_directory(DemoWriter())
    second = load_demo_directory(DemoWriter())
    assert not second.changed, (second.created, second.updated, second.links_added)
    assert Organisation.objects.listed().count() >= 2
    assert Activity.objects.count() == 2
