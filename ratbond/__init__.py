"""ratbond: safe, staged introductions between cats, rats and their people."""

__version__ = "0.1.0"
