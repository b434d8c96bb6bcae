/// A citation in its section form, as vector runners and checks write it (docs/requirements.md "Who cites what"):
/// a source, one or more sections, and optionally the RFC 2119 level of the sentence cited.
///
/// `RFC9420 §8.5`, `RFC 9420 §2.1.2`, `RFC9420 Appendix C`, `RFC8949 §3.2.1`,
/// `draft-ietf-mimi-content-08 §6.1 MUST NOT`, `draft-ietf-mimi-content-08 Appendix A.1`,
/// `draft-ietf-mimi-content-08 §6, §9.1`. Anything else (a registry id, free text) does not parse.
struct Citation: Equatable, Sendable {
    /// `RFC9420`, `RFC8949`, `draft-ietf-mimi-content-08`, …: the spelling of the registry's `source` field.
    var source: String
    /// Section numbers (`8.5`) or appendices (`Appendix A.1`), in the order cited.
    var sections: [String]
    /// The level word after the section, if any.
    var level: Requirement.Level?

    /// `RFC 9420` → `RFC9420`, runs of whitespace → one space, `App.` → `Appendix`.
    static func normalize(_ citation: String) -> String {
        var words = citation.split(whereSeparator: \.isWhitespace).map(String.init)
        var out: [String] = []
        var i = 0
        while i < words.count {
            if words[i] == "RFC", i + 1 < words.count, words[i + 1].allSatisfy(\.isNumber) {
                out.append("RFC" + words[i + 1])
                i += 2
                continue
            }
            if words[i] == "App." { words[i] = "Appendix" }
            out.append(words[i])
            i += 1
        }
        return out.joined(separator: " ")
    }

    init(source: String, sections: [String], level: Requirement.Level? = nil) {
        self.source = source
        self.sections = sections
        self.level = level
    }

    /// Parses a normalized or raw citation; nil when it is not in section form.
    init?(_ raw: String) {
        var words = Self.normalize(raw).split(separator: " ").map(String.init)
        guard words.count >= 2, let first = words.first, Self.isSource(first) else { return nil }
        source = first
        words.removeFirst()
        // A trailing level word: "MUST NOT", "SHOULD NOT", "MUST", "SHOULD".
        level = nil
        if words.count >= 2, words[words.count - 1] == "NOT", let l = Requirement.Level(rawValue: words[words.count - 2] + " NOT") {
            level = l
            words.removeLast(2)
        } else if let last = words.last, last != "NOT", let l = Requirement.Level(rawValue: last), l != .harness {
            level = l
            words.removeLast()
        }
        // The rest: "§N", "§N, §M", "§ N", "Appendix X".
        var sections: [String] = []
        var i = 0
        while i < words.count {
            var w = words[i]
            if w.hasSuffix(",") { w.removeLast() }
            if w == "Appendix" {
                guard i + 1 < words.count else { return nil }
                var name = words[i + 1]
                if name.hasSuffix(",") { name.removeLast() }
                guard Self.isSectionNumber(name, appendix: true) else { return nil }
                sections.append("Appendix " + name)
                i += 2
                continue
            }
            guard w.hasPrefix("§") else { return nil }
            var number = String(w.dropFirst())
            if number.isEmpty, i + 1 < words.count {
                i += 1
                number = words[i]
                if number.hasSuffix(",") { number.removeLast() }
            }
            guard Self.isSectionNumber(number, appendix: false) else { return nil }
            sections.append(number)
            i += 1
        }
        guard !sections.isEmpty else { return nil }
        self.sections = sections
    }

    /// The citation of one section without a level, as registry entries list it in `citations`.
    static func plain(_ source: String, _ section: String) -> String {
        section.hasPrefix("Appendix ") ? "\(source) \(section)" : "\(source) §\(section)"
    }

    /// `8.5` → `8`, `Appendix A.1` → `Appendix A`; nil at the top.
    static func parent(of section: String) -> String? {
        guard let dot = section.lastIndex(of: ".") else { return nil }
        return String(section[..<dot])
    }

    static func isSource(_ w: String) -> Bool {
        if w.hasPrefix("RFC") { return w.count > 3 && w.dropFirst(3).allSatisfy(\.isNumber) }
        return w.hasPrefix("draft-") && w.count > 6
    }

    /// `8`, `12.4.3.1`; for appendices also a leading capital letter (`C`, `A.1`).
    static func isSectionNumber(_ s: String, appendix: Bool) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        for (i, p) in parts.enumerated() {
            if i == 0 && appendix {
                guard p.count == 1, let c = p.first, c.isASCII, c.isUppercase else { return false }
            } else {
                guard p.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            }
        }
        return true
    }
}
