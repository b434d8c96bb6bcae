import Dispatch
import Foundation
import MLS
import TLSCodec

/// How members take in proposals and Commits (the runner's HandleCommit request carries both). Each member works on
/// its own state only, so the members of one step run concurrently; their outcomes are then checked in the script's
/// order, so the first failure reported and every byte of the run are the same as in a sequential run.
extension MLSInteropExecution {
    /// What one member made of the proposals and the Commit: its new state and the ProposalRef of each proposal it
    /// processed (nil for its own), or the error it raised.
    typealias MemberOutcome = Result<(group: MLSGroup, refs: [[UInt8]?]), any Error>

    /// Member `name` with state `group` processes `proposals` (skipping its own, which it has cached) and then
    /// `commit`, if any. Touches no shared state.
    static func memberWork(_ group: MLSGroup, name: String, proposals: [(record: MLSInteropProposalRecord, message: MLSMessage)],
                           labels: [String], commit: MLSMessage?, here: String) -> MemberOutcome {
        Result {
            var g = group
            var refs: [[UInt8]?] = []
            for (k, p) in proposals.enumerated() {
                if p.record.proposer == name, p.record.ref != nil {
                    refs.append(nil)
                    continue
                }
                let result = try attempt(here, name, "process the proposal of \(labels[k])", "RFC9420 §12.1") {
                    try g.process(p.message)
                }
                guard case .proposal(_, let ref, _) = result else {
                    throw VectorMismatch(field: "\(here): \(name): message of \(labels[k])", expected: "a proposal",
                                         actual: "\(result)", requirement: "RFC9420 §12.1")
                }
                refs.append(ref)
            }
            if let commit {
                try attempt(here, name, "process the Commit", "RFC9420 §12.4.2") { _ = try g.process(commit) }
            }
            return (g, refs)
        }
    }

    /// Takes in one member's outcome: rethrows its error, or checks each ProposalRef against the one the sender or
    /// an earlier receiver computed (RFC 9420 §5.2), records it, and stores the member's new state.
    mutating func accept(_ outcome: MemberOutcome, of name: String, records: inout [MLSInteropProposalRecord],
                         labels: [String]) throws -> (group: MLSGroup, refs: [[UInt8]]) {
        let (g, computed) = try outcome.get()
        var refs: [[UInt8]] = []
        for k in records.indices {
            guard let ref = computed[k] else {
                refs.append(records[k].ref ?? [])
                continue
            }
            if let known = records[k].ref, known != ref {
                throw VectorMismatch(field: "\(here): \(name): ProposalRef of \(labels[k])", expected: known.hex,
                                     actual: ref.hex, requirement: "RFC9420 §5.2")
            }
            records[k].ref = ref
            refs.append(ref)
        }
        setGroup(name, g)
        return (g, refs)
    }

    /// The proposals of `records`, parsed as a receiver does.
    func parsed(_ records: [MLSInteropProposalRecord], labels: [String]) throws -> [(record: MLSInteropProposalRecord, message: MLSMessage)] {
        try zip(records, labels).map { ($0, try parse($0.bytes, "proposal of \($1)")) }
    }

    /// Hands the proposals to member `name` before it commits or processes a Commit (the runner passes them with the
    /// Commit and HandleCommit requests). A member's own proposals are already cached; every other proposal is
    /// processed, and its ProposalRef must be the one the sender or the first receiver computed (RFC 9420 §5.2).
    /// Returns the ProposalRefs in order.
    mutating func deliver(_ records: inout [MLSInteropProposalRecord], labels: [String], to name: String) throws -> [[UInt8]] {
        let outcome = Self.memberWork(try group(name), name: name, proposals: try parsed(records, labels: labels),
                                      labels: labels, commit: nil, here: here)
        return try accept(outcome, of: name, records: &records, labels: labels).refs
    }

    /// The proposals of steps `indices`, with their labels.
    func proposalRecords(_ indices: [Int]) throws -> (records: [MLSInteropProposalRecord], labels: [String]) {
        var records: [MLSInteropProposalRecord] = []
        for i in indices {
            guard let r = output(i).proposal else { throw scriptError("step \(i) made no proposal") }
            records.append(r)
        }
        return (records, indices.map { "step \($0)" })
    }

    /// Hands the proposals of steps `indices` to `name` (see ``deliver(_:labels:to:)``), remembering their refs.
    mutating func deliver(steps indices: [Int], to name: String) throws -> [[UInt8]] {
        var (records, labels) = try proposalRecords(indices)
        let refs = try deliver(&records, labels: labels, to: name)
        for (i, r) in zip(indices, records) { outputs[i]?.proposal = r }
        return refs
    }

    /// Every member of `names` processes the proposals of steps `byReference` and then `commit`, concurrently;
    /// the outcomes are taken in order. Returns each member's new state.
    mutating func processCommit(_ names: [String], commit: MLSMessage, byReference: [Int]) throws -> [(name: String, group: MLSGroup)] {
        let (initial, labels) = try proposalRecords(byReference)
        var records = initial
        let proposals = try parsed(records, labels: labels)
        var states: [MLSGroup] = []
        for n in names { states.append(try group(n)) }
        let here = self.here
        let outcomes = Self.concurrentMap(Array(zip(names, states))) { member in
            MLSInteropExecution.memberWork(member.1, name: member.0, proposals: proposals, labels: labels, commit: commit,
                                           here: here)
        }
        var out: [(String, MLSGroup)] = []
        for (n, outcome) in zip(names, outcomes) {
            out.append((n, try accept(outcome, of: n, records: &records, labels: labels).group))
        }
        for (i, r) in zip(byReference, records) { outputs[i]?.proposal = r }
        return out
    }

    /// `transform` applied to every element on all cores; the results in input order.
    static func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = ConcurrentSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in slots.set(i, transform(items[i])) }
        return slots.values
    }
}

/// Result slots written by concurrent workers, one slot each, read after they all finished.
final class ConcurrentSlots<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [R?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: R) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [R] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
