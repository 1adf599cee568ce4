"""The one way our command-line scripts end: bad input or a failed step becomes one line
'<script>: <message>' on stderr and a non-zero exit code, never a Python traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn


def run(main: Callable[[], int], expected: dict[type[BaseException], int]) -> NoReturn:
    """Call main(); exceptions of the expected types exit with their code after one line."""
    prog = Path(sys.argv[0]).name
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head`
        sys.exit(0)
    except tuple(expected) as error:
        code = next(value for kind, value in expected.items() if isinstance(error, kind))
        print(f"{prog}: {error}", file=sys.stderr)
        sys.exit(code)
