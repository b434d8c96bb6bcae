/// One entry of the requirement registry (docs/requirements.yaml): a MUST or SHOULD of RFC 9420, RFC 8949,
/// draft-ietf-mimi-protocol-06, draft-ietf-mimi-content-08 (and -07 where it differs), draft-ietf-mimi-room-policy-03
/// or draft-mahy-mimi-message-status-01, in the harness's words; or a `harness` rule of the harness's own.
public struct Requirement: Sendable, Hashable, Codable {
    /// Normative strength (RFC 2119 keywords; RECOMMENDED is recorded as SHOULD).
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        case must = "MUST"
        case mustNot = "MUST NOT"
        case should = "SHOULD"
        case shouldNot = "SHOULD NOT"
        /// Not a sentence of a specification: a limit or rule the harness itself applies (DEVELOPERS.md "Bytes from
        /// outside are hostile", e.g. the CBOR decoder's nesting limit) or a check of the harness's own verdicts.
        /// Cases that check one cite it like any other entry; coverage never lists it among the MUSTs.
        case harness

        /// MUST and MUST NOT: the ones coverage reports when no case checks them.
        public var isMandatory: Bool { self == .must || self == .mustNot }
    }

    public var id: String
    /// `RFC9420`, `RFC8949`, `draft-ietf-mimi-protocol-06`, `draft-ietf-mimi-content-08`, `draft-ietf-mimi-content-07`,
    /// `draft-ietf-mimi-room-policy-03`, `draft-mahy-mimi-message-status-01`, or `mimi-harness` for harness rules.
    public var source: String
    /// RFC section number (`8.7`, `Appendix C`) or, for drafts, the section heading.
    public var section: String
    public var level: Level
    public var text: String
    /// Extra citation strings that map to this entry (e.g. `RFC9420 §8` for a subsection checked by the §8 vectors).
    public var citations: [String]
    /// The property follows from several rules rather than one sentence.
    public var derived: Bool

    public init(id: String, source: String, section: String, level: Level, text: String, citations: [String] = [],
                derived: Bool = false) {
        self.id = id
        self.source = source
        self.section = section
        self.level = level
        self.text = text
        self.citations = citations
        self.derived = derived
    }
}
