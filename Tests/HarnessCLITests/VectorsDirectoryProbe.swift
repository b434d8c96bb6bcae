import Foundation
import Vectors

/// The published vectors root the tests use (MIMI_VECTORS_DIR, Vectors/published, ../shared/vectors), when it holds
/// the MLS vectors.
enum VectorsDirectoryProbe {
    static var publishedRoot: URL? {
        VectorsDirectory.published("mls/tree-math.json")?.deletingLastPathComponent().deletingLastPathComponent()
    }
}
