// Dictionaries print and iterate in insertion order (Swift's own order is unspecified; the
// lesson language fixes one so outputs are reproducible).
var table = ["b": 1]
table["a"] = 2
table["c"] = 3
print(table)                  // expect: ["b": 1, "a": 2, "c": 3]
table["a"] = nil
print(table, table.keys)      // expect: ["b": 1, "c": 3] ["b", "c"]
for (key, value) in table { print(key, value) }
// expect: b 1
// expect: c 3
