// The lesson language's runtime: AST, resolver, interpreter and values (see README).
