// Lessons, sessions, exercises and grading.
//
// Folders by role:
// - Markdown/: CommonMark (cmark-gfm) parsed into a Swift tree, the only place that touches cmark.
// - Lesson/: the lesson file format (front matter, cells, exercises, tests, hints), see
//   docs/lesson-format.md.
// - Running/: the protocol through which an interpreter runs a cell's source.
// - Release/: the student version of a lesson.
// - Terminal/, Export/: prose for the terminal; a lesson with its outputs as Markdown or HTML.
// - Progress/, Catalogue/: where the learner is; which lessons there are.
