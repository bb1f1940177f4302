"""Database connections are kept between requests on SQLite and PostgreSQL alike
(OCOP_CONN_MAX_AGE, 60 s unless set): a new connection per request cost the verification page."""

import importlib

import config.settings


def _reloaded(monkeypatch, **env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return importlib.reload(config.settings)


def test_both_databases_keep_their_connection_60_seconds_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("OCOP_CONN_MAX_AGE", raising=False)
    settings = _reloaded(monkeypatch, OCOP_DATA_DIR=str(tmp_path))
    try:
        assert settings.database_from_url("")["CONN_MAX_AGE"] == 60
        url = "postgres://ocop:secret@127.0.0.1:5432/ocop"
        assert settings.database_from_url(url)["CONN_MAX_AGE"] == 60
    finally:
        monkeypatch.undo()
        importlib.reload(config.settings)


def test_the_environment_sets_the_connection_age(monkeypatch, tmp_path):
    settings = _reloaded(monkeypatch, OCOP_DATA_DIR=str(tmp_path), OCOP_CONN_MAX_AGE="0")
    try:
        assert settings.database_from_url("")["CONN_MAX_AGE"] == 0
        assert settings.database_from_url("postgres://u:p@h:1/n")["CONN_MAX_AGE"] == 0
    finally:
        monkeypatch.undo()
        importlib.reload(config.settings)
