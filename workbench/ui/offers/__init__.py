"""Offers feature: the offer builder and its models."""
