import PCSCTestSupport
import Testing

/// The parent of every suite that talks to the rig's pcscd or places tags on its readers.
///
/// Those suites share one daemon and its two virtual readers (one tag per reader at a time), and a suite
/// that stops or kills pcscd takes the daemon away from everyone else in the process (see ``PCSCRig``), so
/// they must not run at the same time. `.serialized` on a suite applies to the suites nested in it:
///
///     extension PCSCRigSuites {
///         @Suite struct MonitorTests { … }
///     }
@Suite(.serialized) enum PCSCRigSuites {}
