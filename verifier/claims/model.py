"""The claim: one atomic statement a source makes, with the exact words it makes it in."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field

from verifier.normalize.values import Value


class Claim(BaseModel):
    """`text == source_text[start:end]` always; `subject` is a canonical entity name."""

    model_config = ConfigDict(frozen=True)

    id: str
    source: str
    kind: str
    subject: str
    predicate: str
    value: Value
    text: str
    start: int
    end: int
    sentence: tuple[int, int] = Field(description="offsets of the sentence the claim is in")
    trigger: str | None = Field(default=None, description="the words that say what is claimed")
    subject_text: str | None = Field(default=None, description="how the sentence names the subject")
    hedged: bool = Field(default=False, description="the source hedges (可能, reportedly)")
    label: str = Field(default="", description="plain words for the predicate")
    tz: str | None = Field(default=None, description="the clock the date is on (IANA name, 'local'), where known")
    scope: dict[str, str] = Field(default_factory=dict, description="when and of what a value holds")
    why: dict[str, str] = Field(default_factory=dict, description="what produced the claim: value pattern, link, subject rule")

    @staticmethod
    def make_id(source: str, start: int, end: int, predicate: str, subject: str) -> str:
        digest = hashlib.blake2b(f"{start}:{end}:{predicate}:{subject}".encode(), digest_size=4).hexdigest()
        return f"{source}:{digest}"
