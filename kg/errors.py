"""Exception types. Each message is one line that names the file or setting and what to do."""


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """An input path is missing, unreadable or holds no usable article."""


class ModelError(KGError):
    """The spaCy model named by the user cannot be loaded."""


class DataFileError(KGError):
    """A lexicon, gazetteer or ontology file is malformed."""


class QueryError(KGError):
    """A SPARQL query is malformed or its graph cannot be loaded."""


class GoldError(KGError):
    """A gold-standard file for evaluation is malformed."""
