"""`date` and `timedelta` for the lean `ratbond today` path: `datetime`'s own C classes, so the
path does not build the module's pure-Python twin first (about 1 ms of its start)."""

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing `typing`
if TYPE_CHECKING:
    from datetime import date, timedelta
else:
    try:
        from _datetime import date, timedelta
    except ImportError:  # an implementation without the C module
        from datetime import date, timedelta

__all__ = ["date", "timedelta"]
