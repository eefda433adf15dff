"""A word cloud PNG (the ``wordcloud`` package) drawn with the Noto CJK font, so Chinese words
show as words, not boxes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kgreview.analysis.words import WordCount

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
)
# Simplified-Chinese faces first; any Noto CJK collection will do.
FONT_NAMES = ("NotoSansCJKsc-Regular.otf", "NotoSansCJK-Regular.ttc", "NotoSerifCJK-Regular.ttc")


class FontMissing(ValueError):
    """No CJK font: the message says how to install one."""


def cjk_font() -> Path:
    """The Noto CJK font file, or FontMissing with the install command."""
    for name in FONT_NAMES:
        for folder in FONT_DIRS:
            if folder.is_dir():
                found = next(iter(sorted(folder.rglob(name))), None)
                if found is not None:
                    return found
    raise FontMissing(
        "no CJK font for the word cloud: install one with "
        "`apt-get install fonts-noto-cjk` (./scripts/test does)"
    )


def word_cloud_png(
    words: Sequence[WordCount], path: Path, width: int = 1000, height: int = 560
) -> int:
    """Draw the words sized by frequency into ``path``; returns how many were drawn."""
    from wordcloud import WordCloud

    if not words:
        raise ValueError("no words to draw: the document set has no content words")
    cloud = WordCloud(
        font_path=str(cjk_font()),
        width=width,
        height=height,
        background_color="white",
        colormap="viridis",
        random_state=7,
        prefer_horizontal=0.95,
        max_words=len(words),
    )
    cloud.generate_from_frequencies({w.word: w.count for w in words})
    cloud.to_file(str(path))
    return len(cloud.layout_)
