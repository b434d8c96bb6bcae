import ArgumentParser
import Foundation
import MIMIContent
import TLSCodec

/// `mimi-harness content`: decode, validate, build and identify MIMI content messages (draft-ietf-mimi-content).
public struct ContentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Decode, validate, encode and identify MIMI content messages (draft-ietf-mimi-content-08; -07 on request).",
        discussion: """
        FILE holds binary CBOR, hexadecimal or base64 (detected automatically; --input-format to force); '-' reads stdin.
        Examples:
          mimi-harness content decode message.cbor
          mimi-harness content validate --now 1644387300 message.hex
          mimi-harness content id --draft 07 message.cbor
          mimi-harness content encode spec.yaml --output message.cbor
        """,
        subcommands: [Decode.self, Validate.self, Encode.self, ID.self])

    public init() {}

    /// Options shared by the subcommands that read a message.
    public struct InputOptions: ParsableArguments {
        @Argument(help: "The message: a file of binary CBOR, hex or base64, or '-' for stdin.")
        public var file: String

        @Option(name: .customLong("input-format"), help: "auto, binary, hex or base64.")
        public var inputFormat: String = "auto"

        @Option(help: "Content draft whose rules apply: 08 (default) or 07.")
        public var draft: String = "08"

        public init() {}

        func bytes() throws -> [UInt8] {
            guard let format = ContentInputFormat(rawValue: inputFormat) else {
                throw ValidationError("--input-format must be one of auto, binary, hex, base64")
            }
            return try ContentInput.decode(try ContentInput.read(file), format: format).bytes
        }

        func contentDraft() throws -> ContentDraft {
            guard let d = ContentDraft(argument: draft) else { throw ValidationError("--draft must be 07 or 08") }
            return d
        }
    }

    /// `content decode FILE`: prints the message as annotated diagnostic notation (EDN).
    public struct Decode: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Print a message (or any CBOR item) in diagnostic notation.",
            discussion: """
            Examples:
              mimi-harness content decode reply.cbor
              mimi-harness content decode --plain - < reply.hex
            """)
        @OptionGroup public var input: InputOptions
        @Flag(help: "Plain EDN without field comments.") public var plain = false
        public init() {}
        public func run() throws {
            let out = ContentOperations.decode(try input.bytes(), draft: try input.contentDraft(), plain: plain)
            print(out.text, terminator: "")
            if !out.ok { throw ExitCode(1) }
        }
    }

    /// `content validate FILE`: every finding with its requirement; exit status 1 when the message is invalid.
    public struct Validate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Check a message against the draft's rules; exit 1 when invalid.",
            discussion: """
            Examples:
              mimi-harness content validate message.cbor
              mimi-harness content validate --now 1700000000 --draft 07 message.hex
            """)
        @OptionGroup public var input: InputOptions
        @Option(help: "Receiver clock in UNIX seconds for expiry and timestamp checks (default: the current time).")
        public var now: UInt64?
        @Flag(help: "Skip the checks that need a clock.") public var noClock = false
        @Option(help: "Hub accepted timestamp of the message, milliseconds since the epoch.") public var hubTimestamp: UInt64?
        @Option(help: "Room creation time, milliseconds since the epoch.") public var roomCreated: UInt64?
        @Option(parsing: .upToNextOption, help: "Member URIs of the group (the sender must be one).") public var member: [String] = []
        @Flag(help: "Treat warnings as failures too.") public var strict = false
        public init() {}
        public func run() throws {
            let clock = noClock ? nil : (now ?? UInt64(Date().timeIntervalSince1970))
            let context = ValidationContext(draft: try input.contentDraft(), now: clock, hubTimestampMillis: hubTimestamp,
                                            roomCreatedMillis: roomCreated, members: member.isEmpty ? nil : Set(member))
            let out = ContentOperations.validate(try input.bytes(), context: context, strict: strict)
            print(out.text, terminator: "")
            if !out.ok { throw ExitCode(1) }
        }
    }

    /// `content encode SPEC`: builds a message from a YAML or JSON description.
    public struct Encode: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Build a message from a YAML or JSON description; prints hex, or writes binary with --output.",
            discussion: """
            Fields: salt, replaces, topicId, expires {relative, time}, inReplyTo, senderUri, roomUri, extensions, \
            body {disposition, language, contentType+content | external {...} | semantics+parts | null: true}.
            Examples:
              mimi-harness content encode message.yaml
              mimi-harness content encode --output message.cbor message.json
            """)
        @Argument(help: "The description file, or '-' for stdin.") public var spec: String
        @Option(help: "Write the binary CBOR to this file instead of printing hex.") public var output: String?
        @Flag(help: "Print base64 instead of hex.") public var base64 = false
        @Option(help: "Seed for the salt when the description has none.") public var seed: UInt64 = 0
        public init() {}
        public func run() throws {
            let text = String(decoding: try ContentInput.read(spec), as: UTF8.self)
            let bytes = try ContentOperations.encode(spec: text, seed: seed)
            if let output {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } else {
                print(base64 ? Data(bytes).base64EncodedString() : bytes.hex)
            }
        }
    }

    /// `content id FILE`: the message ID as lowercase hex on one line.
    public struct ID: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "id", abstract: "Print the message ID (§3.3) as lowercase hex.",
            discussion: """
            Examples:
              mimi-harness content id reply.cbor
              mimi-harness content id --draft 07 reply.cbor
            """)
        @OptionGroup public var input: InputOptions
        @Option(help: "Sender URI, when the message has no extension 1.") public var senderUri: String?
        @Option(help: "Room URI, when the message has no extension 2.") public var roomUri: String?
        public init() {}
        public func run() throws {
            print(try ContentOperations.messageID(try input.bytes(), draft: try input.contentDraft(), senderUri: senderUri, roomUri: roomUri))
        }
    }
}
