@_exported import ResLabScript
