"""What a test needs from the machine (a browser, Java, GNU gettext), and what happens without it.

Locally a missing tool skips the tests that need it, with the command that installs
it. On CI (the ``CI`` environment variable, set by ``.ci/run``) it fails them: a
check that silently did not run is worse than no check.
"""

import os

import pytest


def on_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


def require(available, what, install):
    """Skip (locally) or fail (on CI) unless ``available``; ``what`` is missing, ``install`` fixes it."""
    if available:
        return
    message = f"{what} is missing: {install}"
    if on_ci():
        pytest.fail(f"CI must run every check, but {message}", pytrace=False)
    pytest.skip(message)
