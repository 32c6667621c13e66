"""Keep the search columns current when an organisation's or an activity's vocabulary changes.

``Organisation.save()`` folds its own fields and ``Activity.save()`` writes its dates; the
target groups, fields of activity and districts are many-to-many, saved after the row, and a
term can be renamed, so those changes arrive here.
"""

from django.db.models.signals import m2m_changed, post_save

from organisations import search
from organisations.models import (
    Activity,
    District,
    FieldOfActivity,
    Occurrence,
    Organisation,
    TargetGroup,
    refresh_search_index,
)

VOCABULARIES = (TargetGroup, FieldOfActivity, District)


def _vocabulary_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh_search_index(Organisation.objects.filter(pk=instance.pk))
    elif pk_set:
        refresh_search_index(Organisation.objects.filter(pk__in=pk_set))


for relation in (Organisation.target_groups, Organisation.fields_of_activity, Organisation.districts):
    m2m_changed.connect(_vocabulary_changed, sender=relation.through, dispatch_uid=f"search-{relation.through}")


def _term_saved(sender, instance, created, **kwargs):
    if not created:
        refresh_search_index(instance.organisations.all())


for vocabulary in VOCABULARIES:
    post_save.connect(_term_saved, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}")


def _activity_target_groups_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """An activity's dates carry its target groups (``Occurrence.search_terms``)."""
    if action not in ("post_add", "post_remove", "post_clear") or not search.is_postgresql(using):
        return
    if not reverse:
        Occurrence.objects.using(using).filter(activity=instance).refresh_search_columns()
    elif pk_set:
        Occurrence.objects.using(using).filter(activity__in=pk_set).refresh_search_columns()


m2m_changed.connect(
    _activity_target_groups_changed, sender=Activity.target_groups.through, dispatch_uid="search-activity-terms"
)


def _target_group_saved(sender, instance, created, using, **kwargs):
    if not created and search.is_postgresql(using):
        Occurrence.objects.using(using).filter(activity__target_groups=instance).refresh_search_columns()


post_save.connect(_target_group_saved, sender=TargetGroup, dispatch_uid="search-activity-term-renamed")
