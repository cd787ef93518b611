"""Route modules, one per page group, and the JSON API: each validates, calls, renders."""
