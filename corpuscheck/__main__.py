"""``python -m corpuscheck``: the same command line as ``corpuscheck``."""

import sys

from corpuscheck.cli import main

sys.exit(main())
