"""Free-text search over the directory.

Citizens type Danish words inflected ("foreningerne"), misspelt ("frivilig") and
with the Danish letters spelt out ("aeldre" for "ældre"). Both the indexed text and
the query therefore pass through ``fold()`` first, so "æ" and "ae" become the same
letters before PostgreSQL's Danish stemmer and pg_trgm ever see them.

The folded text is stored on the row (``search_name``, ``search_text``) on every
database; PostgreSQL also keeps a ``tsvector`` built from it, with a GIN index. Typos
are not matched row by row, which is slow on long texts: every word of the directory
goes into a small lexicon (``SearchWord``) with a trigram index, each typed word is
first corrected against it in one indexed query, and the full-text query then asks for
the typed word or its close spellings. SQLite, which only runs the demo, matches each
word with ``contains`` instead.
"""

import re
import unicodedata

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db import connections
from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import Collate

CONFIG = "danish"

# Letters a Danish keyboard-less visitor spells out; the rest of the accents
# (é, ü …) are dropped by the Unicode decomposition below.
FOLDS = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def fold(text):
    """Lower-case ``text`` and spell out the Danish letters: "Ældre Sagen" -> "aeldre sagen"."""
    text = (text or "").lower()
    for letter, spelt in FOLDS.items():
        text = text.replace(letter, spelt)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def is_postgresql(alias="default"):
    return connections[alias].vendor == "postgresql"


# Danish alphabetical order (… X, Y, Z, Æ, Ø, Å): a collation made by migration 0006 from
# ICU's Danish where PostgreSQL has ICU.
DANISH_COLLATION = "frivilligportalen_da"


def danish_order(field, alias="default"):
    """``field`` for ``order_by`` in Danish alphabetical order where the database knows it."""
    return Collate(F(field), DANISH_COLLATION) if is_postgresql(alias) else F(field)


def search_vector():
    """The stored vector: the name weighs most (A), everything else less (B)."""
    return SearchVector("search_name", weight="A", config=CONFIG) + SearchVector(
        "search_text", weight="B", config=CONFIG
    )


# How much a close spelling of the name counts beside a full-text hit when ranking: enough to
# order near misses among themselves, too little to beat a real hit on the name.
TRIGRAM_WEIGHT = 0.3
# Words from the lexicon tried in place of each word typed, the closest first.
CANDIDATES = 6
# pg_trgm's own threshold for word similarity (pg_trgm.word_similarity_threshold), which
# the indexed lookup applies to all the typed words together; each word is held to it here.
WORD_SIMILARITY = 0.6
# Words shorter than this are neither indexed in the lexicon nor corrected.
MIN_WORD = 3


def words(text):
    """The distinct folded words of ``text`` worth correcting towards: "Ældre Sagen" -> {"aeldre", "sagen"}."""
    return {word for word in re.findall(r"[a-z0-9]+", fold(text)) if MIN_WORD <= len(word) <= 100}


def remember_words(*texts, alias="default"):
    """Add the words of ``texts`` to the lexicon that typed words are corrected against."""
    from organisations.models import SearchWord

    new = set().union(*(words(text) for text in texts))
    if new:
        SearchWord.objects.using(alias).bulk_create([SearchWord(word=word) for word in new], ignore_conflicts=True)


def corrections(typed, alias="default"):
    """For each typed word, the lexicon's words that contain it or nearly do (pg_trgm's word
    similarity, indexed): typos ("frivilig"), spellings and the parts of compound words
    ("idraet" in "idraetsforeningen"). One query for all the words."""
    from organisations.models import SearchWord

    typed = [word for word in typed if len(word) >= MIN_WORD]
    if not typed:
        return {}
    condition = Q()
    annotations = {}
    for number, word in enumerate(typed):
        condition |= TrigramWordSimilar(F("word"), Value(word))
        annotations[f"similarity_{number}"] = TrigramWordSimilarity(Value(word), "word")
    rows = (
        SearchWord.objects.using(alias)
        .filter(condition)
        .annotate(**annotations)
        .values_list("word", *annotations)[: CANDIDATES * len(typed) * 10]
    )
    found = {word: [] for word in typed}
    for word, *similarities in rows:
        for typed_word, similarity in zip(typed, similarities):
            if similarity >= WORD_SIMILARITY:
                found[typed_word].append((similarity, word))
    return {word: [w for _s, w in sorted(found[word], reverse=True)[:CANDIDATES]] for word in typed}


def search(queryset, text):
    """``queryset`` narrowed to the rows matching ``text``, annotated with ``rank``."""
    folded = fold(text).strip()
    typed = re.findall(r"[a-z0-9]+", folded)
    if not typed:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if is_postgresql(queryset.db):
        close = corrections(typed, queryset.db)
        query = None
        for word in typed:
            alternatives = SearchQuery(word, config=CONFIG)
            for candidate in close.get(word, []):
                alternatives |= SearchQuery(candidate, config=CONFIG)
            query = alternatives if query is None else query & alternatives
        return queryset.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
            + TRIGRAM_WEIGHT * TrigramWordSimilarity(Value(folded), "search_name")
        )
    # The demo's fallback: every word somewhere in the folded text.
    condition = Q()
    for word in typed:
        condition &= Q(search_name__contains=word) | Q(search_text__contains=word)
    return queryset.filter(condition).annotate(rank=Value(0.0, output_field=FloatField()))
