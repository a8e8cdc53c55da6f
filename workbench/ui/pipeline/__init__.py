"""Pipeline feature: widgets, models and the service calls they make."""
