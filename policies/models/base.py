"""Abstract bases and small helpers shared by the policy models."""

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

def _today():
    return timezone.localdate()


def _human_date(value):
    return date_format(value, "j. F Y")


def _comparable(value):
    # Browsers send a textarea's line breaks as CRLF: a text saved again unchanged is no change.
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class RemembersLoadedValues(models.Model):
    """Remembers the values a row had in the database when it was loaded (or last saved), so that
    ``clean()`` can tell what an edit changes (Django's "Customizing model loading" recipe)."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values))
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_values()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._remember_values()

    def _remember_values(self):
        # Read __dict__, not getattr: a deferred field must not cost a query here.
        self._loaded_values = {
            f.attname: self.__dict__[f.attname] for f in self._meta.concrete_fields if f.attname in self.__dict__
        }

    def stored_value(self, attname):
        """The value of ``attname`` in the database, as far as this instance knows (None for a
        row not saved yet)."""
        if self._state.adding:
            return None
        return getattr(self, "_loaded_values", {}).get(attname, getattr(self, attname))

    def has_unsaved_changes(self):
        """Whether saving this instance would write anything new (always, for a new row)."""
        if self._state.adding or not hasattr(self, "_loaded_values"):
            return True
        return any(
            _comparable(self.__dict__.get(name, value)) != _comparable(value)
            for name, value in self._loaded_values.items()
            if name != "version"
        )


class VersionedModel(RemembersLoadedValues):
    """A row that counts its saves.

    Every save, from any write path, raises ``version``; an editor's form carries the version it
    was opened at, and ``policies.services`` refuses a save when the row has moved on since
    (optimistic locking), naming who changed what from the history.
    """

    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by one on every save.")
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)
