"""Identifiers that leave the machine are UUIDs."""


def new_id() -> str:
    import uuid  # here, not at the top: it imports ``platform`` (a few ms of every start)

    return str(uuid.uuid4())
