"""Entry script of the frozen build: the same ``cluster-desktop`` command as the installed package."""

import sys

from cluster_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
