"""The programme's printed documents, one module each; every builder takes plain data and a target.

``build_*(data, target)`` writes a PDF to a path or a binary file object. The services module
``services.printing`` loads the data from the database and checks who may print what.
"""

from .evaluation import build_sheets, build_summary
from .instruction import build_instruction
from .license import build_license
from .matrix import build_matrix
from .minutes import build_minutes
from .nomination import build_nomination
from .notification import build_notification
from .plan import build_plan
from .programme import build_programme_report
from .ranking import build_ranking
from .sensitivity import build_sensitivity_annex

__all__ = [
    "build_instruction",
    "build_license",
    "build_matrix",
    "build_minutes",
    "build_nomination",
    "build_notification",
    "build_plan",
    "build_programme_report",
    "build_ranking",
    "build_sensitivity_annex",
    "build_sheets",
    "build_summary",
]
