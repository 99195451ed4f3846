import sys

from cluster_desktop.cli import main

sys.exit(main())
