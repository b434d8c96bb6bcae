/// Every vector runner the harness knows, in report order. A file that no runner accepts is reported as
/// unrecognised, never silently ignored.
public enum VectorRegistry {
    public static let runners: [any VectorRunner] = [
        ContentExampleRunner(), ContentNegativeRunner(),
    ]
}
