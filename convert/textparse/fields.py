"""Named metadata fields (``Key: value`` headers, YAML front matter) -> Metadata.

One table maps the many spellings a field has in the wild to the model's
field; both the front-matter step and the metadata-lines step use it.
"""

from __future__ import annotations

import re

from convert.textparse.names import names_in, strip_markup
from convert.textparse.state import ParseState

#: Lower-cased key (spaces, dashes and underscores removed) -> field.
FIELD_KEYS: dict[str, str] = {
    **dict.fromkeys(["title", "headline", "titre", "titel", "titulo", "título", "заголовок",
                     "标题", "العنوان", "subject", "betreff", "objet", "asunto", "тема", "件名",
                     "主题", "제목"], "headline"),
    **dict.fromkeys(["subtitle", "subheadline", "subhead", "deck", "standfirst", "dek",
                     "untertitel", "soustitre"], "subheadline"),
    **dict.fromkeys(["summary", "description", "abstract", "teaser", "lead", "lede"],
                    "summary"),
    **dict.fromkeys(["author", "authors", "by", "byline", "creator", "writer", "reporter",
                     "reporters", "autor", "auteur", "autore", "автор", "作者", "الكاتب", "pewarta",
                     "penulis", "wartawan", "yazar", "muhabir", "författare", "forfatter",
                     "tácgiả", "记者", "記者", "기자"],
                    "bylines"),
    **dict.fromkeys(["date", "published", "pubdate", "publishdate", "publicationdate",
                     "publishedat", "datepublished", "created", "posted", "datum",
                     "fecha", "publié", "publie", "veröffentlicht", "опубликовано",
                     "发布时间", "日期", "تاريخ"], "published"),
    **dict.fromkeys(["updated", "modified", "lastmodified", "lastupdated", "updatedat",
                     "datemodified", "aktualisiert", "actualizado", "обновлено", "更新时间"],
                    "updated"),
    **dict.fromkeys(["lang", "language", "locale", "sprache", "langue", "idioma", "язык"],
                    "language"),
    **dict.fromkeys(["source", "publisher", "agency", "site", "sitename", "publication",
                     "quelle", "fuente", "источник", "来源", "المصدر", "herausgeber",
                     "utgiver", "utgivar", "udgiver", "uitgever", "éditeur", "editore", "média",
                     "médio"], "source"),
    **dict.fromkeys(["keywords", "tags", "tag", "topics", "categories", "subjects",
                     "schlagwörter", "stichwörter", "ключевыеслова", "关键词"], "keywords"),
    **dict.fromkeys(["slug", "slugline", "keyword"], "slugline"),
    **dict.fromkeys(["copyright", "rights", "license", "licence"], "copyright"),
    **dict.fromkeys(["url", "link", "canonical", "canonicalurl", "permalink"], "url"),
    **dict.fromkeys(["id", "guid", "uri", "identifier", "uuid"], "id"),
    **dict.fromkeys(["version", "revision"], "version"),
}

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def field_for(key: str) -> str | None:
    return FIELD_KEYS.get(re.sub(r"[\s_\-]", "", key.casefold()))


def apply_field(state: ParseState, key: str, value: object, line: int | None) -> str:
    """Store ``key: value`` in the metadata; returns the field it went to."""
    field = field_for(key) or "extra"
    values = value if isinstance(value, list) else [value]
    texts = [strip_markup(str(item)) for item in values if item is not None and str(item).strip()]
    if not texts:
        return field
    meta = state.meta
    joined = ", ".join(texts)
    if field == "headline":
        meta.headline = joined
    elif field in ("subheadline", "summary", "copyright", "url", "slugline"):
        setattr(meta, field, joined)
    elif field == "bylines":
        for text in texts:
            names, agencies = names_in(text)
            for name in names or [text]:
                meta.add_byline(name)
            for agency in agencies:
                meta.add_source(2, agency, line)
    elif field in ("published", "updated"):
        meta.add_date(field, 0, texts[0], line)
    elif field == "language":
        tag = texts[0].replace("_", "-")
        if _LANGUAGE_TAG.match(tag):
            meta.language = tag
    elif field == "source":
        meta.add_source(4, joined, line)
    elif field == "keywords":
        for text in texts:
            for keyword in re.split(r"\s*[,;、，]\s*", text.strip("[] ")):
                if keyword and keyword not in meta.keywords:
                    meta.keywords.append(keyword)
    elif field == "id":
        meta.id = joined
    elif field == "version" and joined.isdigit() and int(joined) >= 1:
        meta.version = int(joined)
    else:
        field = "extra"
        meta.extra[key.strip().lower()] = joined
    state.decide(line, f"field {key.strip()!r} -> {field}: {joined!r}")
    return field
