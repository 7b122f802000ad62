"""polemos: conflict news in, ACLED-style events out.

    >>> import polemos
    >>> events = polemos.extract(text, published="2020-12-13")
"""

__version__ = "0.1.0"


def __getattr__(name):
    # Heavy modules (spaCy) load only when the API is used, so `polemos --help` is quick.
    if name in ("extract", "Pipeline", "Store", "read_articles"):
        from . import ingest, pipeline, store

        return {"extract": pipeline.extract, "Pipeline": pipeline.Pipeline, "Store": store.Store,
                "read_articles": ingest.read_articles}[name]
    raise AttributeError(name)
