/// Studies: many runs of one scenario — replications on all cores, sweeps, shards and their merge,
/// capacity plans. Imports FacilitySim (the run), Scenario (files and overrides) and Reporting (outputs).
public enum Studies {}
