"""axe-core (from the npm registry, injected by Playwright) finds no serious or critical violations."""

from pathlib import Path

import pytest

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e
AXE = Path(__file__).resolve().parents[2] / ".hkd" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
PUBLIC_PAGES = [("", "Openbare kaart"), ("wijktrends", "Wijktrends")]


def serious_violations(page) -> list[str]:
    """Run axe on the page; return 'rule: help (n nodes)' for every serious or critical violation."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed; run ./scripts/test, which installs it")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']} {v['nodes'][0]['html'][:160]})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES)
def test_public_pages_have_no_serious_accessibility_violations(app_server, page, path, heading):
    page.goto(f"{app_server}/{path}")
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert serious_violations(page) == []
