// Lessons, sessions, exercises and grading.
