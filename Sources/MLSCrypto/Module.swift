// Placeholder: this module is being written (see ARCHITECTURE.md).
