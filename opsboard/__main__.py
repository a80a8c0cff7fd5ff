import sys

from opsboard.cli import main

sys.exit(main())
