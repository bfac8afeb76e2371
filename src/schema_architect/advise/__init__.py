"""Advice on a schema: best-practice lint rules, and workload-driven index, partitioning and
denormalization advisors whose recommendations are checked with EXPLAIN on a live database."""
