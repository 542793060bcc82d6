import { describe, expect, it } from "vitest";
import { changeParams, readTableParams, sortBy, tableSearch } from "./table-params.ts";

const read = (search: string) => readTableParams(new URLSearchParams(search));

describe("the patient table's address", () => {
  it("reads a view and writes it back without its defaults", () => {
    const params = read("?q=rosa&level=urgent&quiet=3&sort=name&dir=desc&page=2");
    expect(params).toEqual({
      q: "rosa",
      level: "urgent",
      quiet: 3,
      sort: "name",
      dir: "desc",
      page: 2,
    });
    expect(tableSearch(params)).toBe("?q=rosa&level=urgent&quiet=3&sort=name&dir=desc&page=2");
    expect(tableSearch(read("?sort=urgency&dir=desc&page=1"))).toBe("");
  });

  it("leaves at its default what it cannot read", () => {
    expect(read("?level=red&quiet=-1&sort=age&dir=up&page=x")).toEqual(read(""));
    expect(read("").sort).toBe("urgency");
  });

  it("starts a new search or order at page 1, and flips a column clicked again", () => {
    const onPage3 = read("?page=3");
    expect(changeParams(onPage3, { q: "bea" }).page).toBe(1);
    const byName = sortBy(onPage3, "name");
    expect(byName).toMatchObject({ sort: "name", dir: "asc", page: 1 });
    expect(sortBy(byName, "name").dir).toBe("desc");
    expect(sortBy(byName, "last-entry").dir).toBe("desc");
  });
});
