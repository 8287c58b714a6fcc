import { expect, test, type Page } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// The map (issue 17): a leader's choropleth of the counties, a click into a county's precincts, the
// table view of the same numbers; the administrator's boundary upload refusing a bad file in
// Chinese, a good one replacing the schematic for the leader, and the way back.

const BRANCHES: [string, number, number][] = [
  ["420322", 110.0, 33.0], ["420304", 110.6, 33.0], ["420381", 111.2, 33.0],
  ["420391", 110.3, 32.6], ["420303", 110.6, 32.6], ["420302", 110.9, 32.6], ["420390", 111.2, 32.6],
  ["420324", 109.7, 32.2], ["420323", 110.2, 32.2], ["420325", 110.7, 32.2],
];
const square = (lon: number, lat: number, d = 0.28) => ({ type: "Polygon", coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
const geojson = (features: unknown[]) => Buffer.from(JSON.stringify({ type: "FeatureCollection", features }));
const feature = (code: string, geometry: unknown) => ({ type: "Feature", properties: { code }, geometry });

async function upload(page: Page, name: string, buffer: Buffer, crs?: string) {
  await page.locator("#boundary-file").setInputFiles({ name, mimeType: "application/geo+json", buffer });
  if (crs) await page.getByLabel("坐标系").selectOption(crs);
  await page.getByRole("button", { name: "上传并替换示意图" }).click();
}

test("a leader reads the map, drills into a county and switches to the table", async ({ page }) => {
  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  await page.getByRole("link", { name: "地图", exact: true }).click();
  await expect(page).toHaveURL(/\/stats\/map/);
  const map = page.getByTestId("unit-map");
  await expect(map).toHaveAttribute("data-source", "schematic");
  await expect(map.locator("g[data-code]")).toHaveCount(10);
  await expect(page.getByTestId("map-total")).toContainText("十堰市公安局合计");
  // The demo year holds warnings: some county is coloured.
  expect(await map.locator("g[data-code]:not([data-step='0'])").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("map-source")).toContainText("示意图");
  await screenshot(page, "map-city");

  // Drill-down: click 茅箭区 → its precincts (the demo's four, and any an administrator's test added).
  await map.locator('g[data-code="420302"]').click();
  await expect(page).toHaveURL(/unit=420302/);
  await expect(page.getByTestId("stats-breadcrumb")).toContainText("茅箭区分局");
  await expect(map.locator('g[data-code="420302"]')).toHaveCount(0);
  await expect.poll(() => map.locator("g[data-code]").count()).toBeGreaterThanOrEqual(4);
  await expect(map.locator('g[data-code="42030201"]')).toHaveAttribute("aria-label", /东城开发区派出所：预警数/);
  await page.getByRole("link", { name: "止损金额" }).click();
  await expect(page).toHaveURL(/m=losses/);
  await expect(page.getByTestId("unit-map-legend")).toBeVisible();
  await screenshot(page, "map-branch-losses");

  // The same numbers as a table.
  await page.getByTestId("map-view-table").click();
  await expect(page).toHaveURL(/view=table/);
  const table = page.getByTestId("map-table");
  await expect(table).toContainText("东城开发区派出所");
  await expect(table).toContainText("合计");
  await screenshot(page, "map-table");
});

test("the administrator's boundary upload refuses a bad file in Chinese, and a good one replaces the schematic", async ({ page, browser }) => {
  test.setTimeout(180_000); // two sign-ins and three uploads
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "地图边界" }).click();
  await expect(page.getByRole("heading", { name: "地图边界" })).toBeVisible();
  await expect(page.getByTestId("boundary-status")).toContainText("示意图");

  // A point where a polygon must be, and a code no unit has.
  await upload(page, "bad.geojson", geojson([feature("420302", square(110.9, 32.6)), feature("420303", { type: "Point", coordinates: [110.6, 32.6] }), feature("999999", square(110, 32))]), "WGS84");
  const errors = page.getByTestId("boundary-errors");
  await expect(errors).toContainText("文件未通过校验，未作任何更改");
  await expect(errors).toContainText("第2个要素（features[1]）的 geometry.type：几何类型必须是 Polygon 或 MultiPolygon");
  await expect(errors).toContainText("第3个要素（features[2]）的 properties.code：不是本辖区的单位编码");
  await screenshot(page, "map-upload-refused");

  // The coordinate system must be stated.
  await page.reload();
  await upload(page, "nocrs.geojson", geojson([feature("420302", square(110.9, 32.6))]));
  await expect(page.getByTestId("boundary-errors")).toContainText("请选择坐标系");

  // A good file: the leader's map draws it.
  await page.reload();
  await upload(page, "shiyan.geojson", geojson(BRANCHES.map(([code, lon, lat]) => feature(code, square(lon, lat)))), "GCJ02");
  await expect(page.getByRole("status")).toContainText("已上传 10 个区域的边界");
  await expect(page.getByTestId("boundary-status")).toContainText("GCJ-02");

  const leader = await browser.newPage();
  await loginAs(leader, "leader");
  await expectLoggedIn(leader, "/stats");
  await leader.goto("/stats/map");
  await expect(leader.getByTestId("unit-map")).toHaveAttribute("data-source", "boundaries");
  await expect(leader.getByTestId("map-source")).toContainText("官方边界（GCJ-02");
  await screenshot(leader, "map-boundaries");

  // Back to the schematic.
  await page.getByRole("button", { name: "恢复示意图" }).click();
  await expect(page.getByRole("status")).toContainText("已恢复示意图");
  await leader.reload();
  await expect(leader.getByTestId("unit-map")).toHaveAttribute("data-source", "schematic");
  await leader.close();
});
