import ArgumentParser

/// The subcommands of `mimi-harness`, in help order. Each lives in its own file in this target.
public enum HarnessCommands {
    public static let all: [any ParsableCommand.Type] = [
        // The main job.
        RunCommand.self,

        // Published and generated test vectors.
        VectorsCommand.self,

        // MIMI content tools.
        ContentCommand.self,

        // Reports and reproduction.
        ReportCommand.self,
        ReplayCommand.self,

    ]
}
