"""Benchmark harness: run schema generators on RSchema and score them with the papers' metrics.

* :mod:`engines` - generators plugged in by name (``gold``, ``baseline``, later the real ones).
* :mod:`rschema` - the two verbs: :func:`~rschema.run_rschema` (engine -> predictions -> report)
  and :func:`~rschema.score_rschema` (predictions made elsewhere -> report).
* :mod:`align` / :mod:`metrics` - name alignment and per-case metrics; they need the ``[bench]``
  extra (WordNet through NLTK, all-MiniLM-L6-v2) and say so with an InputError when it is missing.
"""
