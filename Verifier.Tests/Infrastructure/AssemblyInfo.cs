using Xunit;

// Tests share kernel state (bpffs, interfaces, cgroups, per-CPU values): run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
