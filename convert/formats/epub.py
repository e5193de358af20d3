"""EPUB as this project writes it: what the EPUB writer and reader both rely on."""

from __future__ import annotations

#: The EPUB structural-semantics namespace (``epub:type``).
OPS = "http://www.idpf.org/2007/ops"
#: The id of the ``<script>`` in each chapter that holds its article's canonical JSON.
DATA_BLOCK_ID = "newsconvert-document"
