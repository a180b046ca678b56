import datetime
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

__version__: str

DateLike = Union[str, datetime.date, None]

def check(
    text: str,
    format: str = "plain",
    date: DateLike = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    show_consistent: bool = False,
) -> List[Dict[str, Any]]: ...
def check_many(
    texts: Iterable[str],
    format: str = "plain",
    date: DateLike = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    show_consistent: bool = False,
    threads: Optional[int] = None,
) -> List[List[Dict[str, Any]]]: ...
def extract(text: str, format: str = "plain") -> List[Dict[str, Any]]: ...
def rules() -> List[Dict[str, str]]: ...
