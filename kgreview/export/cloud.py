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


def word_cloud_image(words: Sequence[WordCount], width: int = 1000, height: int = 560):
    """The words sized by frequency as a PIL image (ValueError when there are none)."""
    from wordcloud import WordCloud

    if not words:
        raise ValueError("no words to draw: the document set has no content words")
    cloud = WordCloud(
        font_path=str(cjk_font()),
        width=width,
        height=height,
        background_color="white",
        colormap="viridis",
        random_state=7,  # the same set draws the same cloud
        prefer_horizontal=0.95,
        max_words=len(words),
    )
    cloud.generate_from_frequencies({w.word: w.count for w in words})
    return cloud.to_image()


def word_cloud_png(
    words: Sequence[WordCount], path: Path, width: int = 1000, height: int = 560
) -> int:
    """Draw the words into ``path`` as PNG; returns how many were given."""
    word_cloud_image(words, width, height).save(path, format="PNG")
    return len(words)
