"""The collection's style applies to our figures only: importing and building leave matplotlib's
global settings alone, and a built figure carries the style wherever it is drawn."""

import subprocess
import sys

import matplotlib

from lecture_lib import plots
from lecture_lib.plots.style import RC, styled


def test_importing_plots_changes_no_matplotlib_setting():
    code = ("import matplotlib; before = dict(matplotlib.rcParams); "
            "import lecture_lib.plots, lecture_lib.plots.shallow, lecture_lib.interactive; "
            "changed = [k for k, v in matplotlib.rcParams.items() if before[k] != v]; "
            "print(changed)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_builder_styles_its_figure_and_restores_the_settings():
    before = dict(matplotlib.rcParams)
    fig, draw = plots.shallow.anatomy_1d()
    assert dict(matplotlib.rcParams) == before
    ax = fig.axes[-1]
    assert ax.title.get_fontsize() == RC["axes.titlesize"]
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    assert ax.xaxis.get_major_ticks()[0].label1.get_fontsize() == RC["xtick.labelsize"]
    unit_line = fig.axes[0].get_lines()[-1]          # drawn with the default line width
    assert unit_line.get_linewidth() == RC["lines.linewidth"] != matplotlib.rcParamsDefault["lines.linewidth"]


def test_draw_functions_run_in_the_style_too():
    seen = []

    @styled
    def builder():
        fig = plots.new_figure(2, 2)
        fig.add_subplot()
        return fig, lambda: seen.append(matplotlib.rcParams["lines.linewidth"])

    _, draw = builder()
    draw()
    assert seen == [RC["lines.linewidth"]]
    assert matplotlib.rcParams["lines.linewidth"] != RC["lines.linewidth"]
