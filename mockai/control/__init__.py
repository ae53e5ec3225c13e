"""The control API under `/_mockai/`: health, scenarios, journal, reset, the job clock."""
