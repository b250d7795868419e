// The price chart's geometry on invented series.
import { niceTicks, priceChartGeometry } from "../../src/core/chart/priceChart";

describe("price chart geometry", () => {
  it("puts the oldest price at the left, the newest at the right, higher prices higher", () => {
    const g = priceChartGeometry([
      { day: 100, low: 10, high: 12, mid: 11 },
      { day: 110, low: 14, high: 16, mid: 15 },
    ], 300, 160);
    expect(g.dots[0].x).toBe(g.plot.left);
    expect(g.dots[1].x).toBe(g.plot.right);
    expect(g.dots[1].y).toBeLessThan(g.dots[0].y);
    // the band runs along the highs and back along the lows
    expect(g.band.startsWith(`M${g.plot.left},`)).toBe(true);
    expect(g.band.endsWith("Z")).toBe(true);
    expect(g.mid).toBe(`M${g.dots[0].x},${g.dots[0].y} L${g.dots[1].x},${g.dots[1].y}`);
    // every price is inside the price axis
    expect(g.yTicks[0].value).toBeLessThanOrEqual(10);
    expect(g.yTicks[g.yTicks.length - 1].value).toBeGreaterThanOrEqual(16);
  });

  it("one day's range is a whisker, not a band", () => {
    const g = priceChartGeometry([{ day: 100, low: 14000, high: 14200, mid: 14100 }], 320, 160);
    expect(g.band).toBe("");
    expect(g.whiskers).toEqual([{ x: g.dots[0].x, low: expect.any(Number), high: expect.any(Number) }]);
    expect(g.whiskers[0].high).toBeLessThan(g.whiskers[0].low);
  });

  it("a single price is one dot in the middle, and single figures draw no band", () => {
    const g = priceChartGeometry([{ day: 100, low: 17000, high: 17000, mid: 17000 }], 320, 160);
    expect(g.dots).toEqual([{ x: (g.plot.left + g.plot.right) / 2, y: expect.any(Number) }]);
    expect(g.band).toBe("");
    expect(g.xTicks.map((t) => t.day)).toEqual([100]);
  });

  it("an empty series draws nothing", () => {
    expect(priceChartGeometry([], 320, 160).dots).toEqual([]);
  });

  it("price ticks are round steps covering the range", () => {
    expect(niceTicks(16150, 17200)).toEqual([16000, 16500, 17000, 17500]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
  });
});
