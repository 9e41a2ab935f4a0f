// limit depth: 50
func down(_ n: Int) -> Int {
    return down(n + 1)
}
print(down(0))
// expect error: 3:12: too many nested calls (the call-depth limit is 50)
