"""The ratbond web app: FastAPI routes, Jinja2 templates and htmx, on the same store and engine."""
