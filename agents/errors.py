"""The base of every error Hearth shows to a person."""


class HearthError(Exception):
    """An error whose message says what happened and what to do about it."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
