"""Registers numbered one after another (decisions, certificates): a counter row per key
holding the last number given."""


def next_number(counter_model, **key) -> int:
    """The next number of the register `key` kept in `counter_model` (a model with `last`),
    its row locked, so that two officers numbering at once get two numbers. Call inside a
    transaction."""
    counter_model.objects.get_or_create(**key)
    counter = counter_model.objects.select_for_update().get(**key)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last
