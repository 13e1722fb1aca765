"""Hypothesis settings for `make mutants`, loaded as a pytest plugin by its configuration
in pyproject.toml: no deadline, since a busy machine must not kill a mutant by a
timing, and fewer examples per property, since every mutant runs the tests again.
tqdm starts no monitor thread, so that no lock is held when a worker is forked."""

import tqdm
from hypothesis import settings

tqdm.tqdm.monitor_interval = 0

settings.register_profile("mutants", deadline=None, max_examples=25)
settings.load_profile("mutants")
