"""nbval runs every notebook in `make test`; figures go to a temporary folder, not figures/."""

import os
import tempfile

os.environ.setdefault("KSLIB_FIGURES_REDIRECT", tempfile.mkdtemp(prefix="kslib-figures-"))
