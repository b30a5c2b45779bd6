"""The frozen app's program: `sponsor-desk` is `sponsor-app`, window and command line alike."""

import sys

from sponsor_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
