let s = "Residual"
print(s.count, s.uppercased(), s.lowercased())       // expect: 8 RESIDUAL residual
print(s.hasPrefix("Res"), s.hasSuffix("x"), s.contains("sid")) // expect: true false true
print("a b  c".split(separator: " "))               // expect: ["a", "b", "c"]
print(String(s.reversed()), Array("abc"))           // expect: laudiseR ["a", "b", "c"]
var t = "x"
t += "y"
t.append("z")
print(t, t == "xyz", "a" < "b")                     // expect: xyz true true
print(String(repeating: "ab", count: 3))            // expect: ababab
for c in "hi" { print(c) }
// expect: h
// expect: i
print(Int("42") ?? 0, Int("4x2") ?? -1, Double("2.5") ?? 0) // expect: 42 -1 2.5
