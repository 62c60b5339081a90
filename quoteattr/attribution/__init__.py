"""Attribution layer: walks neutral parses to find speakers, reporting verbs and outlets.

Nothing here imports a parser library: it reads :class:`quoteattr.parse.Parse` records only.
"""
