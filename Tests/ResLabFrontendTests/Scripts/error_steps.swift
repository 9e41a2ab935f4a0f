// limit steps: 1000
var i = 0
while true {
    i += 1
}
// expect error: 3:1: execution stopped after 1000 steps (the step budget)
