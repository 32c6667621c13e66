"""Production settings come from the environment and pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


# Not what a deployment has: the browser tests allow Django's async-unsafe calls
# for the whole test run, which the deployment check rightly refuses.
NOT_DEPLOYED = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in NOT_DEPLOYED}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True
    )


def test_deploy_check_reports_nothing_with_debug_off():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="0", SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-1234567890",
        ALLOWED_HOSTS="frivillig.example.dk",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="frivillig.example.dk")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_unreadable_boolean_fails_loudly():
    result = manage("check", DEBUG="maybe")

    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr
