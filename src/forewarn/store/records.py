"""Model records <-> JSON values, generically and fast.

Encoders and decoders are built once per type from the dataclass annotations
of `forewarn.model` (then cached), so a field added to a record later is stored
and read back with no change here, and a record written before a field existed
reads back with that field's default. Dataclasses become dicts, tuples lists,
dates ISO strings; everything else is already JSON.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")
Codec = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _iso(value: date) -> str:
    return value.isoformat()


def _optional(codec: Codec) -> Codec:
    return lambda value: None if value is None else codec(value)


def _split(tp: Any) -> tuple[str, Any]:
    """What kind of annotation `tp` is, and its argument(s)."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(tp) if arg is not type(None)]
        return "optional", inner
    if origin is tuple:
        args = get_args(tp)
        return ("many", args[0]) if len(args) == 2 and args[1] is Ellipsis else ("fixed", args)
    if origin is Literal or tp is Any:
        return "plain", None
    if isinstance(tp, type) and is_dataclass(tp):
        return "record", tp
    return "plain", tp


_ENCODERS: dict[Any, Codec] = {}
_DECODERS: dict[Any, Codec] = {}


def encoder(tp: Any) -> Codec:
    """The encoder for annotation `tp`, built on first use."""
    if tp not in _ENCODERS:
        _ENCODERS[tp] = _build_encoder(tp)
    return _ENCODERS[tp]


def decoder(tp: Any) -> Codec:
    """The decoder for annotation `tp`, built on first use."""
    if tp not in _DECODERS:
        _DECODERS[tp] = _build_decoder(tp)
    return _DECODERS[tp]


def _build_encoder(tp: Any) -> Codec:
    kind, arg = _split(tp)
    if kind == "optional":
        return _optional(encoder(arg))
    if kind == "many":
        item = encoder(arg)
        return list if item is _identity else lambda value: [item(v) for v in value]
    if kind == "fixed":
        items = [encoder(a) for a in arg]
        return lambda value: [codec(v) for codec, v in zip(items, value, strict=True)]
    if kind == "record":
        hints = get_type_hints(arg)
        plan = [(f.name, encoder(hints[f.name])) for f in fields(arg)]
        return lambda obj: {name: codec(getattr(obj, name)) for name, codec in plan}
    return _iso if arg in (date, datetime) else _identity


def _build_decoder(tp: Any) -> Codec:
    kind, arg = _split(tp)
    if kind == "optional":
        return _optional(decoder(arg))
    if kind == "many":
        item = decoder(arg)
        return tuple if item is _identity else lambda value: tuple(item(v) for v in value)
    if kind == "fixed":
        items = [decoder(a) for a in arg]
        return lambda value: tuple(codec(v) for codec, v in zip(items, value, strict=True))
    if kind == "record":
        hints = get_type_hints(arg)
        plan = [(f.name, decoder(hints[f.name])) for f in fields(arg)]
        cls = arg
        return lambda data: cls(**{name: codec(data[name]) for name, codec in plan if name in data})
    if arg is date:
        return date.fromisoformat
    if arg is datetime:
        return datetime.fromisoformat
    return float if arg is float else _identity


def to_json(record: Any) -> Any:
    """A model record as JSON-ready values."""
    return encoder(type(record))(record)


def record_from_json(cls: type[T], data: dict[str, Any]) -> T:
    """The inverse of `to_json`; fields missing from `data` take their defaults."""
    result: T = decoder(cls)(data)
    return result
