// Valid Swift outside the subset is named.
class Layer {}
struct Point { var x: Int }
enum Mode { case a }
let m = 3
switch m {
default: break
}
let y = m as Double
func g<T>(_ x: T) {}
import Foundation
// expect error: 2:1: classes are not part of the lesson language yet
// expect error: 3:1: structs are not part of the lesson language yet
// expect error: 4:1: enums are not part of the lesson language yet
// expect error: 6:1: switch statements are not part of the lesson language yet
// expect error: 9:9: 'as' casts are not part of the lesson language yet
// expect error: 10:7: generic functions are not part of the lesson language yet
// expect error: 11:8: module 'Foundation' is not available in lessons
