import ArgumentParser
import HarnessCLI

/// The `mimi-harness` command: conformance and interop testing for the IETF MIMI protocols.
@main
struct MimiHarness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mimi-harness",
        abstract: "Conformance and interop harness for the IETF MIMI protocols (MLS, MIMI content, MIMI protocol).",
        discussion: """
        Examples:
          mimi-harness run                                   # the full built-in suite, report in Reports/latest
          mimi-harness vectors --vectors-dir ../shared/vectors/mls --report-dir R
          mimi-harness content id --draft 08 message.cbor
        """,
        version: "0.1.0",
        subcommands: HarnessCommands.all
    )

    init() {}
}
