namespace CoalitionBot.Tests.Support;

/// The tests of the published binary start real processes that take the CPU for seconds at a time:
/// they run on their own, after the in-process tests, rather than skewing those tests' timing.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeBinaryGroup : ICollectionFixture<NativeBinary>
{
    public const string Name = "Native AOT binary";
}
