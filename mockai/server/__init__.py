"""The HTTP server: the app that mounts the control API and the endpoint families, and the
middleware every request passes through (authentication, rate limits, faults, the journal)."""
