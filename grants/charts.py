"""Bar charts drawn on the server as SVG, without any script: each bar's length is computed here
from the chart's numbers (``grants.results.Chart``), and the template writes the shapes. The same
numbers stand in a table beside every chart, for those who cannot see it and for those who want
the figures. The second series is hatched as well as coloured, so that it is told apart without
colour (WCAG 1.4.1); both colours have at least 3:1 contrast with the white background (1.4.11)."""

from dataclasses import dataclass, field

from django.utils.text import Truncator

WIDTH = 720
LABEL_WIDTH = 290
VALUE_WIDTH = 130
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 14
LEGEND_HEIGHT = 28
# How many characters of a label fit left of the bars at 13 px; the table has the whole label.
LABEL_CHARS = 38
COLOURS = ("#0b3d6b", "#a34f00")  # 11.5:1 and 5.6:1 against white


@dataclass
class Bar:
    x: int
    y: int
    width: float
    height: int
    fill: str
    text: str
    text_x: float
    text_y: int


@dataclass
class Row:
    label: str
    short_label: str
    label_y: int
    bars: list = field(default_factory=list)


@dataclass
class LegendItem:
    name: str
    fill: str
    x: int


@dataclass
class SvgChart:
    key: str
    title: str
    width: int
    height: int
    label_x: int
    rows: list
    legend: list
    hatch_id: str
    hatch_colour: str


def fill_for(chart_key, index):
    return COLOURS[0] if index == 0 else f"url(#{chart_key}-hatch)"


def bar_chart(chart):
    """The geometry of ``chart`` as horizontal bars, one group of bars per label."""
    series = chart.series
    top = LEGEND_HEIGHT if len(series) > 1 else 4
    bar_space = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    largest = max((value or 0 for serie in series for value in serie.values), default=0)
    row_height = len(series) * BAR_HEIGHT + (len(series) - 1) * BAR_GAP + ROW_GAP
    rows = []
    for index, label in enumerate(chart.labels):
        y = top + index * row_height
        row = Row(
            label=label,
            short_label=Truncator(label).chars(LABEL_CHARS),
            label_y=y + (row_height - ROW_GAP) // 2 + 5,
        )
        for number, serie in enumerate(series):
            value = serie.values[index] or 0
            width = round(bar_space * value / largest, 1) if largest else 0
            bar_y = y + number * (BAR_HEIGHT + BAR_GAP)
            row.bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=bar_y,
                    width=width,
                    height=BAR_HEIGHT,
                    fill=fill_for(chart.key, number),
                    text=serie.display(serie.values[index]),
                    text_x=LABEL_WIDTH + width + 6,
                    text_y=bar_y + BAR_HEIGHT - 3,
                )
            )
        rows.append(row)
    legend = [LegendItem(name=serie.name, fill=fill_for(chart.key, number), x=LABEL_WIDTH + number * 220) for number, serie in enumerate(series)]
    return SvgChart(
        key=chart.key,
        title=chart.title,
        width=WIDTH,
        height=top + max(len(rows), 1) * row_height,
        label_x=LABEL_WIDTH - 8,
        rows=rows,
        legend=legend if len(series) > 1 else [],
        hatch_id=f"{chart.key}-hatch",
        hatch_colour=COLOURS[1],
    )
