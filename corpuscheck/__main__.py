"""``python -m corpuscheck``: the same command line as ``corpuscheck``."""

import sys

from corpuscheck.cli import main

if __name__ == "__main__":  # importing the module (as the layout tests do) runs nothing
    sys.exit(main())
