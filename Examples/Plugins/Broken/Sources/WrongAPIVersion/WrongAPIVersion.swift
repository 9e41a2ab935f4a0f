/// Claims a plugin API version no host has, as a plugin built against a future ResLab would.
@_cdecl("reslab_plugin_api_version")
public func pluginAPIVersion() -> Int32 { 999 }

@_cdecl("reslab_plugin_create")
public func createPlugin() -> UnsafeMutableRawPointer? { nil }
