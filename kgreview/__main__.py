"""``python -m kgreview``: the same command line as ``kgreview``."""

from kgreview.cli import main

if __name__ == "__main__":
    main()
