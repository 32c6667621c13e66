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

At scale (100,000 organisations) a common word matches tens of thousands of rows, and
ranking reads every row it ranks: the directory ranks only the best of them
(``Search.best``), found through an index of the names. The filters' terms are tokens on
the row (``term_token``), so that a combination of filters is a look-up in one index too.
"""

import functools
import operator
import re
import unicodedata

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.lookups import DataContains, TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connections
from django.db.models import F, FloatField, Func, Q, TextField, Value
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


class Search:
    """What a visitor typed, read once: the folded words and, on PostgreSQL, the full-text
    query in which each word may also be one of its close spellings from the lexicon (one
    query to the lexicon, whatever is then asked of the search)."""

    def __init__(self, text, alias="default"):
        self.folded = fold(text).strip()
        self.typed = re.findall(r"[a-z0-9]+", self.folded)
        self.full_text = bool(self.typed) and is_postgresql(alias)
        if not self.full_text:
            return
        close = corrections(self.typed, alias)
        self.query = self.typed_query = self.spelt_query = None
        for word in self.typed:
            alternatives = SearchQuery(word, config=CONFIG)
            self.typed_query = _either(self.typed_query, SearchQuery(word, config=CONFIG))
            for candidate in close.get(word, []):
                alternatives |= SearchQuery(candidate, config=CONFIG)
            self.spelt_query = _either(self.spelt_query, alternatives)
            self.query = alternatives if self.query is None else self.query & alternatives

    def __bool__(self):
        return bool(self.typed)

    def filter(self, queryset):
        """``queryset`` (of organisations) narrowed to the rows holding every word, or a close
        spelling of it."""
        return queryset.filter(self.condition()) if self.typed else queryset

    def condition(self, vector="search_vector", texts=("search_name", "search_text")):
        """The rows whose ``vector`` matches; on SQLite, the demo's fallback: every word
        somewhere in one of the folded ``texts``."""
        if self.full_text:
            return Q(**{vector: self.query})
        condition = Q()
        for word in self.typed:
            condition &= functools.reduce(operator.or_, (Q(**{f"{text}__contains": word}) for text in texts))
        return condition

    def rank(self):
        """How well a row matches: the full-text rank (the name weighs most), plus how close
        the name is to what was typed, so that near misses are ordered among themselves."""
        if not self.full_text:
            return Value(0.0, output_field=FloatField())
        return SearchRank(F("search_vector"), self.query) + TRIGRAM_WEIGHT * TrigramWordSimilarity(
            Value(self.folded), "search_name"
        )

    def best(self, queryset, limit):
        """The pks of at most ``limit`` of the rows of ``queryset`` (already ``filter()``-ed)
        worth ranking: those whose name holds a word as typed, then those whose name holds a
        close spelling of one, then any others. Ranking costs a read of every row ranked, and
        a common word matches tens of thousands; each group is found through an index
        (migration 0008) and read no further than ``limit`` rows, so that the best matches
        are always among those ranked. Fewer than ``limit`` pks means these are all the matches."""
        groups = [
            queryset.alias(name_vector=name_vector()).filter(name_vector=self.typed_query),
            queryset.alias(name_vector=name_vector()).filter(name_vector=self.spelt_query),
            queryset,
        ]
        first, *others = [
            group.order_by().annotate(group=Value(number)).values_list("pk", "group")[:limit]
            for number, group in enumerate(groups)
        ]
        in_order = sorted(first.union(*others, all=True), key=lambda row: row[1])
        return list(dict.fromkeys(pk for pk, _group in in_order))[:limit]


def _either(query, other):
    return other if query is None else query | other


class NameVector(Func):
    """The name's own text-search vector: the expression migration 0008 indexes, written out
    so that the query says exactly what the index holds."""

    function = "to_tsvector"
    template = f"%(function)s('{CONFIG}'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


def name_vector():
    return NameVector(F("search_name"))


def weighted_vector(first, rest):
    """A vector of two folded texts at hand, ``first`` weighing most (A), ``rest`` less (B),
    to be written with the row (``search_vector()`` reads the row's own columns instead):
    a date's activity words and its organisation's name (``Activity.dated``)."""
    return SearchVector(Value(first, output_field=TextField()), weight="A", config=CONFIG) + SearchVector(
        Value(rest, output_field=TextField()), weight="B", config=CONFIG
    )


# The filters' terms, on PostgreSQL, as tokens on the row ("type:network maalgruppe:aeldre
# felt:motion bydel:noerrebro"): any combination of filters is then one look-up in one GIN
# index (migration 0009), not a join per filter through tables of 200,000 links each.
def term_token(parameter, slug):
    return f"{parameter}:{slug}"


class Tokens(Func):
    """``search_terms`` as an array of tokens: the expression migration 0009 indexes."""

    function = "string_to_array"
    template = "%(function)s(%(expressions)s, ' ')"
    output_field = ArrayField(TextField())


def has_term(token, field="search_terms"):
    """The rows whose ``field`` holds ``token``."""
    return DataContains(Tokens(F(field)), Value([token], output_field=ArrayField(TextField())))


def search(queryset, text):
    """``queryset`` narrowed to the rows matching ``text``, annotated with ``rank``."""
    words = Search(text, queryset.db)
    return words.filter(queryset).annotate(rank=words.rank())
