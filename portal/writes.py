"""How the services write a row: through the model's rules first (``full_clean``), so that a write
by a service obeys them as one through the admin or a form does."""


def save_valid(instance, **save_kwargs):
    """Validate ``instance`` by its model's rules, then save it (``save_kwargs``: e.g. ``update_fields``)."""
    instance.full_clean()
    instance.save(**save_kwargs)
    return instance


def save_with(instance, **values):
    """Set ``values`` on ``instance``, then validate and save it."""
    for name, value in values.items():
        setattr(instance, name, value)
    return save_valid(instance)
