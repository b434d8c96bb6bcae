import TLSCodec

/// `AppDataUpdateOperation` (draft-ietf-mls-extensions §4.7 "Updating Application Data in the GroupContext"):
/// `enum { invalid(0), update(1), remove(2), (255) }`; `invalid` and every unassigned value are refused.
public enum AppDataUpdateOperation: UInt8, Hashable, Sendable, CaseIterable {
    case update = 1
    case remove = 2
}

/// `AppDataUpdate` proposal body (draft-ietf-mls-extensions §4.7, proposal type `app_data_update`, 0x0008
/// suggested): changes one component's data in the GroupContext `app_data_dictionary`.
///
/// ```
/// struct { ComponentID component_id; AppDataUpdateOperation op;
///          select (op) { case update: opaque update<V>; case remove: struct{}; }; } AppDataUpdate;
/// ```
/// In a `Proposal` the body follows `proposal_type` inline, with no length prefix.
public struct AppDataUpdate: Hashable, Sendable, TLSCodable {
    /// The `select (op)` body.
    public enum Operation: Hashable, Sendable {
        /// `update`: component-defined update bytes, interpreted by the application logic of the component.
        case update([UInt8])
        /// `remove`: no body.
        case remove
    }

    public var componentID: UInt16
    public var operation: Operation

    public init(componentID: UInt16, operation: Operation) {
        self.componentID = componentID
        self.operation = operation
    }

    public init(from reader: inout TLSReader) throws {
        componentID = try reader.readUInt16("component_id")
        let op = try reader.readEnum8(AppDataUpdateOperation.self, "op",
                                      rule: "AppDataUpdateOperation must be update(1) or remove(2) (draft-ietf-mls-extensions §4.7)")
        switch op {
        case .update: operation = .update(try reader.readOpaque("update"))
        case .remove: operation = .remove
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(componentID)
        switch operation {
        case .update(let bytes):
            writer.writeUInt8(AppDataUpdateOperation.update.rawValue)
            writer.writeOpaque(bytes)
        case .remove:
            writer.writeUInt8(AppDataUpdateOperation.remove.rawValue)
        }
    }
}

extension AppDataUpdate {
    /// Checks the per-commit rule of draft-ietf-mls-extensions §4.7: for one component ID, either a single `remove`
    /// or one or more `update`s, never both and never two removes. Returns the first offending component ID (in
    /// ascending order), or nil when the list is valid.
    public static func conflictingComponent(in updates: [AppDataUpdate]) -> UInt16? {
        var removes: [UInt16: Int] = [:]
        var hasUpdate: Set<UInt16> = []
        for u in updates {
            switch u.operation {
            case .remove: removes[u.componentID, default: 0] += 1
            case .update: hasUpdate.insert(u.componentID)
            }
        }
        for (id, count) in removes.sorted(by: { $0.key < $1.key }) where count > 1 || hasUpdate.contains(id) {
            return id
        }
        return nil
    }
}
