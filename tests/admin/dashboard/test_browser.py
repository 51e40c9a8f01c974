"""The dashboard in headless Chromium under its security headers: sign in, filter, sign out."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.async_api import expect

from siang.app import create_app
from siang.settings import Settings
from storage.models import UserRole
from tests.admin.conftest import PASSWORD, Accounts, Items
from tests.fixtures.live_server import browser_context, refusals, serve

expect.set_options(timeout=20_000)


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    with serve(create_app(settings)) as base_url:
        yield base_url


async def test_an_official_signs_in_filters_and_signs_out_with_nothing_refused(
    server: str, accounts: Accounts, items: Items
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    await items.add(agency="pwa-50")
    async with browser_context() as context:
        tab = await context.new_page()
        refused = refusals(tab)

        login = await tab.goto(server + "/admin/login")
        assert login is not None
        assert login.headers["x-frame-options"] == "DENY"
        assert login.headers["cache-control"] == "no-store"
        await tab.locator("input[name=email]").fill(official.email)
        await tab.locator("input[name=password]").fill(PASSWORD)
        await tab.locator("form[action='/admin/login'] button").click()
        await expect(tab).to_have_url(server + "/admin")
        await expect(tab.locator("table")).to_be_visible()

        # The page's script submits the filters as soon as a choice changes (once it has run:
        # on a loaded machine the table shows before the script at the end of the page runs).
        await tab.wait_for_load_state("load")
        await tab.locator("form.filters select[name=status]").select_option("routed")
        await expect(tab).to_have_url(re.compile(r"/admin\?status=routed"))

        await tab.get_by_role("button", name="ออกจากระบบ").click()
        await expect(tab).to_have_url(server + "/admin/login")
        assert refused == []
