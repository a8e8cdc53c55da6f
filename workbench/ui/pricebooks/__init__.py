"""HQ editor of the versioned price books (catalogue and pricing policy)."""
