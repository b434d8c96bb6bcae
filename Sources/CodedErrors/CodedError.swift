/// The one error design of the harness's modules, after swift-asn1's `ASN1Error`: each module has a single error
/// struct (`TLSCodecError`, `CBORError`, `MLSError`, `ContentError`, …) that conforms to this protocol.
///
/// - ``code`` is the stable identifier to match on: an enum with String raw values, one case per rule.
/// - ``reason`` says in words what was wrong, with the values involved; ``location`` where (the field path and
///   the byte offset when the error concerns bytes); ``requirement`` the requirement id of docs/requirements.yaml
///   (or a citation such as `draft-ietf-mls-extensions §6.3.1`) of the rule, where one applies.
/// - Two errors are equal, and hash alike, when their codes are equal: tests assert the code, never the message.
/// - ``description`` names all of it: `mls.duplicateAdd at Commit.proposals[2]: … [RFC9420-12.2-duplicateAdd]`.
///
/// It lives in a target of its own, with no dependency, so that every module can use it: the codecs at the bottom
/// of the dependency graph (`TLSCodec` and `CBOR`, which do not depend on each other) as well as those above them.
public protocol CodedError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The module's rule codes.
    associatedtype Code: RawRepresentable, Hashable, Sendable where Code.RawValue == String

    /// The rule broken.
    var code: Code { get }
    /// What was wrong, in words, with the values involved.
    var reason: String { get }
    /// Where the problem lies (`KeyPackage.leaf_node.capabilities at byte 120`), when that is known.
    var location: String? { get }
    /// The requirement id or citation of the rule, where one applies.
    var requirement: String? { get }
    /// The prefix of ``identifier`` that names the module: `tls`, `cbor`, `mls`, `content`.
    static var domain: String { get }
    /// The stable identifier used in reports and negative vectors; by default `<domain>.<code>`.
    var identifier: String { get }
}

extension CodedError {
    /// The stable identifier used in reports and negative vectors: `<domain>.<code>` (`cbor.unsortedMapKeys`).
    public var identifier: String { "\(Self.domain).\(code.rawValue)" }

    public var description: String {
        var text = identifier
        if let location, !location.isEmpty { text += " at \(location)" }
        text += ": \(reason)"
        if let requirement { text += " [\(requirement)]" }
        return text
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension CodedError {
    /// A ``location`` for an error in bytes: `field at byte N`, `field`, or `byte N`; nil when neither is known.
    public static func location(field: String?, offset: Int?) -> String? {
        let named = field.flatMap { $0.isEmpty ? nil : $0 }
        switch (named, offset) {
        case let (named?, offset?): return "\(named) at byte \(offset)"
        case let (named?, nil): return named
        case let (nil, offset?): return "byte \(offset)"
        case (nil, nil): return nil
        }
    }
}
