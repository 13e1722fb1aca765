"""Quick Hypothesis settings, loaded as a pytest plugin (`-p tests.hypothesis_quick`) by
`make check` and `make mutants`: fewer examples per property, since the inner loop
must be quick and every mutant runs the tests again, and no deadline, since a busy
machine must not fail a test by a timing. `make test` runs the full number of examples.
tqdm starts no monitor thread, so that no lock is held when a mutmut worker is forked."""

import tqdm
from hypothesis import settings

tqdm.tqdm.monitor_interval = 0

settings.register_profile("quick", deadline=None, max_examples=25)
settings.load_profile("quick")
