"""The public areas API: provinces, districts and subdistricts."""

from __future__ import annotations

import httpx


class TestListProvinces:
    async def test_returns_all_77_with_codes_and_is_cacheable(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/api/v1/areas/provinces")
        assert response.status_code == 200
        provinces = response.json()
        assert len(provinces) == 77
        assert {"code": "10", "name_th": "กรุงเทพมหานคร", "name_en": "Bangkok"} in provinces
        assert "max-age" in response.headers["cache-control"]


class TestListDistricts:
    async def test_bangkok_by_thai_name_has_fifty_khet(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/areas/provinces/กรุงเทพมหานคร/districts")
        assert response.status_code == 200
        names = {d["name_th"] for d in response.json()}
        assert len(names) == 50
        assert "บางรัก" in names

    async def test_unknown_province_is_a_clear_404(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/areas/provinces/Atlantis/districts")
        assert response.status_code == 404
        assert response.json()["error"]["message"] == "no province 'Atlantis'"


class TestListSubdistricts:
    async def test_lists_khwaeng_of_a_khet(self, client: httpx.AsyncClient) -> None:
        districts = (await client.get("/api/v1/areas/provinces/10/districts")).json()
        bang_rak = next(d for d in districts if d["name_th"] == "บางรัก")
        response = await client.get(f"/api/v1/areas/districts/{bang_rak['code']}/subdistricts")
        assert response.status_code == 200
        assert "สีลม" in {s["name_th"] for s in response.json()}

    async def test_unknown_district_is_404(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/areas/districts/9999/subdistricts")
        assert response.status_code == 404
