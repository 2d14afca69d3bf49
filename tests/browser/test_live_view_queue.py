"""The fast view's request queue (live_view.js), run in Chromium: at most two requests in
flight, the newest values always the next sent, and late answers refused after a time-out."""

import base64
from pathlib import Path

LIVE_VIEW_JS = Path(__file__).resolve().parents[2] / "lecture_lib" / "interactive" / "live_view.js"

SCENARIO = """async source => {
    const { requestQueue } = await import(source);
    const sent = [], log = [];
    const q = requestQueue(m => sent.push(m), 2, 200);
    for (const w of [1, 2, 3, 4, 5]) q.request({w});        // a fast drag: 5 moves
    log.push(sent.map(m => m.values.w).join());               // "1,2": two in flight
    log.push(String(q.answer(1)), sent.map(m => m.values.w).join());  // 5 replaced 3 and 4
    log.push(String(q.answer(2)), String(q.answer(3)), String(q.busy()));
    log.push(String(q.answer(3)));                            // the same answer twice
    q.request({w: 6});                                        // sent as seq 4 ...
    await new Promise(r => setTimeout(r, 300));               // ... and never answered
    q.request({w: 7});
    log.push(sent.map(m => m.seq + ':' + m.values.w).join());
    log.push(String(q.answer(4)), String(q.answer(5)), String(q.busy()));
    q.dispose();
    return log;
}"""


def test_newest_values_win_and_late_answers_are_refused(browser):
    page = browser.new_page()
    try:
        source = "data:text/javascript;base64," + base64.b64encode(
            LIVE_VIEW_JS.read_bytes()).decode("ascii")
        log = page.evaluate(SCENARIO, source)
    finally:
        page.close()
    assert log == ["1,2",
                   "true", "1,2,5",
                   "true", "true", "false",
                   "false",
                   "1:1,2:2,3:5,4:6,5:7",
                   "false", "true", "false"]
