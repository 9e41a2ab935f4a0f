import Testing

/// The suites that run lesson code in this process with the standard host, one test at a time:
/// Keras' automatic layer names (`dense`, `dense_1`) count per process, and the scripts print them.
@Suite(.serialized) enum StandardHostTests {}
