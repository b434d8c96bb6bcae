// mimi-bench: the benchmarks of issue 3, run in release mode (`swift run -c release mimi-bench`). Not a test: it
// reports times and peak memory for docs/BENCHMARKS.md.
//
//   mimi-bench [--vectors-dir DIR] [--sizes 1000,10000] [--suite 1] [--skip-vectors] [--populated-only] [--fresh-only]
import Foundation
import MLS
import MLSCrypto
import Results
import TLSCodec
import Vectors

/// Command-line options.
struct Options {
    var vectorsDir: String?
    var sizes: [Int] = [1_000, 10_000]
    var suite: UInt16 = 1
    var skipVectors = false
    var populatedOnly = false
    var freshOnly = false

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let a = args[i]
            let next = i + 1 < args.count ? args[i + 1] : nil
            switch a {
            case "--vectors-dir": vectorsDir = next; i += 1
            case "--sizes": sizes = (next ?? "").split(separator: ",").compactMap { Int($0) }; i += 1
            case "--suite": suite = UInt16(next ?? "") ?? 1; i += 1
            case "--skip-vectors": skipVectors = true
            case "--populated-only": populatedOnly = true
            case "--fresh-only": freshOnly = true
            default: break
            }
            i += 1
        }
    }
}

/// Wall-clock and process CPU seconds of one measured operation. The CPU time is what the process itself spent,
/// so it stays meaningful when other work shares the cores (wall time then includes waiting for a core).
struct Timing {
    var wall: Double
    var cpu: Double
}

/// CPU time of this process (CLOCK_PROCESS_CPUTIME_ID), in seconds; the benchmark is single-threaded.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Times `body`.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Timing) {
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = cpuSeconds()
    let value = try body()
    let cpu = cpuSeconds() - cpuStart
    let d = clock.now - start
    return (value, Timing(wall: Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, cpu: cpu))
}

/// "wall (cpu)" in milliseconds.
func ms(_ t: Timing) -> String { String(format: "%.1f ms (cpu %.1f ms)", t.wall * 1000, t.cpu * 1000) }

/// "wall (cpu)" in seconds.
func secs(_ t: Timing) -> String { String(format: "%.2f s (cpu %.2f s)", t.wall, t.cpu) }

/// Peak resident set size (VmHWM) from /proc/self/status, in MiB.
func peakMemoryMiB() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "n/a" }
    let kb = Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "") ?? 0
    return String(format: "%.0f MiB", kb / 1024)
}

/// Runs every published vector file with its runner.
func benchVectors(_ dir: String?) throws {
    guard let root = VectorsDirectory.locate(explicit: dir) else {
        print("vectors: directory not found (give --vectors-dir)")
        return
    }
    let files = try VectorFileWalker.files(under: root).filter { $0.relativePath.hasPrefix("mls/") || dir != nil }
    var counts: [CaseStatus: Int] = [:]
    let (_, seconds) = try timed {
        for file in files {
            guard let runner = VectorRegistry.runners.first(where: { $0.accepts(relativePath: file.relativePath) }) else { continue }
            let source = VectorSource(url: file.url, relativePath: file.relativePath, bytes: Array(try Data(contentsOf: file.url)))
            let (results, t) = timed { runner.run(source) }
            for r in results { counts[r.status, default: 0] += 1 }
            print("  \(file.relativePath): \(results.filter { $0.status == .passed }.count) passed in \(secs(t))")
        }
    }
    let summary = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    print("vectors: \(files.count) files under \(root.path): \(summary) in \(secs(seconds))")
}

/// Builds a group of `size` members with one Commit adding everyone, then times single commits.
func benchGroup(size: Int, suite: CipherSuite) throws {
    var rng = DeterministicRandom(seed: UInt64(size))
    let creator = try SigningIdentity.basic(Array("member-0".utf8), suite: suite, using: &rng)
    var alice = try MLSGroup.create(groupID: rng.bytes(16), suite: suite, identity: creator, using: &rng)

    let (bundles, tKP) = try timed {
        try (1..<size).map { i -> KeyPackageBundle in
            let id = try SigningIdentity.basic(Array("member-\(i)".utf8), suite: suite, using: &rng)
            return try KeyPackageBundle.make(suite: suite, identity: id, using: &rng)
        }
    }
    // The setup Commit adds everyone; only "bob" (the last added) joins, the others stay passive.
    let (setup, tSetup) = try timed {
        try alice.commit(CommitOptions(byValue: bundles.map { .add(Add(keyPackage: $0.keyPackage)) }))
    }
    try alice.mergePendingCommit()
    guard let bobBundle = bundles.last, case .welcome(let welcome)? = setup.welcome?.body else { return }
    let (joined, tJoin) = try timed {
        try MLSGroup.join(welcome: welcome, keyPackage: bobBundle, using: &rng)
    }
    var bob = joined
    print("group \(size): setup \(size - 1) KeyPackages \(secs(tKP)), one Commit adding all \(secs(tSetup)), Welcome join (tree validated) \(secs(tJoin))")

    // Add one member, no path: alice creates, bob processes.
    let newcomer = try KeyPackageBundle.make(suite: suite, identity: try SigningIdentity.basic(Array("new".utf8), suite: suite, using: &rng), using: &rng)
    let (addOut, tAddCreate) = try timed { try alice.commit(CommitOptions(byValue: [.add(Add(keyPackage: newcomer.keyPackage))])) }
    let (_, tAddProcess) = try timed { try bob.process(addOut.commit) }
    try alice.mergePendingCommit()
    print("group \(size): add one member, tree in the Welcome: create \(ms(tAddCreate)), process \(ms(tAddProcess)) (Welcome \(addOut.welcome?.tlsEncoded.count ?? 0) bytes)")

    // Add one member with the tree sent out of band (the usual choice for large groups, §12.4.3.3).
    let other = try KeyPackageBundle.make(suite: suite, identity: try SigningIdentity.basic(Array("new2".utf8), suite: suite, using: &rng), using: &rng)
    let (oobOut, tOobCreate) = try timed {
        try alice.commit(CommitOptions(byValue: [.add(Add(keyPackage: other.keyPackage))], ratchetTreeInWelcome: false))
    }
    let (_, tOobProcess) = try timed { try bob.process(oobOut.commit) }
    try alice.mergePendingCommit()
    print("group \(size): add one member, tree out of band: create \(ms(tOobCreate)), process \(ms(tOobProcess)) (Welcome \(oobOut.welcome?.tlsEncoded.count ?? 0) bytes)")

    // A path update by one member on the fresh tree (its parents are blank: the path is encrypted to every leaf).
    let (upd1, tUpd1Create) = try timed { try bob.commit(CommitOptions(forcePath: true)) }
    let (_, tUpd1Process) = try timed { try alice.process(upd1.commit) }
    try bob.mergePendingCommit()
    print("group \(size): path update, fresh tree (blank parents): create \(ms(tUpd1Create)), process \(ms(tUpd1Process)), commit \(upd1.commit.tlsEncoded.count) bytes")

    // Path updates by alice, then bob again: parents on their paths are now populated.
    let (upd2, tUpd2Create) = try timed { try alice.commit(CommitOptions(forcePath: true)) }
    let (_, tUpd2Process) = try timed { try bob.process(upd2.commit) }
    try alice.mergePendingCommit()
    let (upd3, tUpd3Create) = try timed { try bob.commit(CommitOptions(forcePath: true)) }
    let (_, tUpd3Process) = try timed { try alice.process(upd3.commit) }
    try bob.mergePendingCommit()
    print("group \(size): path update by alice: create \(ms(tUpd2Create)), process \(ms(tUpd2Process)), commit \(upd2.commit.tlsEncoded.count) bytes")
    print("group \(size): path update by bob again: create \(ms(tUpd3Create)), process \(ms(tUpd3Process)), commit \(upd3.commit.tlsEncoded.count) bytes")
    print("group \(size): agree: \(alice.epochAuthenticator == bob.epochAuthenticator), epoch \(alice.epoch), members \(alice.memberCount)")
}

/// Path updates in a fully populated tree (every parent node set, as after every member committed once).
func benchPopulated(size: Int, suite: CipherSuite) throws {
    var rng = DeterministicRandom(seed: UInt64(size) + 7)
    let (states, tBuild) = try timed {
        try MLSGroup.populatedFixture(memberCount: size, suite: suite, states: [0, UInt32(size - 1), UInt32(size / 2)], using: &rng)
    }
    guard states.count == 3 else { return }
    var (alice, bob, carol) = (states[0], states[1], states[2])
    let (treeValid, tValidate) = timed { () -> Bool in
        var t = alice.tree
        return (try? t.validate(groupID: alice.groupID, suite: suite, treeHash: alice.treeHash)) != nil
    }
    print("group \(size), populated tree: built in \(secs(tBuild)), tree valid \(treeValid) (\(secs(tValidate)))")
    for round in 1...3 {
        let (out, tCreate) = try timed { try alice.commit(CommitOptions(forcePath: true)) }
        let (_, tProcess) = try timed { try bob.process(out.commit) }
        try carol.process(out.commit)
        try alice.mergePendingCommit()
        print("group \(size), populated tree: path update \(round): create \(ms(tCreate)), process \(ms(tProcess)), commit \(out.commit.tlsEncoded.count) bytes")
        swap(&alice, &bob)
    }
    let newcomer = try KeyPackageBundle.make(suite: suite, identity: try SigningIdentity.basic(Array("new".utf8), suite: suite, using: &rng), using: &rng)
    let (addOut, tAddCreate) = try timed {
        try alice.commit(CommitOptions(byValue: [.add(Add(keyPackage: newcomer.keyPackage))], ratchetTreeInWelcome: false))
    }
    let (_, tAddProcess) = try timed { try bob.process(addOut.commit) }
    try carol.process(addOut.commit)
    try alice.mergePendingCommit()
    print("group \(size), populated tree: add one member, tree out of band: create \(ms(tAddCreate)), process \(ms(tAddProcess))")
    print("group \(size), populated tree: agree: \(alice.epochAuthenticator == bob.epochAuthenticator && bob.epochAuthenticator == carol.epochAuthenticator)")
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
do {
    if !options.skipVectors { try benchVectors(options.vectorsDir) }
    let suite = try CipherSuite(options.suite)
    for size in options.sizes {
        if !options.populatedOnly { try benchGroup(size: size, suite: suite) }
        if !options.freshOnly { try benchPopulated(size: size, suite: suite) }
    }
    print("peak memory (VmHWM): \(peakMemoryMiB())")
} catch {
    print("mimi-bench: \(error)")
    exit(1)
}
