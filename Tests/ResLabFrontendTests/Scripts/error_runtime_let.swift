// Closures and functions see the session's lets; changing one is caught before running.
let limit = 3
func raise() {
    limit += 1
}
// expect error: 4:5: cannot use '+=' on 'limit': it is a 'let' constant
