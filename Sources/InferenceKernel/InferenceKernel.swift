// InferenceKernel — see docs/architecture.md for what belongs in this target and what it may import.
