import ArgumentParser

/// The subcommands of `mimi-harness`, in help order. Each lives in its own file in this target.
public enum HarnessCommands {
    public static let all: [any ParsableCommand.Type] = [
        ContentCommand.self,
    ]
}
