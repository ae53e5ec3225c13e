"""The HTTP server: app factory, middleware, and the helpers every endpoint module uses."""
