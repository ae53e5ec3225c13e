"""The control API under `/_mockai/` (SPEC §3): health, scenarios, journal, reset."""
