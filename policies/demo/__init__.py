"""Demo data: Copenhagen's and Vesthimmerland's volunteer policies and two of
Copenhagen's implementation plans, transcribed from the source documents.

The texts are public records and are kept verbatim, spelling slips included,
so that the demo shows what the municipalities actually wrote. They live here,
inside the project, so that loading the demo never depends on files outside it.
``load.load_demo_policies`` writes them; ``portal.demo.load_demo_users`` adds
fictitious people to them.
"""
