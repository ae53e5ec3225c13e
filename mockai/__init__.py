"""mockai: a local emulator of the OpenAI HTTP API for testing clients."""

__version__ = "0.1.0"
