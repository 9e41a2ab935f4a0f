// Arrays and dictionaries have value semantics.
var a = [1, 2, 3]
var b = a
b[0] = 100
b.append(4)
print(a, b)                                 // expect: [1, 2, 3] [100, 2, 3, 4]
print(a.count, a.first ?? 0, a.last ?? 0)   // expect: 3 1 3
a.insert(0, at: 0)
print(a, a.remove(at: 1), a)                // expect: [0, 1, 2, 3] 1 [0, 2, 3]
print(a.contains(2), a.firstIndex(of: 3) ?? -1) // expect: true 2
var grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid)                                 // expect: [[0, 0], [5, 0]]
print([1, 2] + [3], [1, 2] == [1, 2])       // expect: [1, 2, 3] true
print(Array(0..<4), Array(repeating: "x", count: 2)) // expect: [0, 1, 2, 3] ["x", "x"]
print([3, 1, 2].min() ?? 0, [3, 1, 2].max() ?? 0)   // expect: 1 3
print(["a", "b"].joined(separator: "-"))    // expect: a-b
print(zip([1, 2], ["x", "y"]).map { "\($0.0)\($0.1)" }) // expect: ["1x", "2y"]
print(Array([1, 2, 3].reversed()), [1, 2, 3].prefix(2), [1, 2, 3].dropFirst()) // expect: [3, 2, 1] [1, 2] [2, 3]

var ages = ["ada": 36, "alan": 41]
ages["grace"] = 85
print(ages["ada"] ?? 0, ages["nobody"] ?? 0) // expect: 36 0
ages["alan"] = nil
print(ages.count, ages.keys.sorted())       // expect: 2 ["ada", "grace"]
var counts: [String: Int] = [:]
for word in ["a", "b", "a"] { counts[word, default: 0] += 1 }
print(counts.sorted { $0.key < $1.key })   // expect: [(key: "a", value: 2), (key: "b", value: 1)]
for (word, count) in counts.sorted(by: { $0.value > $1.value }) { print(word, count) }
// expect: a 2
// expect: b 1
print(ages["ada"])                          // expect: Optional(36)
let copy = counts
counts["c"] = 3
print(copy.count, counts.count)             // expect: 2 3
