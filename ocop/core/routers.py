"""Public reads on a streaming replica (docs/adr/0011-read-replicas.md).

When DATABASE_REPLICA_URL is set, a GET or HEAD on a public path (catalogue, GS1 resolver, API,
open data, certificate verification) reads from the "replica" database; everything else, every
write and every read inside a transaction goes to the primary. Certificates are always read from
the primary, so a revocation shows at once on its verification page however far the replica lags.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections

PUBLIC_PREFIXES = ("/catalogue/", "/01/", "/api/", "/open-data/", "/verify/", "/.well-known/")
# Models whose every read must see the primary's latest committed state: the certificate (its
# status is the live truth a shopper scans for), and the session and user of whoever is logged in.
PRIMARY_ONLY = {("certificates", "certificate"), ("sessions", "session"), ("accounts", "user")}

_replica_reads: ContextVar[bool] = ContextVar("ocop_replica_reads", default=False)


def is_public_read(method: str, path: str) -> bool:
    return method in ("GET", "HEAD") and path.startswith(PUBLIC_PREFIXES)


@contextmanager
def replica_reads(enabled: bool = True):
    """Within this block, reads of replica-safe models go to the replica (when one is set)."""
    token = _replica_reads.set(enabled)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _replica_reads.get() or "replica" not in connections.settings:
            return None
        if (model._meta.app_label, model._meta.model_name) in PRIMARY_ONLY:
            return "default"
        if connections["default"].in_atomic_block:
            return "default"
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    """Marks public GET/HEAD requests so that the router may send their reads to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with replica_reads(is_public_read(request.method, request.path_info)):
            return self.get_response(request)
