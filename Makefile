# The book's commands. `make book` and `make test` are all a fresh machine needs:
# both create the environment in .venv from requirements.txt on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ENV_STAMP := $(VENV)/.requirements-installed
PORT ?= 8000
# Python keeps what it compiles (in __pycache__ folders, which git ignores), also where
# the environment says not to: else every pytest process compiles its plugins and their
# packages again to rewrite their asserts (3 s each), and every kernel compiles nnlib.
export PYTHONDONTWRITEBYTECODE :=
# The browser tests drive Debian's Chromium; no test tool downloads a browser of its own.
CHROMIUM := /usr/bin/chromium
# What npm installs from package-lock.json: axe-core for the browser tests, and what the
# slides load (reveal.js, RequireJS, jQuery, MathJax 2).
NPM_PACKAGES := node_modules/.installed
# npm where it is installed, else Debian's, which the rule below installs.
NPM := $(or $(shell command -v npm),/usr/bin/npm)
# pdftotext, with which the tests read the PDFs, and pdftoppm and pdfunite, with which
# `make pdf` looks at their pages and joins the book (all Debian's poppler-utils).
PDFTOTEXT := /usr/bin/pdftotext
# Fashion-MNIST's four official files (Debian's dataset-fashion-mnist), read by nnlib.datasets.
FASHION_MNIST := /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# What installs Debian's package named after it, for a file that make finds missing.
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq

# Kernels of this environment come before any the user has installed elsewhere.
export JUPYTER_PREFER_ENV_PATH := 1
# A backend set outside would keep the notebooks' figures out of their outputs.
unexport MPLBACKEND

.PHONY: book test check pdf slides serve lab notebooks student nbgrader grading bench mutants clean

# uv installs the pinned packages: in seconds, where pip takes a minute. pip stays in the
# environment for the learner's own use.
UV := $(BIN)/uv
UV_PIN := uv==0.13.9

$(ENV_STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip $(UV_PIN)
	$(UV) pip install --quiet --python $(BIN)/python -r requirements.txt
	touch $@

# Everything the website is built from; the build runs again only when one of them changed.
# Not caches: JupyterLab's checkpoints, Python's bytecode, and ruff's, which the lint test
# writes into book/ (beside book/ruff.toml) whenever a notebook changed.
BOOK_SOURCES := _config.yml _toc.yml $(shell find book tools -type f -not -path '*/.ipynb_checkpoints/*' -not -path '*/__pycache__/*' -not -path '*/.ruff_cache/*')
BOOK_STAMP := _build/.book-built

# The chapters as slide decks, which the website links from its course outline; their
# PDFs are made by `make slides`.
DECKS_STAMP := _build/slides/.decks

book: $(BOOK_STAMP)  ## Build the website into _build/html, failing on any warning.

$(BOOK_STAMP): $(ENV_STAMP) $(BOOK_SOURCES) $(DECKS_STAMP)
	@# A clean build: an incremental one neither repeats the warnings of unchanged pages
	@# nor overwrites static files it copied before.
	rm -rf _build/html _build/.doctrees
	$(BIN)/jupyter-book build . -W -n --keep-going
	mkdir -p _build/html/slides
	cp -r _build/slides/*.slides.html _build/slides/_assets _build/html/slides/
	touch $@

$(DECKS_STAMP): $(ENV_STAMP) $(BOOK_SOURCES) $(NPM_PACKAGES)
	$(BIN)/python tools/slides.py --decks
	touch $@

# The student edition and its website, made from the chapters, nnlib and the pins.
STUDENT := _build/student
STUDENT_STAMP := $(STUDENT)/.built
student: $(STUDENT_STAMP)  ## The student edition without solutions: _build/student, its zip and its website.

$(STUDENT_STAMP): $(ENV_STAMP) $(BOOK_SOURCES) $(shell find nnlib -name '*.py') requirements.txt pyproject.toml $(wildcard benchmarks/results/*.json)
	$(BIN)/python tools/student_edition.py
	touch $@

# The students' environment, made from the edition's own lean requirements.txt, as a
# student would (with uv, as above, where a student runs pip). Like .venv it is kept
# between runs, and made anew only when those requirements change (the copy of them in
# it is the stamp).
STUDENT_VENV := .venv-student
STUDENT_ENV_STAMP := $(STUDENT_VENV)/requirements.txt
$(STUDENT_ENV_STAMP): $(STUDENT_STAMP)
	cmp -s $(STUDENT)/requirements.txt $@ || { \
	  rm -rf $(STUDENT_VENV) && $(PYTHON) -m venv $(STUDENT_VENV) && \
	  cd $(STUDENT) && $(CURDIR)/$(UV) pip install --quiet --python $(CURDIR)/$(STUDENT_VENV)/bin/python -r requirements.txt; }
	cp $(STUDENT)/requirements.txt $@

# The student website's pages where they differ from the full site's, measured in a
# browser once per build of it (for tests/test_student_site.py).
STUDENT_MEASURED := _build/student-site-measurements.json
$(STUDENT_MEASURED): $(STUDENT_STAMP) $(CHROMIUM) $(NPM_PACKAGES)
	$(BIN)/python tools/student_site_checks.py

# The tests already keep both cores busy with two workers and their notebook kernels;
# one BLAS thread per process avoids oversubscribing them (results are the same).
test: export OPENBLAS_NUM_THREADS := 1
test: export OMP_NUM_THREADS := 1
PDF_STAMP := _build/pdf/.printed

pdf: $(PDF_STAMP)  ## The book and a handout per chapter as PDF, into _build/pdf.

$(PDF_STAMP): $(BOOK_STAMP) $(CHROMIUM) $(PDFTOTEXT)
	$(BIN)/python tools/pdf.py
	touch $@

SLIDES_STAMP := _build/slides/.built

slides: $(SLIDES_STAMP)  ## Every chapter as reveal.js slides and their PDFs, offline: _build/slides.

$(SLIDES_STAMP): $(DECKS_STAMP) $(CHROMIUM)
	$(BIN)/python tools/slides.py --pdfs
	touch $@

# What the tests judge the decks by: each deck measured as it prints, and the PDF of the
# longest (`make slides` writes the same file, with every PDF).
SLIDES_MEASURED := _build/slides/measurements.json
$(SLIDES_MEASURED): $(DECKS_STAMP) $(CHROMIUM)
	$(BIN)/python tools/slides.py --measure

# What the tests read: Debian's packages first, one apt-get after the other; then the
# rest by two jobs at once. Printing the PDFs takes most of the time: those of the book in
# two browsers (tools/pdf.py), each keeping a core busy, beside the slides measured in one.
TEST_PACKAGES := $(CHROMIUM) $(NPM) $(PDFTOTEXT) $(FASHION_MNIST)
TEST_INPUTS := $(BOOK_STAMP) $(PDF_STAMP) $(SLIDES_MEASURED) $(STUDENT_STAMP) $(STUDENT_ENV_STAMP) $(STUDENT_MEASURED) $(NPM_PACKAGES)
.PHONY: test-packages test-inputs
test-packages: $(TEST_PACKAGES)
test-inputs: $(TEST_INPUTS)

test:  ## Every test: nnlib, notebooks, site, PDFs, student edition, nbgrader, lint.
	@$(MAKE) --no-print-directory test-packages
	@$(MAKE) --no-print-directory --jobs=2 --output-sync=target test-inputs
	$(BIN)/python -m pytest -n 2 --dist loadscope --no-loadscope-reorder

# The inner loop while writing: nnlib's own tests (those that `make mutants` runs, with
# fewer examples per property), lint, and the chapter named by CHAPTER=book/NN_name.ipynb
# if any, run once with its exercises tried, in this environment with the book's nnlib.
NNLIB_TESTS = $(shell $(PYTHON) -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['tool']['mutmut']['pytest_add_cli_args_test_selection'])")
check: export OPENBLAS_NUM_THREADS := 1
check: $(ENV_STAMP) $(FASHION_MNIST)  ## The inner loop: nnlib's tests, lint, and a chapter: make check CHAPTER=book/05_bias.ipynb
	$(BIN)/python -m pytest -n 2 --dist loadscope -q -p tests.hypothesis_quick --in-this-environment $(NNLIB_TESTS) tests/test_lint.py $(CHAPTER)

nbgrader: $(ENV_STAMP)  ## The chapters as an nbgrader course, for grading: _build/nbgrader.
	$(BIN)/python tools/nbgrader_course.py

# `make test` grades three quick chapters; this grades every chapter, as a term needs it.
grading: $(ENV_STAMP) $(FASHION_MNIST)  ## nbgrader grades the solutions and a wrong answer of every chapter (4 min).
	NNLIB_GRADE_EVERY_CHAPTER=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_nbgrader_course.py

$(NPM_PACKAGES): package.json package-lock.json $(NPM)
	$(NPM) ci --no-audit --no-fund --loglevel=error
	touch $@

$(NPM):
	$(APT_INSTALL) npm

$(CHROMIUM):
	$(APT_INSTALL) chromium

$(PDFTOTEXT):
	$(APT_INSTALL) poppler-utils

$(FASHION_MNIST):
	$(APT_INSTALL) dataset-fashion-mnist

serve: $(BOOK_STAMP)  ## Serve the built website on http://localhost:$(PORT).
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: $(ENV_STAMP)  ## Open the chapters in JupyterLab, with this environment as kernel.
	$(BIN)/jupyter lab --notebook-dir=book $(if $(filter 0,$(shell id -u)),--allow-root)

notebooks: export OPENBLAS_NUM_THREADS := 1
notebooks: export OMP_NUM_THREADS := 1
notebooks: $(ENV_STAMP)  ## Re-execute every chapter notebook in place to refresh its outputs.
	$(BIN)/python tools/execute_notebooks.py

bench: $(ENV_STAMP)  ## Benchmarks against bare NumPy and scikit-learn, into benchmarks/results.
	$(BIN)/python benchmarks/run_benchmarks.py

# mutmut copies nnlib and its tests into mutants/, changes the code in small ways one
# at a time, and runs the tests that reach each change (configured in pyproject.toml).
mutants: $(ENV_STAMP) $(FASHION_MNIST)  ## Mutation testing of nnlib with its own tests; the score is in the README.
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

clean:
	rm -rf _build
