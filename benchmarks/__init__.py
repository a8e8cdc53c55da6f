"""`python -m benchmarks [NAME ...] [--scale N] [--quick]`: ratios against in-run baselines."""
