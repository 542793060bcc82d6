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
    expect(config.trustProxy).toBe(1);
  });

  it("trusts no proxy, a number of hops, or proxy addresses", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ MITRA_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ MITRA_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(
      loadConfig({ MITRA_TRUST_PROXY: "10.0.0.2, 192.168.0.0/16,loopback" }).trustProxy,
    ).toEqual(["10.0.0.2", "192.168.0.0/16", "loopback"]);
    expect(() => loadConfig({ MITRA_TRUST_PROXY: "yes please" })).toThrow(/MITRA_TRUST_PROXY/);
  });

  it("names each bad variable and its value", () => {
    expect(() => loadConfig({ MITRA_PORT: "eighty", MITRA_LOG_LEVEL: "loud" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ MITRA_PORT: "70000" })).toThrow(/MITRA_PORT="70000"/);
  });
});
