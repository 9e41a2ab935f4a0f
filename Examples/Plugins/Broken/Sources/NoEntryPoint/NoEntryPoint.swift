/// A shared library that exports Swift code but no `reslab_plugin_*` entry points.
public func answer() -> Int { 42 }
