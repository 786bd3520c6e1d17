"""smi-tui: the headless core (models, regulations, tables, toetsing, berekening, termijnen, CLI).

This package never imports textual, reportlab or tinydb; ``smi_tui.__main__`` is the one composition root and
imports the screens, the store and the letters lazily.
"""

__version__ = "0.1.0"
