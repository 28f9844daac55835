using Azure;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Integration.Tests.Storage;

public sealed class StorageFailuresTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new RequestFailedException("Connection refused", new HttpRequestException("refused")), true },
        { new RequestFailedException(503, "Server busy"), true },
        { new RequestFailedException(500, "Internal error"), true },
        { new RequestFailedException(429, "Too many requests"), true },
        { new AggregateException(new RequestFailedException("refused"), new HttpRequestException("refused")), true },
        { new HttpRequestException("refused"), true },
        { new TimeoutException(), true },
        { new RequestFailedException(409, "Conflict"), false },
        { new RequestFailedException(400, "Bad request"), false },
        { new StorageLimitExceededException("too big"), false },
        { new AggregateException(new RequestFailedException("refused"), new InvalidOperationException()), false },
        { new AggregateException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsUnavailable_Failure_TrueOnlyForOutages(Exception failure, bool expected) =>
        Assert.Equal(expected, StorageFailures.IsUnavailable(failure));
}
