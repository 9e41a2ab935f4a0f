// The public Swift API of ResLab: `import ResLab` gives the engine, the layers and models, the
// lesson language and the notebook, under the names the lessons use.
@_exported import ResLabEngine
@_exported import ResLabNN
@_exported import ResLabScript
@_exported import ResLabPlugin
@_exported import ResLabBuiltins
@_exported import ResLabFrontend
@_exported import ResLabNotebook
