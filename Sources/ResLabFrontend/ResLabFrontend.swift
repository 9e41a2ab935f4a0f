// Swift-syntax front end of the lesson language.
