import Foundation
import Results
import TLSCodec

/// A computed value differs from the vector's expected value.
public struct VectorMismatch: Error, Sendable, CustomStringConvertible {
    public let field: String
    public let expected: String
    public let actual: String
    public let requirement: String?
    public let note: String?

    public init(field: String, expected: String, actual: String, requirement: String? = nil, note: String? = nil) {
        self.field = field
        self.expected = expected
        self.actual = actual
        self.requirement = requirement
        self.note = note
    }

    public var description: String {
        var s = "\(field): computed value differs from the vector"
        if let requirement { s += " (\(requirement))" }
        if let note { s += ": \(note)" }
        return s
    }
}

/// A case the harness cannot run, with the reason (e.g. a cipher suite without an implementation).
public struct VectorUnsupported: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// An error raised while using one field of a vector case (a message that does not parse, a key the crypto
/// rejects), naming that field so that a corrupted vector points at the value to look at.
public struct VectorFieldError: Error, Sendable, CustomStringConvertible {
    /// The field path in the case, as the vector file spells it (`proposal_pub`, `epochs[2].external_pub`).
    public let field: String
    public let underlying: String

    public init(field: String, underlying: any Error) {
        self.field = field
        self.underlying = "\(underlying)"
    }

    public var description: String { "field '\(field)': \(underlying)" }
}

/// Runs the body of one vector case and turns its outcome into a ``CaseResult``.
public enum VectorCase {
    /// `body` returns normally when every check passed; throws ``VectorMismatch`` (failed),
    /// ``VectorUnsupported`` (unsupported) or anything else (error, e.g. a malformed field).
    public static func run(id: String, source: String, cipherSuite: UInt16? = nil, requirements: [String],
                           warnings: [String] = [], _ body: () throws -> Void) -> CaseResult {
        run(id: id, source: source, cipherSuite: cipherSuite, requirements: requirements, warnings: warnings) { _ in
            try body()
        }
    }

    /// As ``run(id:source:cipherSuite:requirements:warnings:_:)``, with `body` appending the findings of its checks
    /// (SHOULD-level and policy rules that did not hold) to the case's ``CaseResult/findings``; they are kept when
    /// the case fails, and never change its status.
    public static func run(id: String, source: String, cipherSuite: UInt16? = nil, requirements: [String],
                           warnings: [String] = [], _ body: (inout [Finding]) throws -> Void) -> CaseResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result = CaseResult(id: id, status: .passed, cipherSuite: cipherSuite, requirements: requirements,
                                source: source, warnings: warnings)
        do {
            try body(&result.findings)
        } catch let m as VectorMismatch {
            result.status = .failed
            result.message = m.description
            result.expected = m.expected
            result.actual = m.actual
            if let r = m.requirement, !result.requirements.contains(r) { result.requirements.append(r) }
        } catch let u as VectorUnsupported {
            result.status = .unsupported
            result.message = u.reason
        } catch {
            result.status = .error
            result.message = "\(source): \(error)"
        }
        let elapsed = clock.now - start
        result.durationSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return result
    }

    /// Runs `body`, which uses the case's field `field`: a ``VectorMismatch`` or ``VectorUnsupported`` passes
    /// through, and any other error becomes a ``VectorFieldError`` naming the field (innermost name wins).
    public static func field<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as VectorMismatch {
            throw e
        } catch let e as VectorUnsupported {
            throw e
        } catch let e as VectorFieldError {
            throw e
        } catch {
            throw VectorFieldError(field: field, underlying: error)
        }
    }

    /// Throws ``VectorMismatch`` when `actual` differs from `expected`.
    public static func expectEqual(_ actual: [UInt8], _ expected: [UInt8], _ field: String, _ requirement: String? = nil) throws {
        if actual != expected {
            throw VectorMismatch(field: field, expected: expected.hex, actual: actual.hex, requirement: requirement)
        }
    }

    /// Throws ``VectorMismatch`` when `actual` differs from `expected`.
    public static func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ field: String, _ requirement: String? = nil) throws {
        if actual != expected {
            throw VectorMismatch(field: field, expected: render(expected), actual: render(actual), requirement: requirement)
        }
    }

    /// A value as a vector file would write it: optionals unwrapped (`8`, not `Optional(8)`), nil as `null`.
    static func render(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "null" }
            return render(wrapped)
        }
        return "\(value)"
    }
}
