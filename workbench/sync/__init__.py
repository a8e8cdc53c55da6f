"""Sync: the client engine (outbox, apply, HTTP) of docs/sync-protocol.md; no Qt."""
