"""`python -m mockai.healthcheck`: exit 0 when the server this environment configures is healthy.

For container health checks. It finds the port the way `mockai serve` does (`MOCKAI_PORT`,
`MOCKAI_HOST`, `MOCKAI_CONFIG`, `./mockai.yaml`), so changing the port in one place is enough;
a hard-coded `:8000` in the image's HEALTHCHECK reported a healthy server on another port as
unhealthy. Standard library only (plus the settings reader), and quick: it runs every few seconds.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

from mockai.config import from_sources, local_url, with_default_config

HEALTH_PATH = "/_mockai/health"


def health_url() -> str:
    """The health endpoint of the server `mockai serve` would start with this environment."""
    return local_url(from_sources(with_default_config({}, os.environ))) + HEALTH_PATH


def main() -> int:
    try:
        url = health_url()
        with urllib.request.urlopen(url, timeout=2) as response:
            healthy = response.status == 200
    except (OSError, ValueError, urllib.error.URLError) as exc:
        print(f"mockai: unhealthy: {exc}", file=sys.stderr)
        return 1
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
