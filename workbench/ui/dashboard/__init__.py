"""The Dashboard screen: figures of the pipeline, visits, offers and quiet customers."""
