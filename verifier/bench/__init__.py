"""`make bench` (`python -m verifier.bench`): speed, memory and accuracy figures.

A development tool: it needs a checkout of the repository (it replicates seeds/ and reads
../shared/benchmarks), so it is left out of the built wheel (see pyproject.toml).
"""
