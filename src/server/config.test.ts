import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has working defaults: SQLite under data/ on port 3000", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe("sqlite:data/mitra.sqlite");
    expect(config.port).toBe(3000);
    expect(config.secureCookies).toBe("auto");
  });

  it("reads values from the environment", () => {
    const config = loadConfig({ MITRA_PORT: "8081", MITRA_TRUST_PROXY: "true" });
    expect(config.port).toBe(8081);
    expect(config.trustProxy).toBe(true);
  });

  it("names each bad variable and its value", () => {
    expect(() => loadConfig({ MITRA_PORT: "eighty", MITRA_LOG_LEVEL: "loud" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ MITRA_PORT: "70000" })).toThrow(/MITRA_PORT="70000"/);
  });
});
