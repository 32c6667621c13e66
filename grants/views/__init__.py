"""The grants app's pages, by who uses them: the public (schemes, project database, results), the
organisations' representatives (applications and reports), and the municipality's caseworkers and
policy owners (assessment, decisions, reports, cooperation agreements; the schemes and legal bases
they keep: ``schemes``)."""
